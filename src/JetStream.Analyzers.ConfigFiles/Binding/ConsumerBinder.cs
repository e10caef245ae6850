using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;

namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>Reads a consumer configuration (JetStream API or NACK spec) into the rule model.</summary>
internal static class ConsumerBinder
{
    private const string CrdDefault = "CRD default";

    private static readonly Dictionary<string, AckPolicy> ApiAck = new() { ["none"] = AckPolicy.None, ["all"] = AckPolicy.All, ["explicit"] = AckPolicy.Explicit, ["flow_control"] = AckPolicy.FlowControl };
    private static readonly Dictionary<string, AckPolicy> NackAck = new() { ["none"] = AckPolicy.None, ["all"] = AckPolicy.All, ["explicit"] = AckPolicy.Explicit };
    private static readonly Dictionary<string, ReplayPolicy> Replay = new() { ["instant"] = ReplayPolicy.Instant, ["original"] = ReplayPolicy.Original };
    private static readonly Dictionary<string, bool> ApiPriority = new() { ["none"] = false, ["overflow"] = true, ["pinned_client"] = true, ["prioritized"] = true };
    private static readonly Dictionary<string, bool> NackPriority = new() { [""] = false, ["none"] = false, ["overflow"] = true, ["pinned_client"] = true, ["prioritized"] = true };

    private static readonly Dictionary<string, DeliverPolicy> ApiDeliver = new()
    {
        ["all"] = DeliverPolicy.All, ["undefined"] = DeliverPolicy.All, ["last"] = DeliverPolicy.Last, ["new"] = DeliverPolicy.New,
        ["by_start_sequence"] = DeliverPolicy.ByStartSequence, ["by_start_time"] = DeliverPolicy.ByStartTime, ["last_per_subject"] = DeliverPolicy.LastPerSubject,
    };

    private static readonly Dictionary<string, DeliverPolicy> NackDeliver = new()
    {
        ["all"] = DeliverPolicy.All, ["last"] = DeliverPolicy.Last, ["new"] = DeliverPolicy.New,
        ["byStartSequence"] = DeliverPolicy.ByStartSequence, ["byStartTime"] = DeliverPolicy.ByStartTime, ["lastPerSubject"] = DeliverPolicy.LastPerSubject,
    };


    private static readonly FieldTable<ConsumerModel> Api = new FieldTable<ConsumerModel>(FieldScope.Consumer, ConfigFormat.Api)
        .Add("durable_name", (r, n, m, f) => m.DurableName = r.String(n, f))
        .Add("name", (r, n, m, f) => m.Name = r.String(n, f))
        .Add("description", (r, n, m, f) => m.Description = r.String(n, f))
        .Add("deliver_policy", (r, n, m, f) => m.DeliverPolicy = r.Enum(n, f, ApiDeliver, rejectsNull: true))
        .Add("opt_start_seq", (r, n, m, f) => m.OptStartSeq = r.UnsignedInteger(n, f))
        .Add("opt_start_time", (r, n, m, f) => m.OptStartTime = FieldReader.Instant(n, m.HasOptStartTime = r.Timestamp(n, f)))
        .Add("ack_policy", (r, n, m, f) => m.AckPolicy = r.Enum(n, f, ApiAck, rejectsNull: true))
        .Add("ack_wait", (r, n, m, f) => m.AckWait = r.Duration(n, f))
        .Add("max_deliver", (r, n, m, f) => m.MaxDeliver = r.Integer(n, f))
        .Add("backoff", (r, n, m, f) => m.Backoff = r.DurationList(n, f))
        .Add("filter_subject", (r, n, m, f) => m.FilterSubject = r.String(n, f))
        .Add("filter_subjects", (r, n, m, f) => m.FilterSubjects = r.StringList(n, f))
        .Add("replay_policy", (r, n, m, f) => m.ReplayPolicy = r.Enum(n, f, Replay, rejectsNull: true))
        .Add("rate_limit_bps", (r, n, m, f) => m.RateLimitBps = Saturated(r.UnsignedInteger(n, f)))
        .Add("sample_freq", (r, n, m, f) => m.SampleFrequency = r.String(n, f))
        .Add("max_waiting", (r, n, m, f) => m.MaxWaiting = r.Integer(n, f))
        .Add("max_ack_pending", (r, n, m, f) => m.MaxAckPending = r.Integer(n, f))
        .Add("flow_control", (r, n, m, f) => m.FlowControl = r.Bool(n, f))
        .Add("headers_only", (r, n, _, f) => r.Bool(n, f))
        .Add("max_batch", (r, n, m, f) => m.MaxBatch = r.Integer(n, f))
        .Add("max_expires", (r, n, m, f) => m.MaxExpires = r.Duration(n, f))
        .Add("max_bytes", (r, n, m, f) => m.MaxBytes = r.Integer(n, f))
        .Add("deliver_subject", (r, n, m, f) => m.DeliverSubject = r.String(n, f))
        .Add("deliver_group", (r, n, m, f) => m.DeliverGroup = r.String(n, f))
        .Add("idle_heartbeat", (r, n, m, f) => m.IdleHeartbeat = r.Duration(n, f))
        .Add("inactive_threshold", (r, n, m, f) => m.InactiveThreshold = r.Duration(n, f))
        .Add("num_replicas", (r, n, m, f) => m.NumReplicas = r.Integer(n, f))
        .Add("mem_storage", (r, n, m, f) => m.MemStorage = r.Bool(n, f))
        .Add("metadata", (r, n, m, f) => (m.MetadataBytes, m.MetadataServerKeyBytes) = (r.Metadata(n, f), ServerMetadata.KeyBytes(n)))
        .Add("pause_until", (r, n, m, f) => m.HasPauseUntil = m.FixedPauseUntil = r.Timestamp(n, f))
        .Add("priority_policy", (r, n, m, f) => m.HasPriorityPolicy = r.Enum(n, f, ApiPriority))
        .Add("priority_groups", (r, n, m, f) => m.PriorityGroups = r.StringList(n, f))
        .Add("priority_timeout", (r, n, m, f) => m.PriorityTimeout = r.Duration(n, f))
        .Add("direct", (r, n, m, f) => m.Direct = r.Bool(n, f))
        .Add("sourcing", (r, n, _, f) => r.Bool(n, f))
        .NullMatters("deliver_policy", "ack_policy", "replay_policy", "opt_start_time", "backoff", "filter_subjects", "metadata", "pause_until", "priority_policy", "priority_groups");

    private static readonly FieldTable<ConsumerModel> Nack = new FieldTable<ConsumerModel>(FieldScope.Consumer, ConfigFormat.Nack)
        .Add("durableName", (r, n, m, f) => m.DurableName = r.String(n, f))
        .AddNackOnly("streamName", (r, n, m, f) => m.StreamName = r.String(n, f))
        .Add("description", (r, n, m, f) => m.Description = r.String(n, f))
        .Add("deliverPolicy", (r, n, m, f) => m.DeliverPolicy = r.Enum(n, f, NackDeliver))
        .Add("optStartSeq", (r, n, m, f) => m.OptStartSeq = r.UnsignedInteger(n, f))
        .Add("optStartTime", (r, n, m, f) => m.OptStartTime = FieldReader.Instant(n, m.HasOptStartTime = r.Timestamp(n, f)))
        .Add("deliverSubject", (r, n, m, f) => m.DeliverSubject = r.String(n, f))
        .Add("deliverGroup", (r, n, m, f) => m.DeliverGroup = r.String(n, f))
        .Add("ackPolicy", (r, n, m, f) => m.AckPolicy = r.Enum(n, f, NackAck))
        .Add("ackWait", (r, n, m, f) => m.AckWait = r.Duration(n, f))
        .Add("maxDeliver", (r, n, m, f) => m.MaxDeliver = r.Integer(n, f, -1, int.MaxValue))
        .Add("backoff", (r, n, m, f) => m.Backoff = r.DurationList(n, f))
        .Add("filterSubject", (r, n, m, f) => m.FilterSubject = r.String(n, f))
        .Add("filterSubjects", (r, n, m, f) => m.FilterSubjects = r.StringList(n, f))
        .Add("replayPolicy", (r, n, m, f) => m.ReplayPolicy = r.Enum(n, f, Replay))
        .Add("sampleFreq", (r, n, m, f) => m.SampleFrequency = r.String(n, f))
        .Add("maxWaiting", (r, n, m, f) => m.MaxWaiting = r.Integer(n, f))
        .Add("rateLimitBps", (r, n, m, f) => m.RateLimitBps = r.Integer(n, f, 0))
        .Add("maxAckPending", (r, n, m, f) => m.MaxAckPending = r.Integer(n, f))
        .Add("flowControl", (r, n, m, f) => m.FlowControl = r.Bool(n, f))
        .Add("headersOnly", (r, n, _, f) => r.Bool(n, f))
        .Add("heartbeatInterval", (r, n, m, f) => m.IdleHeartbeat = r.Duration(n, f))
        .Add("maxRequestBatch", (r, n, m, f) => m.MaxBatch = r.Integer(n, f))
        .Add("maxRequestExpires", (r, n, m, f) => m.MaxExpires = r.Duration(n, f))
        .Add("maxRequestMaxBytes", (r, n, m, f) => m.MaxBytes = r.Integer(n, f))
        .Add("inactiveThreshold", (r, n, m, f) => m.InactiveThreshold = r.Duration(n, f))
        .Add("pauseUntil", (r, n, m, f) => m.HasPauseUntil = m.FixedPauseUntil = r.Timestamp(n, f))
        .Add("priorityPolicy", (r, n, m, f) => m.HasPriorityPolicy = r.Enum(n, f, NackPriority))
        .Add("pinnedTtl", (r, n, m, f) => m.PriorityTimeout = r.Duration(n, f))
        .Add("priorityGroups", (r, n, m, f) => m.PriorityGroups = r.StringList(n, f))
        .Add("replicas", (r, n, m, f) => m.NumReplicas = r.Integer(n, f))
        .Add("memStorage", (r, n, m, f) => m.MemStorage = r.Bool(n, f))
        .Add("metadata", (r, n, m, f) => m.MetadataBytes = r.Metadata(n, f))
        .Known(NackResources.ConnectionFields);

    public static IReadOnlyCollection<string> ApiFieldNames => Api.Names;

    /// <summary>A uint64 in the model's long: values above long.MaxValue are equally "set" for every rule.</summary>
    private static ConfigValue<long> Saturated(ConfigValue<ulong> value) => value.Kind switch
    {
        ValueKind.Known => ConfigValue<long>.Known(value.Value > long.MaxValue ? long.MaxValue : (long)value.Value, value.Origin),
        ValueKind.Unknown => ConfigValue<long>.Unknown(value.Origin),
        _ => ConfigValue<long>.Absent,
    };

    public static ConsumerModel Bind(FieldReader reader, MappingNode config, ConfigFormat format, object origin)
    {
        var model = new ConsumerModel { Operation = ConfigOperation.CreateOrUpdate, Origin = origin };
        var nameKey = format == ConfigFormat.Api ? (config.Has("durable_name") ? "durable_name" : "name") : "durableName";
        reader.Subject = config[nameKey] is ScalarNode { Kind: ScalarKind.String } name ? $"Consumer '{name.Text}'" : "Consumer";
        (format == ConfigFormat.Api ? Api : Nack).Bind(reader, config, model);
        if (format == ConfigFormat.Nack)
        {
            // The Kubernetes API server writes these CRD defaults before NACK sees the resource.
            if (model.AckPolicy.IsAbsent)
            {
                model.AckPolicy = ConfigValue<AckPolicy>.Defaulted(AckPolicy.None, CrdDefault);
            }

            if (model.AckWait.IsAbsent)
            {
                model.AckWait = ConfigValue<long>.Defaulted(1, CrdDefault);
            }
        }

        return model;
    }
}
