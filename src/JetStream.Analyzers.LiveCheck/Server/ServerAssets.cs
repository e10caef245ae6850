using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.LiveCheck.Server;

/// <summary>A stream as the server runs it: its configuration in the rule model, and how many consumers it has.</summary>
public sealed class ServerStream
{
    public ServerStream(string name, StreamModel config, long consumerCount)
    {
        Name = name;
        Config = config;
        ConsumerCount = consumerCount;
    }

    public string Name { get; }

    public StreamModel Config { get; }

    public long ConsumerCount { get; }
}

/// <summary>A consumer as the server runs it.</summary>
public sealed class ServerConsumer
{
    public ServerConsumer(string name, ConsumerModel config)
    {
        Name = name;
        Config = config;
    }

    public string Name { get; }

    public ConsumerModel Config { get; }
}
