using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;

namespace JetStream.Analyzers.ConfigFiles.EditorConfig;

/// <summary>
/// The .editorconfig properties that apply to a file, as the compiler computes them for C#: files from the file's
/// folder up to the first one marked root = true, nearer files and later sections winning.
/// </summary>
public sealed class EditorConfigResolver
{
    private readonly ConcurrentDictionary<string, EditorConfigFile?> files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> byPath = new(StringComparer.Ordinal);

    /// <summary>Every .editorconfig read so far (so the build can re-run the lint when one changes).</summary>
    public IEnumerable<string> FilesRead
    {
        get
        {
            foreach (var pair in files)
            {
                if (pair.Value is not null)
                {
                    yield return pair.Key;
                }
            }
        }
    }

    public IReadOnlyDictionary<string, string> PropertiesFor(string path) => byPath.GetOrAdd(Path.GetFullPath(path), Compute);

    private IReadOnlyDictionary<string, string> Compute(string fullPath)
    {
        var chain = new List<EditorConfigFile>();
        for (var directory = Path.GetDirectoryName(fullPath); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            if (Load(Path.Combine(directory, ".editorconfig")) is { } file)
            {
                chain.Add(file);
                if (file.IsRoot)
                {
                    break;
                }
            }
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var file = chain[i];
            var relative = file.Relative(fullPath);
            if (relative is null)
            {
                continue;
            }

            foreach (var (glob, values) in file.Sections)
            {
                if (glob.IsMatch(relative))
                {
                    foreach (var pair in values)
                    {
                        properties[pair.Key] = pair.Value;
                    }
                }
            }
        }

        return properties;
    }

    private EditorConfigFile? Load(string path) => files.GetOrAdd(path, p =>
    {
        try
        {
            return File.Exists(p) ? EditorConfigFile.Parse(p, File.ReadAllText(p)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });
}
