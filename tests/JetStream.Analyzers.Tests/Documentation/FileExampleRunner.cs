using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.Documentation;

/// <summary>
/// Lints the files of a documentation example the way the build does: written to a fresh folder, linted together,
/// options and server version from the example's marker, severities resolved as the MSBuild task resolves them.
/// </summary>
public static class FileExampleRunner
{
    private static readonly Regex Located = new(
        @"^(?<path>[^\s()]+)\((?<line>\d+),(?<col>\d+)(,(?<endLine>\d+),(?<endCol>\d+))?\): (?<severity>error|warning) (?<id>JS\d{4}): (?<message>.+)$",
        RegexOptions.CultureInvariant);

    // A finding without a file, reported against the project file: "Repo.csproj : warning JS5008: message".
    private static readonly Regex ProjectLevel = new(
        @"^(?<path>[^\s()]+) : (?<severity>error|warning|message) (?<id>JS\d{4}): (?<message>.+)$",
        RegexOptions.CultureInvariant);

    public static List<FileFinding> Lint(IReadOnlyList<ExampleFile> files, IReadOnlyDictionary<string, string> options)
    {
        using var repo = new ConfigRepo();
        foreach (var file in files)
        {
            repo.With(file.Path, file.Block.Code + "\n");
        }

        string? Lookup(string key) => options.TryGetValue(key, out var value) ? value : null;
        var version = ServerVersion.TryParse(Lookup(OptionKeys.ServerVersion), out var parsed) ? parsed : ServerVersion.Newest;
        var context = new RuleContext(new RuleOptions(Lookup), version);
        var findings = new ConfigFileLinter(_ => context, repo.Root).Lint(files.Select(f => repo.PathOf(f.Path)));
        var severities = new SeverityResolver();
        return findings.Select(f =>
        {
            var span = (SourceSpan)f.Origin!;
            var path = Path.GetRelativePath(repo.Root, span.Path).Replace(Path.DirectorySeparatorChar, '/');
            var message = Path.DirectorySeparatorChar == '/' ? f.Message : f.Message.Replace(Path.DirectorySeparatorChar, '/');
            return new FileFinding(path, span.Line, span.Column, span.EndLine, span.EndColumn, severities.Resolve(f.Rule.Id, f.Severity, options), f.Rule.Id, message);
        }).ToList();
    }

    /// <summary>
    /// Whether a documented line is one of <paramref name="findings"/>: a bare message of <paramref name="ruleId"/>, a located line, or a
    /// line reported against the project file.
    /// </summary>
    public static bool IsReported(string documented, string ruleId, IReadOnlyList<FileFinding> findings)
    {
        var project = ProjectLevel.Match(documented);
        if (project.Success)
        {
            return findings.Any(f => f.Line == 0 && f.Path == project.Groups["path"].Value && f.SeverityName == project.Groups["severity"].Value
                && f.Id == project.Groups["id"].Value && f.Message == project.Groups["message"].Value);
        }

        var located = Located.Match(documented);
        if (!located.Success)
        {
            return findings.Any(f => f.Id == ruleId && f.Message == documented);
        }

        int Number(string group) => int.Parse(located.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return findings.Any(f =>
            f.Path == located.Groups["path"].Value && f.Line == Number("line") && f.Column == Number("col")
            && (!located.Groups["endLine"].Success || f.EndLine == Number("endLine") && f.EndColumn == Number("endCol"))
            && f.SeverityName == located.Groups["severity"].Value && f.Id == located.Groups["id"].Value && f.Message == located.Groups["message"].Value);
    }
}

/// <summary>
/// A finding as the build prints it; <see cref="Severity"/> is null when the build would not print it (Info is printed as a
/// message, which only happens for findings without a file). A finding without a file has
/// <see cref="Line"/> 0 and the project file as <see cref="Path"/>.
/// </summary>
public sealed record FileFinding(string Path, int Line, int Column, int EndLine, int EndColumn, RuleSeverity? Severity, string Id, string Message)
{
    public string SeverityName => Severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "message",
        _ => "not printed",
    };

    public bool IsPrinted => Severity is not null;

    public override string ToString() => Line == 0 ? $"{Path} : {SeverityName} {Id}: {Message}" : $"{Path}({Line},{Column},{EndLine},{EndColumn}): {SeverityName} {Id}: {Message}";
}
