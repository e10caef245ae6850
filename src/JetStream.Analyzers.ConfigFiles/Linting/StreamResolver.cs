using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.ConfigFiles.Linting;

/// <summary>
/// Links consumers to the streams they belong to. A bare consumer config names no stream; by convention its stream
/// is the one named like the consumer's folder (or like the parent of a folder called "consumers"), else the only
/// stream defined in that folder.
/// </summary>
internal sealed class StreamResolver
{
    private readonly Dictionary<string, StreamDefinition> byName = new(StringComparer.Ordinal);
    private readonly ILookup<string, StreamDefinition> byFolder;

    public StreamResolver(IReadOnlyList<StreamDefinition> streams)
    {
        foreach (var stream in streams)
        {
            if (stream.Name is { } name && !byName.ContainsKey(name))
            {
                byName[name] = stream;
            }
        }

        byFolder = streams.ToLookup(s => Folder(s.At.Path), StringComparer.Ordinal);
    }

    public void Resolve(IEnumerable<ConsumerDefinition> consumers)
    {
        foreach (var consumer in consumers)
        {
            if (consumer.StreamName is null && consumer.IsBare && Infer(consumer.At.Path) is { } inferred)
            {
                consumer.Model.StreamName = ConfigValue<string>.Defaulted(inferred);
            }

            if (consumer.StreamName is { } name && byName.TryGetValue(name, out var stream))
            {
                consumer.Model.Stream = stream.Model;
            }
        }
    }

    private string? Infer(string path)
    {
        var folder = Folder(path);
        var folderName = Path.GetFileName(folder);
        if (byName.ContainsKey(folderName))
        {
            return folderName;
        }

        if (string.Equals(folderName, "consumers", StringComparison.OrdinalIgnoreCase))
        {
            var parent = Path.GetDirectoryName(folder) ?? string.Empty;
            var parentName = Path.GetFileName(parent);
            if (byName.ContainsKey(parentName))
            {
                return parentName;
            }

            folder = parent;
        }

        var local = byFolder[folder].Where(s => s.Name is not null).ToList();
        return local.Count == 1 ? local[0].Name : null;
    }

    private static string Folder(string path) => Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty;
}
