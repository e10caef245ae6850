using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace JetStream.Lint;

/// <summary>The files to lint: files named on the command line as given, folders searched with globs.</summary>
public static class FileSelection
{
    /// <summary>The default JetStreamConfig items of the build (build/JetStream.Analyzers.props), relative to each folder.</summary>
    public static readonly IReadOnlyList<string> DefaultIncludes = new[]
    {
        "jetstream/**/*.json", "jetstream/**/*.yaml", "jetstream/**/*.yml",
        "streams/**/*.json", "streams/**/*.yaml", "streams/**/*.yml",
        "consumers/**/*.json", "consumers/**/*.yaml", "consumers/**/*.yml",
        "**/*.stream.json", "**/*.stream.yaml", "**/*.stream.yml",
        "**/*.consumer.json", "**/*.consumer.yaml", "**/*.consumer.yml",
    };

    /// <summary>Never linted from a folder, as in the build.</summary>
    public static readonly IReadOnlyList<string> DefaultExcludes = new[]
    {
        "bin/**", "obj/**", "**/node_modules/**", "**/appsettings*.json", "**/launchSettings.json",
    };

    /// <exception cref="UsageException">A path doesn't exist, or a file or folder can't be read.</exception>
    public static List<string> Resolve(IEnumerable<string> paths, IReadOnlyCollection<string> includes, IEnumerable<string> excludes, string currentDirectory)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(includes.Count > 0 ? includes : DefaultIncludes);
        matcher.AddExcludePatterns(DefaultExcludes.Concat(excludes));

        var files = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, currentDirectory);
            if (File.Exists(full))
            {
                files.Add(full);
            }
            else if (Directory.Exists(full))
            {
                try
                {
                    files.AddRange(matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(full))).Files
                        .Select(m => Path.GetFullPath(Path.Combine(full, m.Path)))
                        .OrderBy(p => p, StringComparer.Ordinal));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"can't read the folder '{path}': {e.Message}");
                }
            }
            else
            {
                throw new UsageException($"'{path}' does not exist");
            }
        }

        var distinct = files.Distinct(StringComparer.Ordinal).ToList();
        foreach (var file in distinct)
        {
            EnsureReadable(file);
        }

        return distinct;
    }

    private static void EnsureReadable(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.ReadByte();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"can't read '{file}': {e.Message}");
        }
    }
}
