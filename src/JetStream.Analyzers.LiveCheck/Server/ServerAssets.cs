using JetStream.Analyzers.Rules.Health;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.LiveCheck.Server;

/// <summary>A stream as the server runs it: its configuration in the rule model, how many consumers it has, and its state.</summary>
public sealed class ServerStream
{
    public ServerStream(string name, StreamModel config, long consumerCount, StreamHealth health)
    {
        Name = name;
        Config = config;
        ConsumerCount = consumerCount;
        Health = health;
    }

    public StreamHealth Health { get; }

    public string Name { get; }

    public StreamModel Config { get; }

    public long ConsumerCount { get; }
}

/// <summary>A consumer as the server runs it, and its delivery state.</summary>
public sealed class ServerConsumer
{
    public ServerConsumer(string name, ConsumerModel config, ConsumerHealth health)
    {
        Name = name;
        Config = config;
        Health = health;
    }

    public ConsumerHealth Health { get; }

    public string Name { get; }

    public ConsumerModel Config { get; }
}
