using System.Collections.Generic;
using JetStream.Analyzers.Rules.Model;
using Microsoft.CodeAnalysis;

namespace JetStream.Analyzers.Configuration;

/// <summary>Builds the rule model of a stream from a traced StreamConfig, NatsKVConfig or NatsObjConfig.</summary>
internal static class StreamModelBuilder
{
    public static StreamModel FromStreamConfig(ConfigObject config, ConfigOperation operation)
    {
        var w = new WriteReader(config.Writes);
        var model = new StreamModel
        {
            Kind = StreamKind.Stream,
            Operation = operation,
            Origin = config.Creation.GetLocation(),
            Name = w.Has("Name") ? w.String("Name") : CtorString(config, "name"),
            Subjects = w.Has("Subjects") ? w.StringList("Subjects") : CtorList(config, "subjects"),
            Description = w.String("Description"),
            Retention = w.Enum("Retention", CSharpEnums.Retention),
            MaxConsumers = w.Long("MaxConsumers"),
            MaxMsgs = w.Long("MaxMsgs"),
            MaxBytes = w.Long("MaxBytes"),
            MaxAge = w.Duration("MaxAge"),
            MaxMsgsPerSubject = w.Long("MaxMsgsPerSubject"),
            MaxMsgSize = w.Long("MaxMsgSize"),
            Discard = w.Enum("Discard", CSharpEnums.Discard),
            Storage = w.Enum("Storage", CSharpEnums.Storage),
            NumReplicas = w.Long("NumReplicas"),
            NoAck = w.Bool("NoAck"),
            DuplicateWindow = w.Duration("DuplicateWindow"),
            Mirror = Source(w, "Mirror"),
            Sources = SourceList(w, "Sources"),
            Sealed = w.Bool("Sealed"),
            DenyDelete = w.Bool("DenyDelete"),
            DenyPurge = w.Bool("DenyPurge"),
            AllowRollupHdrs = w.Bool("AllowRollupHdrs"),
            AllowDirect = w.Bool("AllowDirect"),
            MirrorDirect = w.Bool("MirrorDirect"),
            DiscardNewPerSubject = w.Bool("DiscardNewPerSubject"),
            MetadataBytes = w.MetadataSize("Metadata"),
            Compression = w.Enum("Compression", CSharpEnums.Compression),
            FirstSequence = w.Long("FirstSeq"),
            HasSubjectTransform = w.Presence("SubjectTransform"),
            AllowMsgTtl = w.Bool("AllowMsgTTL"),
            SubjectDeleteMarkerTtl = w.Duration("SubjectDeleteMarkerTTL"),
            AllowMsgCounter = w.Bool("AllowMsgCounter"),
            AllowAtomic = w.Bool("AllowAtomicPublish"),
            AllowMsgSchedules = w.Bool("AllowMsgSchedules"),
            AsyncPersist = w.Enum("PersistMode", CSharpEnums.AsyncPersist),
            AllowBatched = w.Bool("AllowBatchPublish"),
        };
        if (w.Has("Republish"))
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
        var w = new WriteReader(config?.Writes ?? new Dictionary<string, PropertyWrite>());
        var bucket = config is null ? Values.String(bucketArgument, bucketArgument?.Syntax.GetLocation())
            : w.Has("Bucket") ? w.String("Bucket") : CtorString(config, "bucket");
        var model = Bucket(StreamKind.KeyValue, bucket, "KV_", b => new[] { $"$KV.{b}.>" }, origin, operation);
        // NatsKVContext sends NumberOfReplicas <= 0 as 1.
        var replicas = w.Long("NumberOfReplicas");
        model.NumReplicas = replicas.IsKnown && replicas.Value <= 0 ? ConfigValue<long>.Known(1, replicas.Origin) : replicas;
        model.MaxBytes = w.Long("MaxBytes");
        model.MaxAge = w.Duration("MaxAge");
        model.Storage = w.Enum("Storage", CSharpEnums.Storage);
        model.MaxMsgSize = w.Long("MaxValueSize");
        model.Description = w.String("Description");
        model.Mirror = Source(w, "Mirror");
        model.Sources = SourceList(w, "Sources");
        if (!model.Mirror.IsAbsent)
        {
            // NatsKVContext sends a mirror bucket without subjects (and with mirror direct on).
            model.Subjects = model.Mirror.IsKnown ? ConfigValue<IReadOnlyList<string>>.Absent : ConfigValue<IReadOnlyList<string>>.Unknown(model.Mirror.Origin);
            model.MirrorDirect = model.Mirror.IsKnown ? ConfigValue<bool>.Defaulted(true) : ConfigValue<bool>.Unknown(model.Mirror.Origin);
        }

        model.MetadataBytes = w.MetadataSize("Metadata");
        model.Compression = w.Bool("Compression");
        model.DenyDelete = ConfigValue<bool>.Defaulted(true);
        model.DenyPurge = ConfigValue<bool>.Defaulted(false);
        var history = w.Long("History");
        model.MaxMsgsPerSubject = history.IsKnown && history.Value == 0 ? ConfigValue<long>.Known(1, history.Origin) : history;
        var markerTtl = w.Duration("LimitMarkerTTL");
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
        var w = new WriteReader(config?.Writes ?? new Dictionary<string, PropertyWrite>());
        var bucket = config is null ? Values.String(bucketArgument, bucketArgument?.Syntax.GetLocation())
            : w.Has("Bucket") ? w.String("Bucket") : CtorString(config, "Bucket");
        var model = Bucket(StreamKind.ObjectStore, bucket, "OBJ_", b => new[] { $"$O.{b}.C.>", $"$O.{b}.M.>" }, origin, operation);
        model.NumReplicas = w.Long("NumberOfReplicas");
        model.MaxBytes = w.Long("MaxBytes");
        model.MaxAge = w.Duration("MaxAge");
        model.Storage = w.Enum("Storage", CSharpEnums.Storage);
        model.Description = w.String("Description");
        model.MetadataBytes = w.MetadataSize("Metadata");
        model.Compression = w.Bool("Compression");
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
        if (WriteReader.ForInitializer(value) is not { } s)
        {
            return null;
        }

        var external = s.Presence("External");
        var domain = s.Presence("Domain");
        return new StreamSourceModel
        {
            Origin = origin,
            Name = s.String("Name"),
            FilterSubject = s.String("FilterSubject"),
            HasSubjectTransforms = s.Presence("SubjectTransforms"),
            IsExternal = external.IsUnknown || domain.IsUnknown ? ConfigValue<bool>.Unknown(origin)
                : ConfigValue<bool>.Known(external.Is(true) || domain.Is(true), origin),

            // The API prefix (Domain becomes one) and the source consumer are part of a source's identity; not read here.
            ExternalApi = external.IsAbsent && domain.IsAbsent ? ConfigValue<string>.Absent : ConfigValue<string>.Unknown(origin),
            ConsumerName = s.Presence("Consumer").IsAbsent ? ConfigValue<string>.Absent : ConfigValue<string>.Unknown(origin),
        };
    }

    private static void ReadRepublish(StreamModel model, WriteReader w)
    {
        var origin = w.LocationOf("Republish");
        var raw = w.Raw("Republish");
        if (Values.IsNull(raw))
        {
            return;
        }

        model.HasRepublish = ConfigValue<bool>.Known(true, origin);
        if (WriteReader.ForInitializer(raw) is { } republish)
        {
            model.RepublishSource = republish.String("Src");
            model.RepublishDestination = republish.String("Dest");
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
