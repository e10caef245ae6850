using System.Collections.Generic;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Configuration;

/// <summary>NATS.Net enum member names mapped to the rule model.</summary>
internal static class CSharpEnums
{
    public static readonly Dictionary<string, StorageType> Storage = new() { ["File"] = StorageType.File, ["Memory"] = StorageType.Memory };

    public static readonly Dictionary<string, RetentionPolicy> Retention = new()
    {
        ["Limits"] = RetentionPolicy.Limits, ["Interest"] = RetentionPolicy.Interest, ["Workqueue"] = RetentionPolicy.WorkQueue,
    };

    public static readonly Dictionary<string, DiscardPolicy> Discard = new() { ["Old"] = DiscardPolicy.Old, ["New"] = DiscardPolicy.New };

    public static readonly Dictionary<string, bool> Compression = new() { ["None"] = false, ["S2"] = true };

    public static readonly Dictionary<string, bool> AsyncPersist = new() { ["Default"] = false, ["Async"] = true };

    public static readonly Dictionary<string, AckPolicy> Ack = new()
    {
        ["Explicit"] = AckPolicy.Explicit, ["All"] = AckPolicy.All, ["None"] = AckPolicy.None, ["FlowControl"] = AckPolicy.FlowControl,
    };

    public static readonly Dictionary<string, DeliverPolicy> Deliver = new()
    {
        ["All"] = DeliverPolicy.All, ["Last"] = DeliverPolicy.Last, ["New"] = DeliverPolicy.New,
        ["ByStartSequence"] = DeliverPolicy.ByStartSequence, ["ByStartTime"] = DeliverPolicy.ByStartTime,
        ["LastPerSubject"] = DeliverPolicy.LastPerSubject,
    };

    public static readonly Dictionary<string, ReplayPolicy> Replay = new() { ["Instant"] = ReplayPolicy.Instant, ["Original"] = ReplayPolicy.Original };

    public static readonly Dictionary<string, bool> PriorityPolicySet = new()
    {
        ["None"] = false, ["Overflow"] = true, ["PinnedClient"] = true, ["Prioritized"] = true,
    };
}
