using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;

namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>NACK KeyValue and ObjectStore resources, read as the streams they become (KV_&lt;bucket&gt;, OBJ_&lt;bucket&gt;).</summary>
internal static class BucketBinder
{
    private static readonly Dictionary<string, StorageType> Storage = new() { ["file"] = StorageType.File, ["memory"] = StorageType.Memory };

    private static readonly FieldTable<StreamModel> KeyValue = new FieldTable<StreamModel>(FieldScope.Stream, ConfigFormat.Nack)
        .AddNackOnly("bucket", (r, n, m, f) => m.BucketName = r.String(n, f))
        .Add("description", (r, n, m, f) => m.Description = r.String(n, f))
        .Add("maxValueSize", (r, n, m, f) => m.MaxMsgSize = r.Integer(n, f, -1, int.MaxValue))
        .Add("history", (r, n, m, f) => m.MaxMsgsPerSubject = r.Integer(n, f, 0, 64))
        .Add("ttl", (r, n, m, f) => m.MaxAge = r.Duration(n, f))
        .Add("maxBytes", (r, n, m, f) => m.MaxBytes = r.Integer(n, f, -1))
        .Add("storage", (r, n, m, f) => m.Storage = r.Enum(n, f, Storage))
        .Add("replicas", (r, n, m, f) => m.NumReplicas = r.Integer(n, f, 1, int.MaxValue))
        .Add("compression", (r, n, m, f) => m.Compression = r.Bool(n, f))
        .Known("placement", "republish", "mirror", "sources")
        .Known(NackResources.ConnectionFields);

    private static readonly FieldTable<StreamModel> ObjectStore = new FieldTable<StreamModel>(FieldScope.Stream, ConfigFormat.Nack)
        .AddNackOnly("bucket", (r, n, m, f) => m.BucketName = r.String(n, f))
        .Add("description", (r, n, m, f) => m.Description = r.String(n, f))
        .Add("ttl", (r, n, m, f) => m.MaxAge = r.Duration(n, f))
        .Add("maxBytes", (r, n, m, f) => m.MaxBytes = r.Integer(n, f, -1))
        .Add("storage", (r, n, m, f) => m.Storage = r.Enum(n, f, Storage))
        .Add("replicas", (r, n, m, f) => m.NumReplicas = r.Integer(n, f, 1, int.MaxValue))
        .Add("compression", (r, n, m, f) => m.Compression = r.Bool(n, f))
        .Add("metadata", (r, n, m, f) => m.MetadataBytes = r.Metadata(n, f))
        .Known("placement")
        .Known(NackResources.ConnectionFields);

    public static StreamModel Bind(FieldReader reader, MappingNode spec, StreamKind kind, object origin)
    {
        var model = new StreamModel
        {
            Kind = kind,
            Operation = ConfigOperation.CreateOrUpdate,
            Origin = origin,
            Discard = ConfigValue<DiscardPolicy>.Defaulted(DiscardPolicy.New),
            AllowRollupHdrs = ConfigValue<bool>.Defaulted(true),
            AllowDirect = ConfigValue<bool>.Defaulted(true),
        };
        var label = kind == StreamKind.KeyValue ? "Key-value bucket" : "Object store";
        reader.Subject = spec["bucket"] is ScalarNode { Kind: ScalarKind.String } bucket ? $"{label} '{bucket.Text}'" : label;
        (kind == StreamKind.KeyValue ? KeyValue : ObjectStore).Bind(reader, spec, model);
        if (kind == StreamKind.KeyValue)
        {
            model.DenyDelete = ConfigValue<bool>.Defaulted(true);
        }

        if (model.BucketName.TryGet(out var name) && !string.IsNullOrEmpty(name))
        {
            var prefix = kind == StreamKind.KeyValue ? "KV_" : "OBJ_";
            model.Name = ConfigValue<string>.Known(prefix + name, model.BucketName.Origin);
            model.Subjects = ConfigValue<IReadOnlyList<string>>.Defaulted(kind == StreamKind.KeyValue
                ? new[] { $"$KV.{name}.>" }
                : new[] { $"$O.{name}.C.>", $"$O.{name}.M.>" });
        }

        return model;
    }
}
