using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.LiveCheck.Protocol;

namespace JetStream.Analyzers.LiveCheck.Server;

/// <summary>The account's JetStream limits from <c>$JS.API.INFO</c>. Zero or negative means no limit.</summary>
public sealed class AccountLimits
{
    public long MaxMemory { get; private set; }

    public long MaxStorage { get; private set; }

    public long MaxStreams { get; private set; }

    /// <summary>Consumers per stream.</summary>
    public long MaxConsumers { get; private set; }

    public long MaxAckPending { get; private set; }

    public long MemoryMaxStreamBytes { get; private set; }

    public long StorageMaxStreamBytes { get; private set; }

    public bool MaxBytesRequired { get; private set; }

    /// <summary>True when the account has per-replica-count tiers; the untiered totals then don't apply.</summary>
    public bool Tiered { get; private set; }

    internal static AccountLimits Parse(MappingNode reply)
    {
        var limits = Json.Object(reply, "limits");
        var tiers = Json.Object(reply, "tiers");
        return new AccountLimits
        {
            MaxMemory = Json.Long(limits, "max_memory") ?? -1,
            MaxStorage = Json.Long(limits, "max_storage") ?? -1,
            MaxStreams = Json.Long(limits, "max_streams") ?? -1,
            MaxConsumers = Json.Long(limits, "max_consumers") ?? -1,
            MaxAckPending = Json.Long(limits, "max_ack_pending") ?? -1,
            MemoryMaxStreamBytes = Json.Long(limits, "memory_max_stream_bytes") ?? -1,
            StorageMaxStreamBytes = Json.Long(limits, "storage_max_stream_bytes") ?? -1,
            MaxBytesRequired = Json.Bool(limits, "max_bytes_required"),
            Tiered = tiers is { Entries.Count: > 0 },
        };
    }
}
