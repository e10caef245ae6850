using System;
using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Schema;

namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>The fields of one kind of object in one format: name → how to read it into the model.</summary>
internal sealed class FieldTable<TModel>
{
    private readonly Dictionary<string, Field> fields = new(StringComparer.Ordinal);
    private readonly HashSet<string> nullMatters = new(StringComparer.Ordinal);
    private readonly FieldScope scope;
    private readonly ConfigFormat format;

    public FieldTable(FieldScope scope, ConfigFormat format)
    {
        this.scope = scope;
        this.format = format;
    }

    /// <summary>
    /// A field of the schema, read into the model. In the JetStream API format the schema's first release decides
    /// whether a target server knows it. A name the schema lacks is a bug, caught when the table is built.
    /// </summary>
    public FieldTable<TModel> Add(string name, Action<FieldReader, ConfigNode, TModel, string> bind)
    {
        var field = format == ConfigFormat.Api ? FieldSchema.Find(scope, name) : FieldSchema.FindNack(scope, name);
        if (field is null)
        {
            throw new InvalidOperationException($"The field schema has no {scope} field named '{name}' in the {format} format");
        }

        fields[name] = new Field(bind, format == ConfigFormat.Api ? field.Since : null) { Removed = format == ConfigFormat.Api ? field.Removed : null };
        return this;
    }

    /// <summary>A field only the NACK resource has (the bucket's name, the consumer's stream).</summary>
    public FieldTable<TModel> AddNackOnly(string name, Action<FieldReader, ConfigNode, TModel, string> bind)
    {
        fields[name] = new Field(bind, null);
        return this;
    }

    /// <summary>Fields that are valid but that no rule reads (their type is still checked where given).</summary>
    public FieldTable<TModel> Known(params string[] names)
    {
        foreach (var name in names)
        {
            fields[name] = new Field(static (_, _, _, _) => { }, null);
        }

        return this;
    }

    /// <summary>
    /// Fields for which a JSON null is not a no-op in Go: pointers, lists and maps (null clears them) and enums with
    /// their own decoding (null is an error). For any other field a null leaves what an earlier key set.
    /// </summary>
    public FieldTable<TModel> NullMatters(params string[] names)
    {
        nullMatters.UnionWith(names);
        return this;
    }

    public IReadOnlyCollection<string> Names => fields.Keys;

    /// <summary>
    /// Reads every known field of <paramref name="map"/> into <paramref name="model"/> and reports the unknown ones.
    /// In the JetStream API format a key matches its field case-insensitively, as Go's JSON decoder does, and a later
    /// key overwrites an earlier one (a null only where <see cref="NullMatters"/> says so).
    /// </summary>
    public void Bind(FieldReader reader, MappingNode map, TModel model)
    {
        reader.CheckFields(map, fields.Keys);
        var bound = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (reader.Resolve(entry.Key.Text, fields.Keys) is not { } name)
            {
                continue;
            }

            if (!bound.Add(name) && entry.Value is ScalarNode { Kind: ScalarKind.Null } && !nullMatters.Contains(name))
            {
                continue;
            }

            var field = fields[name];
            if (field.Removed is { } removed && reader.Version.CompareTo(removed) >= 0)
            {
                reader.RemovedField(entry.Key, removed);
                continue;
            }

            using (reader.Reading(field.Since))
            {
                field.Bind(reader, entry.Value, model, entry.Key.Text);
            }
        }
    }

    private sealed class Field
    {
        public Field(Action<FieldReader, ConfigNode, TModel, string> bind, ServerVersion? since)
        {
            Bind = bind;
            Since = since;
        }

        public Action<FieldReader, ConfigNode, TModel, string> Bind { get; }

        public ServerVersion? Since { get; }

        /// <summary>The first release that no longer knows the field.</summary>
        public ServerVersion? Removed { get; set; }
    }
}
