using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.LiveCheck;
using JetStream.Analyzers.LiveCheck.Connection;
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

    /// <summary>Settings for a test server at <paramref name="url"/>, with a short timeout.</summary>
    public static ConnectionSettings Server(string url, double timeoutSeconds = 5) =>
        new() { Servers = ConnectionSettings.ParseServers(url), Timeout = TimeSpan.FromSeconds(timeoutSeconds) };

    /// <summary>
    /// Lints every file written (or the given ones) with the server's version, then checks them against the server, as the build does
    /// with JetStreamServer set. Findings without a file are listed as "(project)". Connection failures are JS5001 lines.
    /// </summary>
    public List<string> LintLive(ConnectionSettings settings, IDictionary<string, string>? options = null, params string[] only) =>
        CheckLive(settings, options, only).Select(Format).OrderBy(l => l, StringComparer.Ordinal).ToList();

    /// <summary>The findings behind <see cref="LintLive"/>: the live check's first, then the lint's, as the MSBuild task collects them.</summary>
    public List<Finding> CheckLive(ConnectionSettings settings, IDictionary<string, string>? options = null, params string[] only)
    {
        var files = only.Length > 0 ? only.Select(PathOf) : Directory.GetFiles(Root, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal);
        return LiveLint.Run(() => settings, (version, onServer) =>
        {
            var context = new RuleContext(new RuleOptions(key => options is not null && options.TryGetValue(key, out var v) ? v : null), version ?? ServerVersion.Newest);
            return new ConfigFileLinter(_ => context, Root).LintAll(files, onServer);
        }).Findings;
    }

    /// <summary>
    /// <see cref="LintLive"/> with the health rules looking at every stream (<paramref name="allStreams"/>, as
    /// JetStreamHealth=true) or only at the defined ones; <paramref name="options"/> are the files' and the project's.
    /// </summary>
    public List<string> LintLiveHealth(ConnectionSettings settings, IDictionary<string, string>? options, bool allStreams)
    {
        var ruleOptions = new RuleOptions(key => options is not null && options.TryGetValue(key, out var v) ? v : null);
        var files = Directory.GetFiles(Root, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal);
        var health = new JetStream.Analyzers.LiveCheck.Health.HealthSettings { AllStreams = allStreams, ProjectOptions = ruleOptions };
        return LiveLint.Run(() => settings, (version, onServer) => new ConfigFileLinter(_ => new RuleContext(ruleOptions, version ?? ServerVersion.Newest), Root).LintAll(files, onServer), health)
            .Findings.Select(Format).OrderBy(l => l, StringComparer.Ordinal).ToList();
    }

    /// <summary>A path below <see cref="Root"/> as the tests write it: relative, with '/'.</summary>
    public string RelativePath(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string Format(Finding finding)
    {
        if (finding.Origin is not SourceSpan span)
        {
            return $"(project): {finding.Rule.Id}: {finding.Message}";
        }

        var relative = RelativePath(span.Path);
        return $"{relative}({span.Line},{span.Column}): {finding.Rule.Id}: {finding.Message}";
    }
}
