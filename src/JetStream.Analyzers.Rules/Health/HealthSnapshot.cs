using System.Collections.Generic;

namespace JetStream.Analyzers.Rules.Health;

/// <summary>
/// The state of an account's streams and consumers as the server reports it in the replies the live check already
/// reads (account info, the stream list, the consumer lists), normalized for the health rules and the report.
/// </summary>
public sealed class HealthSnapshot
{
    public HealthSnapshot(string server, AccountUsage account, IReadOnlyList<StreamHealth> streams)
    {
        Server = server;
        Account = account;
        Streams = streams;
    }

    /// <summary>The server as messages name it.</summary>
    public string Server { get; }

    public AccountUsage Account { get; }

    /// <summary>The streams in scope, each with its consumers.</summary>
    public IReadOnlyList<StreamHealth> Streams { get; }
}

/// <summary>What the account uses of its JetStream limits: one budget untiered, or one per tier ("R1", "R3").</summary>
public sealed class AccountUsage
{
    public AccountUsage(long streams, long consumers, IReadOnlyList<UsageBudget> budgets)
    {
        Streams = streams;
        Consumers = consumers;
        Budgets = budgets;
    }

    public long Streams { get; }

    /// <summary>Consumers of every stream of the account.</summary>
    public long Consumers { get; }

    public IReadOnlyList<UsageBudget> Budgets { get; }
}

/// <summary>Memory and storage used against one set of limits; a limit of zero or less is no limit.</summary>
public sealed class UsageBudget
{
    public UsageBudget(string? tier, long memory, long storage, long maxMemory, long maxStorage)
    {
        Tier = tier;
        Memory = memory;
        Storage = storage;
        MaxMemory = maxMemory;
        MaxStorage = maxStorage;
    }

    /// <summary>Null for the account's one set of limits.</summary>
    public string? Tier { get; }

    public long Memory { get; }

    public long Storage { get; }

    public long MaxMemory { get; }

    public long MaxStorage { get; }
}

public sealed class StreamHealth
{
    public StreamHealth(string name, StreamLimits limits, long messages, long bytes, long consumerCount, long createdAgeNanos, ReplicaGroup? cluster, IReadOnlyList<UpstreamHealth> upstreams)
    {
        Name = name;
        Limits = limits;
        Messages = messages;
        Bytes = bytes;
        ConsumerCount = consumerCount;
        CreatedAgeNanos = createdAgeNanos;
        Cluster = cluster;
        Upstreams = upstreams;
    }

    public string Name { get; }

    public StreamLimits Limits { get; }

    public long Messages { get; }

    public long Bytes { get; }

    public long ConsumerCount { get; }

    /// <summary>How long ago the stream was created, by the server's clock when it says; -1 when unknown.</summary>
    public long CreatedAgeNanos { get; }

    /// <summary>Null on a server without clustering.</summary>
    public ReplicaGroup? Cluster { get; }

    /// <summary>The mirror, or the sources.</summary>
    public IReadOnlyList<UpstreamHealth> Upstreams { get; }

    /// <summary>The stream's consumers; null when they were not read (the stream is out of scope or has none).</summary>
    public IReadOnlyList<ConsumerHealth>? Consumers { get; set; }
}

/// <summary>A stream's message and byte limits (zero or less: none) and what happens at them.</summary>
public sealed class StreamLimits
{
    public StreamLimits(long maxMsgs, long maxBytes, bool discardNew, long replicas)
    {
        MaxMsgs = maxMsgs;
        MaxBytes = maxBytes;
        DiscardNew = discardNew;
        Replicas = replicas;
    }

    public long MaxMsgs { get; }

    public long MaxBytes { get; }

    public bool DiscardNew { get; }

    public long Replicas { get; }
}

/// <summary>A mirror or source as the stream that pulls from it reports it.</summary>
public sealed class UpstreamHealth
{
    public UpstreamHealth(string name, bool mirror, long lag, long activeNanos, string? error, string? apiPrefix)
    {
        Name = name;
        Mirror = mirror;
        Lag = lag;
        ActiveNanos = activeNanos;
        Error = error;
        ApiPrefix = apiPrefix;
    }

    /// <summary>The origin stream's name.</summary>
    public string Name { get; }

    public bool Mirror { get; }

    /// <summary>Messages of the origin not yet copied.</summary>
    public long Lag { get; }

    /// <summary>Time since the origin was last heard from; -1 when never.</summary>
    public long ActiveNanos { get; }

    /// <summary>The server's description of a problem with the origin, when it reports one.</summary>
    public string? Error { get; }

    /// <summary>The external API prefix the origin is reached through, when it is in another domain or account.</summary>
    public string? ApiPrefix { get; }
}

/// <summary>The Raft group of a clustered stream or consumer: its leader and the other replicas.</summary>
public sealed class ReplicaGroup
{
    public ReplicaGroup(string? cluster, string? leader, IReadOnlyList<ReplicaHealth> replicas)
    {
        ClusterName = cluster;
        Leader = leader;
        Replicas = replicas;
    }

    public string? ClusterName { get; }

    /// <summary>Null or empty when the group has no leader.</summary>
    public string? Leader { get; }

    /// <summary>The followers (the leader is not listed).</summary>
    public IReadOnlyList<ReplicaHealth> Replicas { get; }
}

public sealed class ReplicaHealth
{
    public ReplicaHealth(string name, bool current, bool offline, long lag, long activeNanos)
    {
        Name = name;
        Current = current;
        Offline = offline;
        Lag = lag;
        ActiveNanos = activeNanos;
    }

    public string Name { get; }

    public bool Current { get; }

    public bool Offline { get; }

    /// <summary>Raft entries behind the leader.</summary>
    public long Lag { get; }

    /// <summary>Time since the leader last heard from it.</summary>
    public long ActiveNanos { get; }
}

public sealed class ConsumerHealth
{
    public ConsumerHealth(string stream, string name, ConsumerCounts counts, long maxAckPending, bool acks, long lastDeliveryAgeNanos, ReplicaGroup? cluster)
    {
        Stream = stream;
        Name = name;
        Counts = counts;
        MaxAckPending = maxAckPending;
        Acks = acks;
        LastDeliveryAgeNanos = lastDeliveryAgeNanos;
        Cluster = cluster;
    }

    public string Stream { get; }

    public string Name { get; }

    public ConsumerCounts Counts { get; }

    /// <summary>Zero or less: no limit.</summary>
    public long MaxAckPending { get; }

    /// <summary>False for ack policy none: nothing is pending acknowledgement or redelivered.</summary>
    public bool Acks { get; }

    /// <summary>How long ago the last message was delivered; -1 when never or unknown.</summary>
    public long LastDeliveryAgeNanos { get; }

    public ReplicaGroup? Cluster { get; }
}

/// <summary>A consumer's delivery counters.</summary>
public sealed class ConsumerCounts
{
    public ConsumerCounts(long pending, long ackPending, long redelivered, long waiting, long deliveries, long deliveredStreamSeq, long ackFloorStreamSeq)
    {
        Pending = pending;
        AckPending = ackPending;
        Redelivered = redelivered;
        Waiting = waiting;
        Deliveries = deliveries;
        DeliveredStreamSeq = deliveredStreamSeq;
        AckFloorStreamSeq = ackFloorStreamSeq;
    }

    /// <summary>num_pending: messages of the stream not yet delivered.</summary>
    public long Pending { get; }

    /// <summary>num_ack_pending: delivered, not yet acknowledged.</summary>
    public long AckPending { get; }

    /// <summary>num_redelivered: messages pending acknowledgement that were delivered more than once.</summary>
    public long Redelivered { get; }

    /// <summary>num_waiting: pull requests waiting for messages.</summary>
    public long Waiting { get; }

    /// <summary>delivered.consumer_seq: deliveries so far, redeliveries included.</summary>
    public long Deliveries { get; }

    public long DeliveredStreamSeq { get; }

    public long AckFloorStreamSeq { get; }
}
