using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace JetStream.Analyzers.ConfigFiles.EditorConfig;

/// <summary>
/// The .editorconfig and global config properties that apply to a file, computed as the compiler computes them for
/// the analyzers: first the global configs' top-level keys, then their sections named by the file's full path, then
/// the sections of every .editorconfig in the file's folder and above, shorter folders first and root = true
/// discarding what came before. Global configs are merged before that: a higher global_level wins, and a key two
/// files set at the same level is dropped, as the compiler drops it.
/// The build passes the compiler's own EditorConfigFiles items (the .editorconfig files over the project's sources,
/// .globalconfig files, the generated MSBuild properties file, packages' global configs); .editorconfig files above
/// a definition file are found as the SDK finds them for sources, so a folder of definitions can have its own.
/// </summary>
public sealed class EditorConfigResolver
{
    private readonly ConcurrentDictionary<string, EditorConfigFile?> files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EditorConfigProperties> byPath = new(StringComparer.Ordinal);
    private readonly List<string> configured;
    private readonly Lazy<GlobalConfigs> globals;

    /// <param name="configFiles">The compiler's analyzer config files (EditorConfigFiles), global or not.</param>
    /// <param name="inlineConfigs">Config files given as text rather than read from disk (jetstream-lint's presets), each under a path of its own.</param>
    public EditorConfigResolver(IEnumerable<string>? configFiles = null, IEnumerable<(string Path, string Text)>? inlineConfigs = null)
    {
        configured = (configFiles ?? Enumerable.Empty<string>()).Where(p => !string.IsNullOrWhiteSpace(p)).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (path, text) in inlineConfigs ?? Enumerable.Empty<(string, string)>())
        {
            files[path] = EditorConfigFile.Parse(path, text);
            configured.Add(path);
        }

        globals = new Lazy<GlobalConfigs>(() => new GlobalConfigs(configured.Select(Load).Where(f => f is { IsGlobal: true })!));
    }

    /// <summary>Every config file read so far (so the build can re-run the lint when one changes).</summary>
    public IEnumerable<string> FilesRead => files.Where(pair => pair.Value is not null).Select(pair => pair.Key);

    /// <summary>Section headers, in the config files read so far, that are not valid globs: those sections apply to no file.</summary>
    public IEnumerable<(string Path, int Line, string Name)> InvalidSections =>
        files.Values.Where(f => f is { IsGlobal: false })
            .SelectMany(f => f!.Sections.Where(s => s.Glob is null).Select(s => (f.Path, s.Line, s.Name)));

    public EditorConfigProperties PropertiesFor(string path) => byPath.GetOrAdd(Path.GetFullPath(path), Compute);

    private EditorConfigProperties Compute(string fullPath)
    {
        var normalized = fullPath.Replace('\\', '/');
        var properties = new Dictionary<string, EditorConfigValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in EditorConfigsOver(fullPath, normalized))
        {
            if (file.IsRoot)
            {
                properties.Clear();
            }

            var directoryLength = file.Directory.EndsWith("/", StringComparison.Ordinal) ? file.Directory.Length - 1 : file.Directory.Length;
            var relative = normalized.Substring(directoryLength);
            foreach (var section in file.Sections)
            {
                if (section.Glob?.IsMatch(relative) == true)
                {
                    foreach (var pair in section.Properties)
                    {
                        properties[pair.Key] = pair.Value;
                    }
                }
            }
        }

        // root = true discards the .editorconfig files above, never the global configs.
        var all = new Dictionary<string, EditorConfigValue>(StringComparer.OrdinalIgnoreCase);
        globals.Value.AddTo(all, normalized);
        foreach (var pair in properties)
        {
            all[pair.Key] = pair.Value;
        }

        return new EditorConfigProperties(all);
    }

    private IEnumerable<EditorConfigFile> EditorConfigsOver(string fullPath, string normalized)
    {
        var found = new Dictionary<string, EditorConfigFile>(StringComparer.Ordinal);
        foreach (var path in configured)
        {
            if (Load(path) is { IsGlobal: false } file && normalized.StartsWith(file.Directory, StringComparison.Ordinal))
            {
                found[path] = file;
            }
        }

        for (var directory = Path.GetDirectoryName(fullPath); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            var candidate = Path.Combine(directory, ".editorconfig");
            if (!found.ContainsKey(candidate) && Load(candidate) is { IsGlobal: false } file)
            {
                found[candidate] = file;
            }
        }

        // A compiler's sort is not guaranteed stable; files in one folder are kept in the order they were given.
        return found.Values.Select((file, index) => (file, index)).OrderBy(x => x.file.Directory.Length).ThenBy(x => x.index).Select(x => x.file);
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

    /// <summary>The global configs merged: top-level keys, and sections named by a file's full path.</summary>
    private sealed class GlobalConfigs
    {
        private readonly Dictionary<string, EditorConfigValue> global = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Dictionary<string, EditorConfigValue>> byFile = new(StringComparer.Ordinal);

        public GlobalConfigs(IEnumerable<EditorConfigFile> configs)
        {
            var globalLevels = new Dictionary<string, (int Level, string? File)>(StringComparer.OrdinalIgnoreCase);
            var fileLevels = new Dictionary<string, Dictionary<string, (int Level, string? File)>>(StringComparer.Ordinal);
            foreach (var config in configs)
            {
                Merge(global, globalLevels, config.GlobalProperties.Where(p => p.Key is not ("is_global" or "global_level")), config);
                foreach (var section in config.Sections)
                {
                    var name = section.Name.Replace('\\', '/');
                    if (!name.StartsWith("/", StringComparison.Ordinal) && !(name.Length > 2 && name[1] == ':'))
                    {
                        continue; // the compiler ignores sections of global configs that don't name an absolute path
                    }

                    if (!byFile.TryGetValue(name, out var properties))
                    {
                        byFile[name] = properties = new Dictionary<string, EditorConfigValue>(StringComparer.OrdinalIgnoreCase);
                        fileLevels[name] = new Dictionary<string, (int, string?)>(StringComparer.OrdinalIgnoreCase);
                    }

                    Merge(properties, fileLevels[name], section.Properties, config);
                }
            }
        }

        public void AddTo(Dictionary<string, EditorConfigValue> properties, string normalizedPath)
        {
            foreach (var pair in global)
            {
                properties[pair.Key] = pair.Value;
            }

            if (byFile.TryGetValue(normalizedPath, out var own))
            {
                foreach (var pair in own)
                {
                    properties[pair.Key] = pair.Value;
                }
            }
        }

        private static void Merge(
            Dictionary<string, EditorConfigValue> target,
            Dictionary<string, (int Level, string? File)> levels,
            IEnumerable<KeyValuePair<string, EditorConfigValue>> values,
            EditorConfigFile config)
        {
            foreach (var pair in values)
            {
                if (levels.TryGetValue(pair.Key, out var existing))
                {
                    if (existing.Level > config.GlobalLevel)
                    {
                        continue;
                    }

                    if (existing.Level == config.GlobalLevel && existing.File != config.Path)
                    {
                        // Two files at one level: the compiler unsets the key (warning MultipleGlobalAnalyzerKeys).
                        target.Remove(pair.Key);
                        levels[pair.Key] = (existing.Level, null);
                        continue;
                    }
                }

                target[pair.Key] = pair.Value;
                levels[pair.Key] = (config.GlobalLevel, config.Path);
            }
        }
    }
}

/// <summary>The properties that apply to one file: key to value, and where each value was set.</summary>
public sealed class EditorConfigProperties : IReadOnlyDictionary<string, string>
{
    private readonly Dictionary<string, EditorConfigValue> entries;

    internal EditorConfigProperties(Dictionary<string, EditorConfigValue> entries)
    {
        this.entries = entries;
    }

    public int Count => entries.Count;

    public IEnumerable<string> Keys => entries.Keys;

    public IEnumerable<string> Values => entries.Values.Select(v => v.Value);

    public IEnumerable<EditorConfigValue> Entries => entries.Values;

    public string this[string key] => entries[key].Value;

    public bool ContainsKey(string key) => entries.ContainsKey(key);

    public bool TryGetValue(string key, out string value)
    {
        var found = entries.TryGetValue(key, out var entry);
        value = found ? entry!.Value : null!;
        return found;
    }

    public bool TryGetEntry(string key, out EditorConfigValue entry) => entries.TryGetValue(key, out entry!);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        entries.Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
