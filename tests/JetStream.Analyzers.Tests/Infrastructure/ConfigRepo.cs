using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>A folder of real stream and consumer files for config-file tests; deleted on dispose.</summary>
public sealed class ConfigRepo : IDisposable
{
    public ConfigRepo()
    {
        Root = Directory.CreateTempSubdirectory("jetstream-repo-").FullName;
    }

    public string Root { get; }

    public ConfigRepo With(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public ConfigRepo WithBytes(string relativePath, byte[] content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return this;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Lints every file written (or the given ones) and returns "path(line,col): JSxxxx: message" lines, sorted.</summary>
    public List<string> Lint(string? serverVersion = null, IDictionary<string, string>? options = null, params string[] only)
    {
        var version = serverVersion is null ? ServerVersion.Newest : ServerVersion.Parse(serverVersion);
        var context = new RuleContext(new RuleOptions(key => options is not null && options.TryGetValue(key, out var v) ? v : null), version);
        var files = only.Length > 0 ? only.Select(PathOf) : Directory.GetFiles(Root, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal);
        var findings = new ConfigFileLinter(_ => context, Root).Lint(files);
        return findings.Select(Format).OrderBy(l => l, StringComparer.Ordinal).ToList();
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string Format(Finding finding)
    {
        var span = (SourceSpan)finding.Origin!;
        var relative = Path.GetRelativePath(Root, span.Path).Replace(Path.DirectorySeparatorChar, '/');
        return $"{relative}({span.Line},{span.Column}): {finding.Rule.Id}: {finding.Message}";
    }
}
