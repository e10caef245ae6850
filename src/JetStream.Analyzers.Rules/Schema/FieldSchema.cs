using System.Collections.Generic;
using System.Linq;
using System.Text;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using static JetStream.Analyzers.Rules.Schema.FieldScope;
using static JetStream.Analyzers.Rules.Schema.FieldType;

namespace JetStream.Analyzers.Rules.Schema;

/// <summary>
/// One row per stream, consumer, key-value and object-store field. Release facts come from each release's
/// <c>StreamConfig</c>/<c>ConsumerConfig</c> and update checks (server/stream.go, server/consumer.go); the field sets of
/// 2.9.10, 2.10.27 and 2.15.1 are confirmed against those servers by the schema tests.
/// </summary>
public static class FieldSchema
{
    /// <summary>Fields that predate every release the rules model (JetStream went GA in 2.2).</summary>
    private static readonly ServerVersion Base = new(2, 2, 0);
    private static readonly ServerVersion V2_7 = new(2, 7, 0);
    private static readonly ServerVersion V2_8 = new(2, 8, 0);
    private static readonly ServerVersion V2_8_3 = new(2, 8, 3);
    private static readonly ServerVersion V2_9 = new(2, 9, 0);
    private static readonly ServerVersion V2_9_1 = new(2, 9, 1);
    private static readonly ServerVersion V2_10 = ServerVersion.V2_10;
    private static readonly ServerVersion V2_11 = ServerVersion.V2_11;
    private static readonly ServerVersion V2_12 = ServerVersion.V2_12;
    private static readonly ServerVersion V2_14 = ServerVersion.V2_14;

    private static readonly List<SchemaField> Rows = new();

    static FieldSchema()
    {
        // Streams.
        Add(Stream, "name", "name", "Name", String, Base);
        Add(Stream, "description", "description", "Description", String, Base);
        Add(Stream, "subjects", "subjects", "Subjects", StringList, Base, "the stream's name, unless it mirrors or sources");
        Add(Stream, "retention", "retention", "Retention", Enum, Base, "limits").Update = UpdateRule.When((requested, current, version) =>
            version.Before(2, 10) ? "stream configuration update can not change retention policy"
            : requested == "workqueue" || current == "workqueue" ? "stream configuration update can not change retention policy to/from workqueue" : null);
        Add(Stream, "max_consumers", "maxConsumers", "MaxConsumers", Integer, Base, "-1 (unlimited)").Update =
            UpdateRule.Never("stream configuration update can not change MaxConsumers", until: new ServerVersion(2, 12, 5));
        Add(Stream, "max_msgs", "maxMsgs", "MaxMsgs", Integer, Base, "-1 (unlimited)");
        Add(Stream, "max_bytes", "maxBytes", "MaxBytes", Integer, Base, "-1 (unlimited)");
        Add(Stream, "max_age", "maxAge", "MaxAge", Duration, Base, "0 (unlimited)").BucketNack = "ttl";
        var perSubject = Add(Stream, "max_msgs_per_subject", "maxMsgsPerSubject", "MaxMsgsPerSubject", Integer, Base, "-1 (unlimited)");
        perSubject.BucketNack = "history";
        perSubject.BucketCSharp = "History";
        var msgSize = Add(Stream, "max_msg_size", "maxMsgSize", "MaxMsgSize", Integer, Base, "-1 (unlimited)");
        msgSize.BucketNack = "maxValueSize";
        msgSize.BucketCSharp = "MaxValueSize";
        Add(Stream, "discard", "discard", "Discard", Enum, Base, "old");
        Add(Stream, "storage", "storage", "Storage", Enum, Base, "file").Update = UpdateRule.Never("stream configuration update can not change storage type");
        Add(Stream, "num_replicas", "replicas", "NumReplicas", Integer, Base, "1").BucketCSharp = "NumberOfReplicas";
        Add(Stream, "no_ack", "noAck", "NoAck", Boolean, Base, "false");
        Add(Stream, "duplicate_window", "duplicateWindow", "DuplicateWindow", Duration, Base, "2m, or max_age when shorter");
        Add(Stream, "placement", "placement", "Placement", Object, Base);
        Add(Stream, "mirror", "mirror", "Mirror", Object, Base).Update = UpdateRule.When((requested, _, version) =>
            requested == "(none)" && version.AtLeast(2, 12) ? null : "stream mirror configuration can not be updated");
        Add(Stream, "sources", "sources", "Sources", ObjectList, Base);
        Add(Stream, "template_owner", null, "TemplateOwner", String, Base).Removed = V2_14;
        Add(Stream, "sealed", "sealed", "Sealed", Boolean, V2_7, "false").Update = UpdateRule.NotOff("stream configuration update can not unseal a sealed stream");
        Add(Stream, "deny_delete", "denyDelete", "DenyDelete", Boolean, V2_7, "false").Update = UpdateRule.NotOff("stream configuration update can not cancel deny message deletes");
        Add(Stream, "deny_purge", "denyPurge", "DenyPurge", Boolean, V2_7, "false").Update = UpdateRule.NotOff("stream configuration update can not cancel deny purge");
        Add(Stream, "allow_rollup_hdrs", "allowRollup", "AllowRollupHdrs", Boolean, V2_7, "false");
        Add(Stream, "republish", "republish", "Republish", Object, V2_8_3).Update =
            UpdateRule.Never("stream configuration update can not change RePublish", until: V2_10);
        Add(Stream, "allow_direct", "allowDirect", "AllowDirect", Boolean, V2_9, "false");
        Add(Stream, "mirror_direct", "mirrorDirect", "MirrorDirect", Boolean, V2_9, "false");
        Add(Stream, "discard_new_per_subject", "discardPerSubject", "DiscardNewPerSubject", Boolean, V2_9_1, "false");
        Add(Stream, "metadata", "metadata", "Metadata", Metadata, V2_10);
        Add(Stream, "compression", "compression", "Compression", Enum, V2_10, "none");
        Add(Stream, "first_seq", "firstSequence", null, UnsignedInteger, V2_10, "1");
        Add(Stream, "subject_transform", "subjectTransform", "SubjectTransform", Object, V2_10);
        Add(Stream, "consumer_limits", "consumerLimits", null, Object, V2_10);
        var ttl = Add(Stream, "allow_msg_ttl", "allowMsgTtl", "AllowMsgTTL", Boolean, V2_11, "false");
        ttl.BucketCSharp = "LimitMarkerTTL";
        ttl.Update = UpdateRule.When((requested, current, version) =>
            version.Before(2, 11, 2) ? "message TTL status can not be changed after stream creation"
            : requested == "false" && current == "true" ? "message TTL status can not be disabled" : null);
        Add(Stream, "subject_delete_marker_ttl", "subjectDeleteMarkerTtl", "SubjectDeleteMarkerTTL", Duration, V2_11).BucketCSharp = "LimitMarkerTTL";
        Add(Stream, "allow_msg_counter", "allowMsgCounter", "AllowMsgCounter", Boolean, V2_12, "false").Update =
            UpdateRule.Never("stream configuration update can not change message counter setting");
        Add(Stream, "allow_atomic", "allowAtomicPublish", "AllowAtomicPublish", Boolean, V2_12, "false");
        Add(Stream, "allow_msg_schedules", "allowMsgSchedules", "AllowMsgSchedules", Boolean, V2_12, "false").Update =
            UpdateRule.NotOff("message schedules can not be disabled");
        Add(Stream, "persist_mode", "persistMode", "PersistMode", Enum, V2_12, "default").Update =
            UpdateRule.Never("stream configuration update can not change persist mode");
        Add(Stream, "allow_batched", null, "AllowBatchPublish", Boolean, V2_14, "false");

        Add(Source, "name", "name", "Name", String, Base);
        Add(Source, "opt_start_seq", "optStartSeq", "OptStartSeq", UnsignedInteger, Base);
        Add(Source, "opt_start_time", "optStartTime", "OptStartTime", Timestamp, Base);
        Add(Source, "filter_subject", "filterSubject", "FilterSubject", String, Base);
        Add(Source, "subject_transforms", "subjectTransforms", "SubjectTransforms", ObjectList, V2_10);
        Add(Source, "external", null, "External", Object, Base);
        Add(Source, "consumer", null, "Consumer", Object, V2_14);
        Add(Source, "domain", null, "Domain", String, Base).ClientOnly = true;
        Add(External, "api", "externalApiPrefix", "Api", String, Base);
        Add(External, "deliver", "externalDeliverPrefix", "Deliver", String, Base);
        Add(SourceConsumer, "name", null, "Name", String, V2_14);
        Add(SourceConsumer, "deliver_subject", null, "DeliverSubject", String, V2_14);
        Add(Placement, "cluster", "cluster", "Cluster", String, Base);
        Add(Placement, "tags", "tags", "Tags", StringList, Base);
        Add(Placement, "preferred", null, null, String, V2_11);
        Add(Republish, "src", "source", "Src", String, V2_8_3, ">");
        Add(Republish, "dest", "destination", "Dest", String, V2_8_3);
        Add(Republish, "headers_only", "headersOnly", "HeadersOnly", Boolean, V2_8_3, "false");
        Add(ConsumerLimits, "inactive_threshold", "inactiveThreshold", "InactiveThreshold", Duration, V2_10);
        Add(ConsumerLimits, "max_ack_pending", "maxAckPending", "MaxAckPending", Integer, V2_10);
        Add(Transform, "src", "source", "Src", String, V2_10);
        Add(Transform, "dest", "dest", "Dest", String, V2_10);

        // Consumers.
        Add(Consumer, "durable_name", "durableName", "DurableName", String, Base);
        Add(Consumer, "name", null, "Name", String, V2_9);
        Add(Consumer, "description", "description", "Description", String, Base);
        Add(Consumer, "deliver_policy", "deliverPolicy", "DeliverPolicy", Enum, Base, "all").Update = UpdateRule.Never("deliver policy can not be updated");
        Add(Consumer, "opt_start_seq", "optStartSeq", "OptStartSeq", UnsignedInteger, Base).Update = UpdateRule.Never("start sequence can not be updated");
        Add(Consumer, "opt_start_time", "optStartTime", "OptStartTime", Timestamp, Base).Update = UpdateRule.Never("start time can not be updated");
        Add(Consumer, "ack_policy", "ackPolicy", "AckPolicy", Enum, Base, "none").Update = UpdateRule.Never("ack policy can not be updated");
        Add(Consumer, "ack_wait", "ackWait", "AckWait", Duration, Base, "30s, or backoff[0] when backoff is set");
        Add(Consumer, "max_deliver", "maxDeliver", "MaxDeliver", Integer, Base, "-1 (unlimited)");
        Add(Consumer, "backoff", "backoff", "Backoff", DurationList, V2_8);
        Add(Consumer, "filter_subject", "filterSubject", "FilterSubject", String, Base);
        Add(Consumer, "filter_subjects", "filterSubjects", "FilterSubjects", StringList, V2_10);
        Add(Consumer, "replay_policy", "replayPolicy", "ReplayPolicy", Enum, Base, "instant").Update = UpdateRule.Never("replay policy can not be updated");
        Add(Consumer, "rate_limit_bps", "rateLimitBps", "RateLimitBps", UnsignedInteger, Base);
        Add(Consumer, "sample_freq", "sampleFreq", "SampleFreq", String, Base);
        Add(Consumer, "max_waiting", "maxWaiting", "MaxWaiting", Integer, Base, "512 on pull consumers").Update = UpdateRule.Never("max waiting can not be updated");
        Add(Consumer, "max_ack_pending", "maxAckPending", "MaxAckPending", Integer, Base, "the stream's consumer limit, else 1000 when acknowledging");
        Add(Consumer, "flow_control", "flowControl", "FlowControl", Boolean, Base, "false").Update = UpdateRule.Never("flow control can not be updated");
        Add(Consumer, "headers_only", "headersOnly", "HeadersOnly", Boolean, V2_7, "false");
        Add(Consumer, "max_batch", "maxRequestBatch", "MaxBatch", Integer, V2_7);
        Add(Consumer, "max_expires", "maxRequestExpires", "MaxExpires", Duration, V2_7);
        Add(Consumer, "max_bytes", "maxRequestMaxBytes", "MaxBytes", Integer, V2_8_3);
        Add(Consumer, "deliver_subject", "deliverSubject", "DeliverSubject", String, Base).Update = UpdateRule.When((requested, current, _) =>
            requested == "(none)" && current != "(none)" ? "can not update push consumer to pull based"
            : current == "(none)" && requested != "(none)" ? "can not update pull consumer to push based" : null);
        Add(Consumer, "deliver_group", "deliverGroup", "DeliverGroup", String, Base);
        Add(Consumer, "idle_heartbeat", "heartbeatInterval", "IdleHeartbeat", Duration, Base).Update = UpdateRule.Never("heart beats can not be updated");
        Add(Consumer, "inactive_threshold", "inactiveThreshold", "InactiveThreshold", Duration, V2_7, "5s for ephemeral consumers, or the stream's consumer limit");
        Add(Consumer, "num_replicas", "replicas", "NumReplicas", Integer, V2_8_3, "the stream's");
        Add(Consumer, "mem_storage", "memStorage", "MemStorage", Boolean, V2_8_3, "false").Update =
            UpdateRule.Never("storage type can not be updated", since: new ServerVersion(2, 14, 4));
        Add(Consumer, "direct", null, "Direct", Boolean, Base).ServerInternal = true;
        Add(Consumer, "metadata", "metadata", "Metadata", Metadata, V2_10);
        Add(Consumer, "pause_until", "pauseUntil", "PauseUntil", Timestamp, V2_11);
        Add(Consumer, "priority_policy", "priorityPolicy", "PriorityPolicy", Enum, V2_11, "none");
        Add(Consumer, "priority_groups", "priorityGroups", "PriorityGroups", StringList, V2_11);
        Add(Consumer, "priority_timeout", "pinnedTtl", "PinnedTTL", Duration, V2_11, "2m for pinned_client");
        Add(Consumer, "sourcing", null, "Sourcing", Boolean, V2_14).ServerInternal = true;

        ByScope = Rows.GroupBy(r => r.Scope).ToDictionary(g => g.Key, g => (IReadOnlyList<SchemaField>)g.ToList());
        ByJson = ByScope.ToDictionary(s => s.Key, s => s.Value.GroupBy(f => f.Json).ToDictionary(g => g.Key, g => g.First()));
    }

    public static IReadOnlyList<SchemaField> All => Rows;

    private static Dictionary<FieldScope, IReadOnlyList<SchemaField>> ByScope { get; }

    // The C# model builders look up every field they read, for every configuration (issue 10).
    private static Dictionary<FieldScope, Dictionary<string, SchemaField>> ByJson { get; }

    public static IReadOnlyList<SchemaField> In(FieldScope scope) => ByScope.TryGetValue(scope, out var rows) ? rows : System.Array.Empty<SchemaField>();

    /// <summary>The field with JSON name <paramref name="json"/> in <paramref name="scope"/>, or null.</summary>
    public static SchemaField? Find(FieldScope scope, string json) =>
        ByJson.TryGetValue(scope, out var fields) && fields.TryGetValue(json, out var field) ? field : null;

    /// <summary>The field with NACK spec name <paramref name="nack"/> in <paramref name="scope"/> (bucket names included), or null.</summary>
    public static SchemaField? FindNack(FieldScope scope, string nack) =>
        In(scope).FirstOrDefault(f => f.Nack == nack) ?? In(scope).FirstOrDefault(f => f.BucketNack == nack)
        ?? (scope == FieldScope.Source ? FindNack(FieldScope.External, nack) : null);

    /// <summary>Like <see cref="Find"/>, for names the schema must have; throws when it doesn't (a missing row is a bug).</summary>
    public static SchemaField Get(FieldScope scope, string json) =>
        Find(scope, json) ?? throw new KeyNotFoundException($"The field schema has no {scope} field '{json}'");

    /// <summary>The field at <paramref name="jsonPath"/> ("max_age", "placement.cluster") below <paramref name="root"/>; throws when there is none.</summary>
    public static SchemaField At(FieldScope root, string jsonPath)
    {
        var segments = jsonPath.Split('.');
        var scope = root;
        SchemaField? field = null;
        foreach (var segment in segments)
        {
            field = Get(scope, segment);
            scope = NestedScope(field.Json) ?? scope;
        }

        return field!;
    }

    /// <summary>
    /// <paramref name="jsonPath"/> ("num_replicas", "placement.cluster") as <paramref name="style"/> spells it for a
    /// stream of <paramref name="kind"/> (or a consumer): key-value and object-store buckets have names of their own.
    /// </summary>
    public static string Name(string jsonPath, NameStyle style, StreamKind kind = StreamKind.Stream)
    {
        if (style == NameStyle.Json)
        {
            return jsonPath;
        }

        var segments = jsonPath.Split('.');
        var scope = In(FieldScope.Stream).Any(f => f.Json == segments[0]) ? FieldScope.Stream : FieldScope.Consumer;
        for (var i = 0; i < segments.Length; i++)
        {
            var field = Find(scope, segments[i]);
            segments[i] = Spell(field, segments[i], style, kind);
            scope = NestedScope(segments.Length > i + 1 ? field?.Json : null) ?? scope;
        }

        return string.Join(".", segments);
    }

    /// <summary>The NATS.Net property of the field <paramref name="json"/> of <paramref name="scope"/> (a bucket's own property for key-value and object stores).</summary>
    public static string CSharpName(FieldScope scope, string json, StreamKind kind = StreamKind.Stream) =>
        Spell(Find(scope, json), json, NameStyle.CSharp, kind);

    private static string Spell(SchemaField? field, string json, NameStyle style, StreamKind kind)
    {
        var bucket = kind != StreamKind.Stream;
        var name = style == NameStyle.Nack
            ? (bucket ? field?.BucketNack : null) ?? field?.Nack
            : (bucket ? field?.BucketCSharp : null) ?? field?.CSharp;
        return name ?? Case(json, upperFirst: style == NameStyle.CSharp);
    }

    private static FieldScope? NestedScope(string? json) => json switch
    {
        "placement" => FieldScope.Placement,
        "republish" => FieldScope.Republish,
        "consumer_limits" => FieldScope.ConsumerLimits,
        "mirror" or "sources" => FieldScope.Source,
        "subject_transform" or "subject_transforms" => FieldScope.Transform,
        "external" => FieldScope.External,
        _ => null,
    };

    private static string Case(string json, bool upperFirst)
    {
        var sb = new StringBuilder(json.Length);
        var upper = upperFirst;
        foreach (var c in json)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    internal static string PathOf(FieldScope scope, string json) => scope switch
    {
        Source => "sources[]." + json,
        External => "sources[].external." + json,
        SourceConsumer => "sources[].consumer." + json,
        Placement => "placement." + json,
        Republish => "republish." + json,
        ConsumerLimits => "consumer_limits." + json,
        Transform => "subject_transform." + json,
        _ => json,
    };

    private static SchemaField Add(FieldScope scope, string json, string? nack, string? csharp, FieldType type, ServerVersion since, string? serverDefault = null)
    {
        var field = new SchemaField(scope, json, nack, csharp, type, since) { Default = serverDefault };
        Rows.Add(field);
        return field;
    }
}
