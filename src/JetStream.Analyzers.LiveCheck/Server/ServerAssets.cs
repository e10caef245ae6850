using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.LiveCheck.Server;

/// <summary>A stream as the server runs it: its configuration in the rule model, and where it is placed.</summary>
public sealed class ServerStream
{
    public ServerStream(string name, StreamModel config, long consumerCount, string? cluster, int peers)
    {
        Name = name;
        Config = config;
        ConsumerCount = consumerCount;
        Cluster = cluster;
        Peers = peers;
    }

    public string Name { get; }

    public StreamModel Config { get; }

    public long ConsumerCount { get; }

    /// <summary>The cluster that runs the stream, when the server is clustered.</summary>
    public string? Cluster { get; }

    /// <summary>Servers holding a replica (leader and followers); 0 when the server doesn't say.</summary>
    public int Peers { get; }
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
