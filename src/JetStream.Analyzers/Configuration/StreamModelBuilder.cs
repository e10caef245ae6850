using System.Collections.Generic;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;
using Microsoft.CodeAnalysis;

namespace JetStream.Analyzers.Configuration;

/// <summary>Builds the rule model of a stream from a traced StreamConfig, NatsKVConfig or NatsObjConfig.</summary>
internal static class StreamModelBuilder
{
    public static StreamModel FromStreamConfig(ConfigObject config, ConfigOperation operation)
    {
        var w = new WriteReader(config.Writes).BySchema(FieldScope.Stream);
        var model = new StreamModel
        {
            Kind = StreamKind.Stream,
            Operation = operation,
            Origin = config.Creation.GetLocation(),
            Name = w.Has("name") ? w.String("name") : CtorString(config, "name"),
            Subjects = w.Has("subjects") ? w.StringList("subjects") : CtorList(config, "subjects"),
            Description = w.String("description"),
            Retention = w.Enum("retention", CSharpEnums.Retention),
            MaxConsumers = w.Long("max_consumers"),
            MaxMsgs = w.Long("max_msgs"),
            MaxBytes = w.Long("max_bytes"),
            MaxAge = w.Duration("max_age"),
            MaxMsgsPerSubject = w.Long("max_msgs_per_subject"),
            MaxMsgSize = w.Long("max_msg_size"),
            Discard = w.Enum("discard", CSharpEnums.Discard),
            Storage = w.Enum("storage", CSharpEnums.Storage),
            NumReplicas = w.Long("num_replicas"),
            NoAck = w.Bool("no_ack"),
            DuplicateWindow = w.Duration("duplicate_window"),
            Mirror = Source(w, "mirror"),
            Sources = SourceList(w, "sources"),
            Sealed = w.Bool("sealed"),
            DenyDelete = w.Bool("deny_delete"),
            DenyPurge = w.Bool("deny_purge"),
            AllowRollupHdrs = w.Bool("allow_rollup_hdrs"),
            AllowDirect = w.Bool("allow_direct"),
            MirrorDirect = w.Bool("mirror_direct"),
            DiscardNewPerSubject = w.Bool("discard_new_per_subject"),
            MetadataBytes = w.MetadataSize("metadata"),
            Compression = w.Enum("compression", CSharpEnums.Compression),
            FirstSequence = w.Long("first_seq"),
            HasSubjectTransform = w.Presence("subject_transform"),
            AllowMsgTtl = w.Bool("allow_msg_ttl"),
            SubjectDeleteMarkerTtl = w.Duration("subject_delete_marker_ttl"),
            AllowMsgCounter = w.Bool("allow_msg_counter"),
            AllowAtomic = w.Bool("allow_atomic"),
            AllowMsgSchedules = w.Bool("allow_msg_schedules"),
            AsyncPersist = w.Enum("persist_mode", CSharpEnums.AsyncPersist),
            AllowBatched = w.Bool("allow_batched"),
        };
        if (w.Has("republish"))
        {
            ReadRepublish(model, w);
        }

        // An absent or empty subject list means the server uses the stream name as the only subject.
        if (model.Subjects.IsKnown && model.Subjects.Value.Count == 0 && model.Mirror.IsAbsent && !HasSources(model) && model.Name.IsKnown)
        {
            model.Subjects = ConfigValue<IReadOnlyList<string>>.Defaulted(new[] { model.Name.Value });
        }

        return model;
    }

    /// <summary>NatsKVConfig, mapped the way NATS.Net's NatsKVContext builds the bucket's stream.</summary>
    public static StreamModel FromKVConfig(ConfigObject? config, IOperation? bucketArgument, Location origin, ConfigOperation operation)
    {
        var writes = new WriteReader(config?.Writes ?? new Dictionary<string, PropertyWrite>());
        var w = writes.BySchema(FieldScope.Stream, StreamKind.KeyValue);
        var bucket = config is null ? Values.String(bucketArgument, bucketArgument?.Syntax.GetLocation())
            : writes.Has("Bucket") ? writes.String("Bucket") : CtorString(config, "bucket");
        var model = Bucket(StreamKind.KeyValue, bucket, "KV_", b => new[] { $"$KV.{b}.>" }, origin, operation);
        // NatsKVContext sends NumberOfReplicas <= 0 as 1.
        var replicas = w.Long("num_replicas");
        model.NumReplicas = replicas.IsKnown && replicas.Value <= 0 ? ConfigValue<long>.Known(1, replicas.Origin) : replicas;
        model.MaxBytes = w.Long("max_bytes");
        model.MaxAge = w.Duration("max_age");
        model.Storage = w.Enum("storage", CSharpEnums.Storage);
        model.MaxMsgSize = w.Long("max_msg_size");
        model.Description = w.String("description");
        model.Mirror = Source(w, "mirror");
        model.Sources = SourceList(w, "sources");
        if (!model.Mirror.IsAbsent)
        {
            // NatsKVContext sends a mirror bucket without subjects (and with mirror direct on).
            model.Subjects = model.Mirror.IsKnown ? ConfigValue<IReadOnlyList<string>>.Absent : ConfigValue<IReadOnlyList<string>>.Unknown(model.Mirror.Origin);
            model.MirrorDirect = model.Mirror.IsKnown ? ConfigValue<bool>.Defaulted(true) : ConfigValue<bool>.Unknown(model.Mirror.Origin);
        }

        model.MetadataBytes = w.MetadataSize("metadata");
        model.Compression = w.Bool("compression");
        model.DenyDelete = ConfigValue<bool>.Defaulted(true);
        model.DenyPurge = ConfigValue<bool>.Defaulted(false);
        var history = w.Long("max_msgs_per_subject");
        model.MaxMsgsPerSubject = history.IsKnown && history.Value == 0 ? ConfigValue<long>.Known(1, history.Origin) : history;
        var markerTtl = w.Duration("subject_delete_marker_ttl");
        if (markerTtl.IsKnown && markerTtl.Value > 0)
        {
            model.AllowMsgTtl = ConfigValue<bool>.Known(true, markerTtl.Origin);
            model.SubjectDeleteMarkerTtl = markerTtl;
        }

        return model;
    }

    /// <summary>NatsObjConfig, mapped the way NATS.Net's NatsObjContext builds the store's stream.</summary>
    public static StreamModel FromObjConfig(ConfigObject? config, IOperation? bucketArgument, Location origin, ConfigOperation operation)
    {
        var writes = new WriteReader(config?.Writes ?? new Dictionary<string, PropertyWrite>());
        var w = writes.BySchema(FieldScope.Stream, StreamKind.ObjectStore);
        var bucket = config is null ? Values.String(bucketArgument, bucketArgument?.Syntax.GetLocation())
            : writes.Has("Bucket") ? writes.String("Bucket") : CtorString(config, "Bucket");
        var model = Bucket(StreamKind.ObjectStore, bucket, "OBJ_", b => new[] { $"$O.{b}.C.>", $"$O.{b}.M.>" }, origin, operation);
        model.NumReplicas = w.Long("num_replicas");
        model.MaxBytes = w.Long("max_bytes");
        model.MaxAge = w.Duration("max_age");
        model.Storage = w.Enum("storage", CSharpEnums.Storage);
        model.Description = w.String("description");
        model.MetadataBytes = w.MetadataSize("metadata");
        model.Compression = w.Bool("compression");
        return model;
    }

    private static StreamModel Bucket(StreamKind kind, ConfigValue<string> bucket, string prefix, System.Func<string, string[]> subjects, Location origin, ConfigOperation operation)
    {
        var model = new StreamModel
        {
            Kind = kind,
            Operation = operation,
            Origin = origin,
            BucketName = bucket,
            Discard = ConfigValue<DiscardPolicy>.Defaulted(DiscardPolicy.New),
            AllowRollupHdrs = ConfigValue<bool>.Defaulted(true),
            AllowDirect = ConfigValue<bool>.Defaulted(true),
        };
        if (bucket.IsKnown && !string.IsNullOrEmpty(bucket.Value))
        {
            model.Name = ConfigValue<string>.Known(prefix + bucket.Value, bucket.Origin);
            model.Subjects = ConfigValue<IReadOnlyList<string>>.Defaulted(subjects(bucket.Value));
        }
        else
        {
            model.Name = ConfigValue<string>.Unknown(bucket.Origin);
            model.Subjects = ConfigValue<IReadOnlyList<string>>.Unknown(bucket.Origin);
        }

        return model;
    }

    private static ConfigValue<StreamSourceModel> Source(WriteReader w, string property)
    {
        if (!w.Has(property))
        {
            return ConfigValue<StreamSourceModel>.Absent;
        }

        var origin = w.LocationOf(property);
        var raw = w.Raw(property);
        if (Values.IsNull(raw))
        {
            return ConfigValue<StreamSourceModel>.Absent;
        }

        return ReadSource(raw, origin) is { } source ? ConfigValue<StreamSourceModel>.Known(source, origin) : ConfigValue<StreamSourceModel>.Unknown(origin);
    }

    private static ConfigValue<IReadOnlyList<StreamSourceModel>> SourceList(WriteReader w, string property)
    {
        if (!w.Has(property))
        {
            return ConfigValue<IReadOnlyList<StreamSourceModel>>.Absent;
        }

        var origin = w.LocationOf(property);
        var raw = w.Raw(property);
        if (Values.IsNull(raw))
        {
            return ConfigValue<IReadOnlyList<StreamSourceModel>>.Absent;
        }

        var elements = Values.Elements(raw);
        if (elements is null)
        {
            return ConfigValue<IReadOnlyList<StreamSourceModel>>.Unknown(origin);
        }

        var sources = new List<StreamSourceModel>();
        foreach (var element in elements)
        {
            if (ReadSource(element, element.Syntax.GetLocation()) is not { } source)
            {
                return ConfigValue<IReadOnlyList<StreamSourceModel>>.Unknown(origin);
            }

            sources.Add(source);
        }

        return ConfigValue<IReadOnlyList<StreamSourceModel>>.Known(sources, origin);
    }

    private static StreamSourceModel? ReadSource(IOperation? value, Location? origin)
    {
        if (WriteReader.ForInitializer(value) is not { } writes)
        {
            return null;
        }

        var s = writes.BySchema(FieldScope.Source);
        var external = s.Presence("external");

        // Domain is the client's own: NATS.Net sends it as external.api "$JS.<domain>.API".
        var domain = writes.Presence("Domain");
        return new StreamSourceModel
        {
            Origin = origin,
            Name = s.String("name"),
            FilterSubject = s.String("filter_subject"),
            HasSubjectTransforms = s.Presence("subject_transforms"),
            IsExternal = external.IsUnknown || domain.IsUnknown ? ConfigValue<bool>.Unknown(origin)
                : ConfigValue<bool>.Known(external.Is(true) || domain.Is(true), origin),

            // The API prefix (Domain becomes one) and the source consumer are part of a source's identity; not read here.
            ExternalApi = external.IsAbsent && domain.IsAbsent ? ConfigValue<string>.Absent : ConfigValue<string>.Unknown(origin),
            ConsumerName = s.Presence("consumer").IsAbsent ? ConfigValue<string>.Absent : ConfigValue<string>.Unknown(origin),
        };
    }

    private static void ReadRepublish(StreamModel model, WriteReader w)
    {
        var origin = w.LocationOf("republish");
        var raw = w.Raw("republish");
        if (Values.IsNull(raw))
        {
            return;
        }

        model.HasRepublish = ConfigValue<bool>.Known(true, origin);
        if (WriteReader.ForInitializer(raw)?.BySchema(FieldScope.Republish) is { } republish)
        {
            model.RepublishSource = republish.String("src");
            model.RepublishDestination = republish.String("dest");
        }
        else
        {
            model.RepublishSource = ConfigValue<string>.Unknown(origin);
            model.RepublishDestination = ConfigValue<string>.Unknown(origin);
        }
    }

    private static bool HasSources(StreamModel model) => model.Sources.IsUnknown || model.Sources.IsKnown && model.Sources.Value.Count > 0;

    private static ConfigValue<string> CtorString(ConfigObject config, string parameter) =>
        config.ConstructorArguments.TryGetValue(parameter, out var value) ? Values.String(value, value.Syntax.GetLocation()) : ConfigValue<string>.Absent;

    private static ConfigValue<IReadOnlyList<string>> CtorList(ConfigObject config, string parameter) =>
        config.ConstructorArguments.TryGetValue(parameter, out var value) ? Values.StringList(value, value.Syntax.GetLocation()) : ConfigValue<IReadOnlyList<string>>.Absent;
}
