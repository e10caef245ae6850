using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>Reads a stream configuration (JetStream API or NACK spec) into the rule model.</summary>
internal static class StreamBinder
{
    private const string CrdDefault = "CRD default";

    private static readonly Dictionary<string, RetentionPolicy> Retention = new() { ["limits"] = RetentionPolicy.Limits, ["interest"] = RetentionPolicy.Interest, ["workqueue"] = RetentionPolicy.WorkQueue };
    private static readonly Dictionary<string, DiscardPolicy> Discard = new() { ["old"] = DiscardPolicy.Old, ["new"] = DiscardPolicy.New };
    private static readonly Dictionary<string, StorageType> Storage = new() { ["file"] = StorageType.File, ["memory"] = StorageType.Memory };
    private static readonly Dictionary<string, bool> Compression = new() { ["none"] = false, ["s2"] = true, [""] = false };
    private static readonly Dictionary<string, bool> PersistMode = new() { ["default"] = false, ["async"] = true, [""] = false };

    private static readonly FieldTable<StreamSourceModel> ApiSource = new FieldTable<StreamSourceModel>()
        .Add("name", (r, n, m, f) => m.Name = r.String(n, f))
        .Add("filter_subject", (r, n, m, f) => m.FilterSubject = r.String(n, f))
        .Add("subject_transforms", (r, n, m, f) => m.HasSubjectTransforms = NonEmptyList(r, n, f))
        .Add("external", (r, n, m, f) => m.IsExternal = Present(r, n, f, "api", "deliver"))
        .Add("opt_start_seq", (r, n, _, f) => r.UnsignedInteger(n, f))
        .Add("opt_start_time", (r, n, _, f) => r.Timestamp(n, f))
        .Add("consumer", (r, n, _, f) => Present(r, n, f, "name", "deliver_subject"))
        .Known("domain");

    private static readonly FieldTable<StreamSourceModel> NackSource = new FieldTable<StreamSourceModel>()
        .Add("name", (r, n, m, f) => m.Name = r.String(n, f))
        .Add("filterSubject", (r, n, m, f) => m.FilterSubject = r.String(n, f))
        .Add("subjectTransforms", (r, n, m, f) => m.HasSubjectTransforms = NonEmptyList(r, n, f))
        .Add("externalApiPrefix", (r, n, m, f) => m.IsExternal = Flag(r.String(n, f)))
        .Add("externalDeliverPrefix", (r, n, _, f) => r.String(n, f))
        .Add("optStartSeq", (r, n, _, f) => r.Integer(n, f, 0))
        .Add("optStartTime", (r, n, _, f) => r.Timestamp(n, f));

    private static readonly FieldTable<StreamModel> Api = new FieldTable<StreamModel>()
        .Add("name", (r, n, m, f) => m.Name = r.String(n, f))
        .Add("description", (r, n, m, f) => m.Description = r.String(n, f))
        .Add("subjects", (r, n, m, f) => m.Subjects = r.StringList(n, f))
        .Add("retention", (r, n, m, f) => m.Retention = r.Enum(n, f, Retention))
        .Add("max_consumers", (r, n, m, f) => m.MaxConsumers = r.Integer(n, f, int.MinValue, int.MaxValue))
        .Add("max_msgs", (r, n, m, f) => m.MaxMsgs = r.Integer(n, f))
        .Add("max_bytes", (r, n, m, f) => m.MaxBytes = r.Integer(n, f))
        .Add("max_age", (r, n, m, f) => m.MaxAge = r.Duration(n, f))
        .Add("max_msgs_per_subject", (r, n, m, f) => m.MaxMsgsPerSubject = r.Integer(n, f))
        .Add("max_msg_size", (r, n, m, f) => m.MaxMsgSize = r.Integer(n, f, int.MinValue, int.MaxValue))
        .Add("discard", (r, n, m, f) => m.Discard = r.Enum(n, f, Discard, ignoreCase: true))
        .Add("storage", (r, n, m, f) => m.Storage = r.Enum(n, f, Storage))
        .Add("num_replicas", (r, n, m, f) => m.NumReplicas = r.Integer(n, f, int.MinValue, int.MaxValue))
        .Add("no_ack", (r, n, m, f) => m.NoAck = r.Bool(n, f))
        .Add("duplicate_window", (r, n, m, f) => m.DuplicateWindow = r.Duration(n, f))
        .Add("mirror", (r, n, m, f) => m.Mirror = Source(r, n, f, ApiSource))
        .Add("sources", (r, n, m, f) => m.Sources = Sources(r, n, f, ApiSource))
        .Add("sealed", (r, n, m, f) => m.Sealed = r.Bool(n, f))
        .Add("deny_delete", (r, n, m, f) => m.DenyDelete = r.Bool(n, f))
        .Add("deny_purge", (r, n, m, f) => m.DenyPurge = r.Bool(n, f))
        .Add("allow_rollup_hdrs", (r, n, m, f) => m.AllowRollupHdrs = r.Bool(n, f))
        .Add("allow_direct", (r, n, m, f) => m.AllowDirect = r.Bool(n, f))
        .Add("mirror_direct", (r, n, m, f) => m.MirrorDirect = r.Bool(n, f))
        .Add("discard_new_per_subject", (r, n, m, f) => m.DiscardNewPerSubject = r.Bool(n, f))
        .Add("republish", (r, n, m, f) => Republish(r, n, m, f, "src", "dest", "headers_only"))
        .Add("metadata", (r, n, m, f) => m.MetadataBytes = r.Metadata(n, f))
        .Add("compression", (r, n, m, f) => m.Compression = r.Enum(n, f, Compression))
        .Add("first_seq", (r, n, m, f) => m.FirstSequence = r.Integer(n, f, 0))
        .Add("subject_transform", (r, n, m, f) => m.HasSubjectTransform = Present(r, n, f, "src", "dest"))
        .Add("consumer_limits", (r, n, m, f) => m.HasConsumerLimits = ConsumerLimits(r, n, f, "inactive_threshold", "max_ack_pending"))
        .Add("allow_msg_ttl", (r, n, m, f) => m.AllowMsgTtl = r.Bool(n, f))
        .Add("subject_delete_marker_ttl", (r, n, m, f) => m.SubjectDeleteMarkerTtl = r.Duration(n, f))
        .Add("allow_msg_counter", (r, n, m, f) => m.AllowMsgCounter = r.Bool(n, f))
        .Add("allow_atomic", (r, n, m, f) => m.AllowAtomic = r.Bool(n, f))
        .Add("allow_msg_schedules", (r, n, m, f) => m.AllowMsgSchedules = r.Bool(n, f))
        .Add("persist_mode", (r, n, m, f) => m.AsyncPersist = r.Enum(n, f, PersistMode))
        .Add("allow_batched", (r, n, m, f) => m.AllowBatched = r.Bool(n, f))
        .Add("placement", (r, n, _, f) => Present(r, n, f, "cluster", "tags", "preferred"))
        .Known("template_owner");

    private static readonly FieldTable<StreamModel> Nack = new FieldTable<StreamModel>()
        .Add("name", (r, n, m, f) => m.Name = r.String(n, f))
        .Add("description", (r, n, m, f) => m.Description = r.String(n, f))
        .Add("subjects", (r, n, m, f) => m.Subjects = r.StringList(n, f))
        .Add("retention", (r, n, m, f) => m.Retention = r.Enum(n, f, Retention))
        .Add("maxConsumers", (r, n, m, f) => m.MaxConsumers = r.Integer(n, f, -1, int.MaxValue))
        .Add("maxMsgs", (r, n, m, f) => m.MaxMsgs = r.Integer(n, f, -1))
        .Add("maxBytes", (r, n, m, f) => m.MaxBytes = r.Integer(n, f, -1))
        .Add("discard", (r, n, m, f) => m.Discard = r.Enum(n, f, Discard))
        .Add("discardPerSubject", (r, n, m, f) => m.DiscardNewPerSubject = r.Bool(n, f))
        .Add("maxAge", (r, n, m, f) => m.MaxAge = r.Duration(n, f))
        .Add("maxMsgsPerSubject", (r, n, m, f) => m.MaxMsgsPerSubject = r.Integer(n, f))
        .Add("maxMsgSize", (r, n, m, f) => m.MaxMsgSize = r.Integer(n, f, -1, int.MaxValue))
        .Add("storage", (r, n, m, f) => m.Storage = r.Enum(n, f, Storage))
        .Add("replicas", (r, n, m, f) => m.NumReplicas = r.Integer(n, f, 1, int.MaxValue))
        .Add("noAck", (r, n, m, f) => m.NoAck = r.Bool(n, f))
        .Add("duplicateWindow", (r, n, m, f) => m.DuplicateWindow = r.Duration(n, f))
        .Add("mirror", (r, n, m, f) => m.Mirror = Source(r, n, f, NackSource))
        .Add("sources", (r, n, m, f) => m.Sources = Sources(r, n, f, NackSource))
        .Add("compression", (r, n, m, f) => m.Compression = r.Enum(n, f, Compression))
        .Add("firstSequence", (r, n, m, f) => m.FirstSequence = r.Integer(n, f, 0))
        .Add("subjectTransform", (r, n, m, f) => m.HasSubjectTransform = Present(r, n, f, "source", "dest"))
        .Add("republish", (r, n, m, f) => Republish(r, n, m, f, "source", "destination", "headersOnly"))
        .Add("sealed", (r, n, m, f) => m.Sealed = r.Bool(n, f))
        .Add("denyDelete", (r, n, m, f) => m.DenyDelete = r.Bool(n, f))
        .Add("denyPurge", (r, n, m, f) => m.DenyPurge = r.Bool(n, f))
        .Add("allowDirect", (r, n, m, f) => m.AllowDirect = r.Bool(n, f))
        .Add("mirrorDirect", (r, n, m, f) => m.MirrorDirect = r.Bool(n, f))
        .Add("allowRollup", (r, n, m, f) => m.AllowRollupHdrs = r.Bool(n, f))
        .Add("allowMsgTtl", (r, n, m, f) => m.AllowMsgTtl = r.Bool(n, f))
        .Add("subjectDeleteMarkerTtl", (r, n, m, f) => m.SubjectDeleteMarkerTtl = r.Duration(n, f))
        .Add("allowMsgCounter", (r, n, m, f) => m.AllowMsgCounter = r.Bool(n, f))
        .Add("allowAtomicPublish", (r, n, m, f) => m.AllowAtomic = r.Bool(n, f))
        .Add("allowMsgSchedules", (r, n, m, f) => m.AllowMsgSchedules = r.Bool(n, f))
        .Add("persistMode", (r, n, m, f) => m.AsyncPersist = r.Enum(n, f, PersistMode))
        .Add("consumerLimits", (r, n, m, f) => m.HasConsumerLimits = ConsumerLimits(r, n, f, "inactiveThreshold", "maxAckPending"))
        .Add("metadata", (r, n, m, f) => m.MetadataBytes = r.Metadata(n, f))
        .Add("placement", (r, n, _, f) => Present(r, n, f, "cluster", "tags"))
        .Known(NackResources.ConnectionFields);

    public static IReadOnlyCollection<string> ApiFieldNames => Api.Names;

    public static StreamModel Bind(FieldReader reader, MappingNode config, ConfigFormat format, object origin)
    {
        var model = new StreamModel { Kind = StreamKind.Stream, Operation = ConfigOperation.CreateOrUpdate, Origin = origin };
        if (config["name"] is ScalarNode { Kind: ScalarKind.String } name)
        {
            reader.Subject = $"Stream '{name.Text}'";
        }

        (format == ConfigFormat.Api ? Api : Nack).Bind(reader, config, model);
        if (format == ConfigFormat.Nack)
        {
            ApplyCrdDefaults(model);
        }

        DefaultSubjects(model);
        return model;
    }

    /// <summary>The values the Kubernetes API server writes into a NACK Stream that leaves them out.</summary>
    private static void ApplyCrdDefaults(StreamModel model)
    {
        if (model.Storage.IsAbsent)
        {
            model.Storage = ConfigValue<StorageType>.Defaulted(StorageType.Memory, CrdDefault);
        }

        if (model.NumReplicas.IsAbsent)
        {
            model.NumReplicas = ConfigValue<long>.Defaulted(1, CrdDefault);
        }
    }

    /// <summary>A stream without subjects (and not a mirror or sourcing stream) captures its own name.</summary>
    internal static void DefaultSubjects(StreamModel model)
    {
        var noSubjects = model.Subjects.IsAbsent || model.Subjects.IsKnown && model.Subjects.Value.Count == 0;
        var sources = model.Sources.IsUnknown || model.Sources.IsKnown && model.Sources.Value.Count > 0;
        if (noSubjects && model.Mirror.IsAbsent && !sources && model.Name.IsKnown && !string.IsNullOrEmpty(model.Name.Value))
        {
            model.Subjects = ConfigValue<IReadOnlyList<string>>.Defaulted(new[] { model.Name.Value });
        }
    }

    private static ConfigValue<StreamSourceModel> Source(FieldReader reader, ConfigNode node, string field, FieldTable<StreamSourceModel> table)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<StreamSourceModel>.Absent;
        }

        if (reader.Mapping(node, field) is not { } map)
        {
            return ConfigValue<StreamSourceModel>.Unknown(node.Span);
        }

        var source = new StreamSourceModel { Origin = map.Span, IsExternal = ConfigValue<bool>.Known(false, map.Span) };
        table.Bind(reader, map, source);
        return ConfigValue<StreamSourceModel>.Known(source, map.Span);
    }

    private static ConfigValue<IReadOnlyList<StreamSourceModel>> Sources(FieldReader reader, ConfigNode node, string field, FieldTable<StreamSourceModel> table)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<IReadOnlyList<StreamSourceModel>>.Absent;
        }

        if (node is not SequenceNode list)
        {
            reader.StringList(node, field);
            return ConfigValue<IReadOnlyList<StreamSourceModel>>.Unknown(node.Span);
        }

        var sources = new List<StreamSourceModel>();
        foreach (var item in list.Items)
        {
            var source = Source(reader, item, field, table);
            if (!source.TryGet(out var value))
            {
                return ConfigValue<IReadOnlyList<StreamSourceModel>>.Unknown(list.Span);
            }

            sources.Add(value);
        }

        return ConfigValue<IReadOnlyList<StreamSourceModel>>.Known(sources, list.Span);
    }

    private static void Republish(FieldReader reader, ConfigNode node, StreamModel model, string field, string src, string dest, string headersOnly)
    {
        if (reader.Mapping(node, field) is not { } map)
        {
            return;
        }

        reader.CheckFields(map, new[] { src, dest, headersOnly });
        model.RepublishSource = map[src] is { } s ? reader.String(s, field + "." + src) : ConfigValue<string>.Absent;
        model.RepublishDestination = map[dest] is { } d ? reader.String(d, field + "." + dest) : ConfigValue<string>.Absent;
    }

    private static ConfigValue<bool> ConsumerLimits(FieldReader reader, ConfigNode node, string field, string inactive, string maxAckPending)
    {
        if (reader.Mapping(node, field) is not { } map)
        {
            return ConfigValue<bool>.Absent;
        }

        reader.CheckFields(map, new[] { inactive, maxAckPending });
        var any = false;
        if (map[inactive] is { } i)
        {
            any |= reader.Duration(i, field + "." + inactive).TryGet(out var v) && v > 0;
        }

        if (map[maxAckPending] is { } p)
        {
            any |= reader.Integer(p, field + "." + maxAckPending).TryGet(out var v) && v > 0;
        }

        return ConfigValue<bool>.Known(any, map.Span);
    }

    /// <summary>A nested object that only needs to be a mapping with known keys; true when it has any.</summary>
    private static ConfigValue<bool> Present(FieldReader reader, ConfigNode node, string field, params string[] keys)
    {
        if (reader.Mapping(node, field) is not { } map)
        {
            return ConfigValue<bool>.Absent;
        }

        reader.CheckFields(map, keys);
        return ConfigValue<bool>.Known(map.Entries.Count > 0, map.Span);
    }

    private static ConfigValue<bool> NonEmptyList(FieldReader reader, ConfigNode node, string field)
    {
        if (node is SequenceNode list)
        {
            return ConfigValue<bool>.Known(list.Items.Count > 0, list.Span);
        }

        if (node is not ScalarNode { Kind: ScalarKind.Null })
        {
            reader.StringList(node, field);
        }

        return ConfigValue<bool>.Absent;
    }

    private static ConfigValue<bool> Flag(ConfigValue<string> value) =>
        value.IsKnown ? ConfigValue<bool>.Known(!string.IsNullOrEmpty(value.Value), value.Origin) : ConfigValue<bool>.Absent;
}
