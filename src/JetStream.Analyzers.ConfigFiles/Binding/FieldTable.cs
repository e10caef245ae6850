using System;
using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.Documents;

namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>The fields of one kind of object in one format: name → how to read it into the model.</summary>
internal sealed class FieldTable<TModel>
{
    private readonly Dictionary<string, Action<FieldReader, ConfigNode, TModel, string>> fields = new(StringComparer.Ordinal);

    /// <summary>A field read into the model.</summary>
    public FieldTable<TModel> Add(string name, Action<FieldReader, ConfigNode, TModel, string> bind)
    {
        fields[name] = bind;
        return this;
    }

    /// <summary>Fields that are valid but that no rule reads (their type is still checked where given).</summary>
    public FieldTable<TModel> Known(params string[] names)
    {
        foreach (var name in names)
        {
            fields[name] = static (_, _, _, _) => { };
        }

        return this;
    }

    public IReadOnlyCollection<string> Names => fields.Keys;

    /// <summary>Reads every known field of <paramref name="map"/> into <paramref name="model"/> and reports the unknown ones.</summary>
    public void Bind(FieldReader reader, MappingNode map, TModel model)
    {
        reader.CheckFields(map, fields.Keys);
        foreach (var entry in map.Entries)
        {
            if (fields.TryGetValue(entry.Key.Text, out var bind))
            {
                bind(reader, entry.Value, model, entry.Key.Text);
            }
        }
    }
}
