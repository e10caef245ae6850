using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.LiveCheck.Protocol;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.LiveCheck.Server;

/// <summary>
/// The account's JetStream limits from <c>$JS.API.INFO</c>: one set for every stream, or, on an account with tiered
/// limits (as hosted NATS accounts have), one set per replica count ("R1", "R3").
/// </summary>
public sealed class AccountLimits
{
    private AccountLimits(JetStreamLimits untiered, IReadOnlyDictionary<string, JetStreamLimits> tiers)
    {
        Untiered = untiered;
        Tiers = tiers;
    }

    public JetStreamLimits Untiered { get; }

    public IReadOnlyDictionary<string, JetStreamLimits> Tiers { get; }

    public bool Tiered => Tiers.Count > 0;

    /// <summary>The tier's name for a replica count, e.g. "R3". An unset count is 1, except that servers before 2.10 look it up as 0.</summary>
    public static string TierFor(long? replicas, ServerVersion version) =>
        "R" + (replicas is > 0 ? replicas.Value : version.Before(2, 10) ? 0 : 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The limits that apply to a stream with that many replicas; null when a tiered account has no such tier.</summary>
    public JetStreamLimits? For(long? replicas, ServerVersion version) =>
        !Tiered ? Untiered : Tiers.TryGetValue(TierFor(replicas, version), out var tier) ? tier : null;

    internal static AccountLimits Parse(MappingNode reply)
    {
        var tiers = Json.Object(reply, "tiers")?.Entries
            .Where(e => e.Value is MappingNode)
            .ToDictionary(e => e.Key.Text, e => JetStreamLimits.Parse(Json.Object((MappingNode)e.Value, "limits")));
        return new AccountLimits(JetStreamLimits.Parse(Json.Object(reply, "limits")), tiers ?? new Dictionary<string, JetStreamLimits>());
    }
}

/// <summary>One set of JetStream limits. Zero or negative means no limit.</summary>
public sealed class JetStreamLimits
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

    internal static JetStreamLimits Parse(MappingNode? limits) => new()
    {
        MaxMemory = Json.Long(limits, "max_memory") ?? -1,
        MaxStorage = Json.Long(limits, "max_storage") ?? -1,
        MaxStreams = Json.Long(limits, "max_streams") ?? -1,
        MaxConsumers = Json.Long(limits, "max_consumers") ?? -1,
        MaxAckPending = Json.Long(limits, "max_ack_pending") ?? -1,
        MemoryMaxStreamBytes = Json.Long(limits, "memory_max_stream_bytes") ?? -1,
        StorageMaxStreamBytes = Json.Long(limits, "storage_max_stream_bytes") ?? -1,
        MaxBytesRequired = Json.Bool(limits, "max_bytes_required"),
    };
}
