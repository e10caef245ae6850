using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;

namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>Reads a stream configuration (JetStream API or NACK spec) into the rule model.</summary>
internal static class StreamBinder
{
    private const string CrdDefault = "CRD default";

    private static readonly Dictionary<string, RetentionPolicy> Retention = new() { ["limits"] = RetentionPolicy.Limits, ["interest"] = RetentionPolicy.Interest, ["workqueue"] = RetentionPolicy.WorkQueue };
    private static readonly Dictionary<string, DiscardPolicy> Discard = new() { ["old"] = DiscardPolicy.Old, ["new"] = DiscardPolicy.New };
    private static readonly Dictionary<string, StorageType> Storage = new() { ["file"] = StorageType.File, ["memory"] = StorageType.Memory };
    private static readonly Dictionary<string, bool> Compression = new() { ["none"] = false, ["s2"] = true, [""] = false };
    private static readonly Dictionary<string, bool> ApiCompression = new() { ["none"] = false, ["s2"] = true };
    private static readonly Dictionary<string, bool> PersistMode = new() { ["default"] = false, ["async"] = true, [""] = false };


    private static readonly FieldTable<StreamSourceModel> ApiExternal = new FieldTable<StreamSourceModel>(FieldScope.External, ConfigFormat.Api)
        .Add("api", (r, n, m, f) => m.ExternalApi = r.String(n, "external." + f))
        .Add("deliver", (r, n, m, f) => m.ExternalDeliver = r.String(n, "external." + f));

    private static readonly FieldTable<StreamSourceModel> ApiSourceConsumer = new FieldTable<StreamSourceModel>(FieldScope.SourceConsumer, ConfigFormat.Api)
        .Add("name", (r, n, m, f) => m.ConsumerName = r.String(n, "consumer." + f))
        .Add("deliver_subject", (r, n, m, f) => m.ConsumerDeliverSubject = r.String(n, "consumer." + f));

    private static readonly FieldTable<SubjectTransformModel> ApiTransform = new FieldTable<SubjectTransformModel>(FieldScope.Transform, ConfigFormat.Api)
        .Add("src", (r, n, m, f) => m.Source = r.String(n, f))
        .Add("dest", (r, n, m, f) => m.Destination = r.String(n, f));

    private static readonly FieldTable<SubjectTransformModel> NackTransform = new FieldTable<SubjectTransformModel>(FieldScope.Transform, ConfigFormat.Nack)
        .Add("source", (r, n, m, f) => m.Source = r.String(n, f))
        .Add("dest", (r, n, m, f) => m.Destination = r.String(n, f));

    private static readonly FieldTable<StreamModel> ApiPlacement = new FieldTable<StreamModel>(FieldScope.Placement, ConfigFormat.Api)
        .Add("cluster", (r, n, m, f) => m.PlacementCluster = r.String(n, "placement." + f))
        .Add("tags", (r, n, m, f) => m.PlacementTags = r.StringList(n, "placement." + f))
        .Add("preferred", (r, n, m, f) => m.PlacementPreferred = r.String(n, "placement." + f));

    private static readonly FieldTable<StreamModel> NackPlacement = new FieldTable<StreamModel>(FieldScope.Placement, ConfigFormat.Nack)
        .Add("cluster", (r, n, m, f) => m.PlacementCluster = r.String(n, "placement." + f))
        .Add("tags", (r, n, m, f) => m.PlacementTags = r.StringList(n, "placement." + f));

    private static readonly FieldTable<StreamModel> ApiRepublish = new FieldTable<StreamModel>(FieldScope.Republish, ConfigFormat.Api)
        .Add("src", (r, n, m, f) => m.RepublishSource = r.String(n, "republish." + f))
        .Add("dest", (r, n, m, f) => m.RepublishDestination = r.String(n, "republish." + f))
        .Add("headers_only", (r, n, _, f) => r.Bool(n, "republish." + f));

    private static readonly FieldTable<StreamModel> NackRepublish = new FieldTable<StreamModel>(FieldScope.Republish, ConfigFormat.Nack)
        .Add("source", (r, n, m, f) => m.RepublishSource = r.String(n, "republish." + f))
        .Add("destination", (r, n, m, f) => m.RepublishDestination = r.String(n, "republish." + f))
        .Add("headersOnly", (r, n, _, f) => r.Bool(n, "republish." + f));

    private static readonly FieldTable<StreamModel> ApiConsumerLimits = new FieldTable<StreamModel>(FieldScope.ConsumerLimits, ConfigFormat.Api)
        .Add("inactive_threshold", (r, n, m, f) => LimitSet(m, m.ConsumerLimitInactiveThreshold = r.Duration(n, "consumer_limits." + f)))
        .Add("max_ack_pending", (r, n, m, f) => LimitSet(m, m.ConsumerLimitMaxAckPending = r.Integer(n, "consumer_limits." + f)));

    private static readonly FieldTable<StreamModel> NackConsumerLimits = new FieldTable<StreamModel>(FieldScope.ConsumerLimits, ConfigFormat.Nack)
        .Add("inactiveThreshold", (r, n, m, f) => LimitSet(m, m.ConsumerLimitInactiveThreshold = r.Duration(n, "consumerLimits." + f)))
        .Add("maxAckPending", (r, n, m, f) => LimitSet(m, m.ConsumerLimitMaxAckPending = r.Integer(n, "consumerLimits." + f)));

    private static readonly FieldTable<StreamSourceModel> ApiSource = new FieldTable<StreamSourceModel>(FieldScope.Source, ConfigFormat.Api)
        .Add("name", (r, n, m, f) => m.Name = r.String(n, f))
        .Add("filter_subject", (r, n, m, f) => m.FilterSubject = r.String(n, f))
        .Add("subject_transforms", (r, n, m, f) => m.HasSubjectTransforms = Transforms(r, n, f, m))
        .Add("external", (r, n, m, f) => m.IsExternal = External(r, n, f, m))
        .Add("opt_start_seq", (r, n, m, f) => m.OptStartSeq = r.UnsignedInteger(n, f))
        .Add("opt_start_time", (r, n, m, f) => m.HasOptStartTime = r.Timestamp(n, f))
        .Add("consumer", (r, n, m, f) => Nested(r, n, f, ApiSourceConsumer, m))
        .Add("domain", (r, n, m, f) => m.Domain = r.String(n, f))
        .NullMatters("subject_transforms", "external", "opt_start_time", "consumer");

    private static readonly FieldTable<StreamSourceModel> NackSource = new FieldTable<StreamSourceModel>(FieldScope.Source, ConfigFormat.Nack)
        .Add("name", (r, n, m, f) => m.Name = r.String(n, f))
        .Add("filterSubject", (r, n, m, f) => m.FilterSubject = r.String(n, f))
        .Add("subjectTransforms", (r, n, m, f) => m.HasSubjectTransforms = Transforms(r, n, f, m, NackTransform))
        .Add("externalApiPrefix", (r, n, m, f) => m.IsExternal = Flag(m.ExternalApi = r.String(n, f)))
        .Add("externalDeliverPrefix", (r, n, m, f) => m.ExternalDeliver = r.String(n, f))
        .Add("optStartSeq", (r, n, _, f) => r.Integer(n, f, 0))
        .Add("optStartTime", (r, n, _, f) => r.Timestamp(n, f));

    private static readonly FieldTable<StreamModel> Api = new FieldTable<StreamModel>(FieldScope.Stream, ConfigFormat.Api)
        .Add("name", (r, n, m, f) => m.Name = r.String(n, f))
        .Add("description", (r, n, m, f) => m.Description = r.String(n, f))
        .Add("subjects", (r, n, m, f) => m.Subjects = r.StringList(n, f))
        .Add("retention", (r, n, m, f) => m.Retention = r.Enum(n, f, Retention, rejectsNull: true))
        .Add("max_consumers", (r, n, m, f) => m.MaxConsumers = r.Integer(n, f))
        .Add("max_msgs", (r, n, m, f) => m.MaxMsgs = r.Integer(n, f))
        .Add("max_bytes", (r, n, m, f) => m.MaxBytes = r.Integer(n, f))
        .Add("max_age", (r, n, m, f) => m.MaxAge = r.Duration(n, f))
        .Add("max_msgs_per_subject", (r, n, m, f) => m.MaxMsgsPerSubject = r.Integer(n, f))
        .Add("max_msg_size", (r, n, m, f) => m.MaxMsgSize = r.Integer(n, f, int.MinValue, int.MaxValue))
        .Add("discard", (r, n, m, f) => m.Discard = r.Enum(n, f, Discard, ignoreCase: true, rejectsNull: true))
        .Add("storage", (r, n, m, f) => m.Storage = r.Enum(n, f, Storage, rejectsNull: true))
        .Add("num_replicas", (r, n, m, f) => m.NumReplicas = r.Integer(n, f))
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
        .Add("republish", (r, n, m, f) => m.HasRepublish = Presence(Nested(r, n, f, ApiRepublish, m), n))
        .Add("metadata", (r, n, m, f) => (m.MetadataBytes, m.MetadataServerKeyBytes) = (r.Metadata(n, f), ServerMetadata.KeyBytes(n)))
        .Add("compression", (r, n, m, f) => m.Compression = r.Enum(n, f, ApiCompression))
        .Add("first_seq", (r, n, m, f) => m.FirstSequence = r.Integer(n, f, 0))
        .Add("subject_transform", (r, n, m, f) => m.HasSubjectTransform = NonEmpty(Transform(r, n, f, ApiTransform, m)))
        .Add("consumer_limits", (r, n, m, f) => ConsumerLimits(r, n, m, f, ApiConsumerLimits))
        .Add("allow_msg_ttl", (r, n, m, f) => m.AllowMsgTtl = r.Bool(n, f))
        .Add("subject_delete_marker_ttl", (r, n, m, f) => m.SubjectDeleteMarkerTtl = r.Duration(n, f))
        .Add("allow_msg_counter", (r, n, m, f) => m.AllowMsgCounter = r.Bool(n, f))
        .Add("allow_atomic", (r, n, m, f) => m.AllowAtomic = r.Bool(n, f))
        .Add("allow_msg_schedules", (r, n, m, f) => m.AllowMsgSchedules = r.Bool(n, f))
        .Add("persist_mode", (r, n, m, f) => m.AsyncPersist = r.Enum(n, f, PersistMode))
        .Add("allow_batched", (r, n, m, f) => m.AllowBatched = r.Bool(n, f))
        .Add("placement", (r, n, m, f) => Nested(r, n, f, ApiPlacement, m))
        .Add("template_owner", (r, n, m, f) => m.TemplateOwner = r.String(n, f))
        .NullMatters("retention", "discard", "storage", "subjects", "placement", "mirror", "sources", "republish", "metadata", "subject_transform", "compression", "persist_mode");

    private static readonly FieldTable<StreamModel> Nack = new FieldTable<StreamModel>(FieldScope.Stream, ConfigFormat.Nack)
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
        .Add("subjectTransform", (r, n, m, f) => m.HasSubjectTransform = NonEmpty(Transform(r, n, f, NackTransform, m)))
        .Add("republish", (r, n, m, f) => m.HasRepublish = Presence(Nested(r, n, f, NackRepublish, m), n))
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
        .Add("consumerLimits", (r, n, m, f) => ConsumerLimits(r, n, m, f, NackConsumerLimits))
        .Add("metadata", (r, n, m, f) => m.MetadataBytes = r.Metadata(n, f))
        .Add("placement", (r, n, m, f) => Nested(r, n, f, NackPlacement, m))
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

    /// <summary>A nested object read with its own field table; null when it is not a mapping.</summary>
    private static MappingNode? Nested<T>(FieldReader reader, ConfigNode node, string field, FieldTable<T> table, T model)
    {
        if (reader.Mapping(node, field) is not { } map)
        {
            return null;
        }

        table.Bind(reader, map, model);
        return map;
    }

    /// <summary>Any "external" object, even an empty one, makes the source external for the server; null does not.</summary>
    private static ConfigValue<bool> External(FieldReader reader, ConfigNode node, string field, StreamSourceModel source)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<bool>.Known(false, node.Span);
        }

        return Nested(reader, node, field, ApiExternal, source) is { } map ? ConfigValue<bool>.Known(true, map.Span) : ConfigValue<bool>.Unknown(node.Span);
    }

    /// <summary>Whether a nested object is set: true for a mapping, absent for null, unknown for a value of the wrong type.</summary>
    private static ConfigValue<bool> Presence(MappingNode? map, ConfigNode node) =>
        map is not null ? ConfigValue<bool>.Known(true, map.Span)
        : node is ScalarNode { Kind: ScalarKind.Null } ? ConfigValue<bool>.Absent : ConfigValue<bool>.Unknown(node.Span);

    private static ConfigValue<bool> NonEmpty(MappingNode? map) =>
        map is null ? ConfigValue<bool>.Absent : ConfigValue<bool>.Known(map.Entries.Count > 0, map.Span);

    private static void ConsumerLimits(FieldReader reader, ConfigNode node, StreamModel model, string field, FieldTable<StreamModel> table)
    {
        if (reader.Mapping(node, field) is not { } map)
        {
            model.HasConsumerLimits = ConfigValue<bool>.Absent;
            return;
        }

        model.HasConsumerLimits = ConfigValue<bool>.Known(false, map.Span);
        table.Bind(reader, map, model);
    }

    private static void LimitSet(StreamModel model, ConfigValue<long> value)
    {
        if (value.TryGet(out var v) && v > 0 && model.HasConsumerLimits.IsKnown)
        {
            model.HasConsumerLimits = ConfigValue<bool>.Known(true, model.HasConsumerLimits.Origin);
        }
    }

    /// <summary>A list of subject transforms ({src, dest} objects) into <see cref="StreamSourceModel.SubjectTransforms"/>; true when it has any.</summary>
    private static ConfigValue<bool> Transforms(FieldReader reader, ConfigNode node, string field, StreamSourceModel source, FieldTable<SubjectTransformModel>? table = null)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<bool>.Absent;
        }

        if (node is not SequenceNode list)
        {
            reader.Mismatch(node, field, "a list of {src, dest} mappings");
            source.SubjectTransforms = ConfigValue<IReadOnlyList<SubjectTransformModel>>.Unknown(node.Span);
            return ConfigValue<bool>.Unknown(node.Span);
        }

        var transforms = new List<SubjectTransformModel>();
        foreach (var item in list.Items)
        {
            var transform = new SubjectTransformModel { Origin = item.Span };
            if (Nested(reader, item, field, table ?? ApiTransform, transform) is null)
            {
                source.SubjectTransforms = ConfigValue<IReadOnlyList<SubjectTransformModel>>.Unknown(list.Span);
                return ConfigValue<bool>.Known(list.Items.Count > 0, list.Span);
            }

            transforms.Add(transform);
        }

        source.SubjectTransforms = ConfigValue<IReadOnlyList<SubjectTransformModel>>.Known(transforms, list.Span);
        return ConfigValue<bool>.Known(list.Items.Count > 0, list.Span);
    }

    /// <summary>The stream's subject_transform into <see cref="StreamModel.SubjectTransform"/>; the mapping, or null when it is not one.</summary>
    private static MappingNode? Transform(FieldReader reader, ConfigNode node, string field, FieldTable<SubjectTransformModel> table, StreamModel model)
    {
        var transform = new SubjectTransformModel { Origin = node.Span };
        var map = Nested(reader, node, field, table, transform);
        model.SubjectTransform = map is not null ? ConfigValue<SubjectTransformModel>.Known(transform, map.Span)
            : node is ScalarNode { Kind: ScalarKind.Null } ? ConfigValue<SubjectTransformModel>.Absent : ConfigValue<SubjectTransformModel>.Unknown(node.Span);
        return map;
    }

    private static ConfigValue<bool> Flag(ConfigValue<string> value) =>
        value.IsKnown ? ConfigValue<bool>.Known(!string.IsNullOrEmpty(value.Value), value.Origin) : ConfigValue<bool>.Absent;
}
