using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.ConfigFiles.Reporting;
using JetStream.Analyzers.LiveCheck;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.LiveCheck.Health;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Lint;

/// <summary>
/// Lints the files as the build's LintJetStreamConfig task does, with the same linter, live check, .editorconfig
/// resolution and severity rules; the command line's --severity values sit above .editorconfig, --warnaserror acts
/// as TreatWarningsAsErrors.
/// </summary>
public sealed class LintRunner
{
    private readonly LintOptions options;
    private readonly string currentDirectory;
    private readonly Func<string, string?> environment;
    private EditorConfigResolver editorConfig = new();

    public LintRunner(LintOptions options, string currentDirectory, Func<string, string?> environment)
    {
        this.options = options;
        this.currentDirectory = currentDirectory;
        this.environment = environment;
    }

    /// <summary>The server as messages name it and the requests sent, when the live check connected.</summary>
    public string? LiveSummary { get; private set; }

    public List<ReportedFinding> Run(IReadOnlyList<string> files)
    {
        editorConfig = ResolverFor(files);
        var findings = ConfigurationFindings.For(editorConfig, files, options.ServerVersion?.ToString(), origin: null);
        findings.AddRange(options.LiveCheckRequested ? LintAgainstServer(files) : Lint(files, null).Findings);
        var severities = new SeverityResolver(options.WarningsAsErrors);
        var reported = new List<ReportedFinding>();
        foreach (var finding in findings)
        {
            var span = finding.Origin as SourceSpan;
            var properties = PropertiesFor(span?.Path ?? Path.Combine(currentDirectory, "jetstream-lint"));
            var severity = span is null
                ? severities.ResolveWithSuggestions(finding.Rule.Id, finding.Severity, properties)
                : severities.Resolve(finding.Rule.Id, finding.Severity, properties);
            if (severity is { } level)
            {
                reported.Add(new ReportedFinding(finding.Rule, level, finding.Message, span));
            }
        }

        return reported
            .OrderBy(f => f.Span?.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span?.Line)
            .ThenBy(f => f.Span?.Column)
            .ToList();
    }

    /// <summary>
    /// What the compiler would read for sources in the files' folders: each .globalconfig in a folder of theirs or
    /// above (as the SDK discovers them), the preset as the package's targets add it, and the .editorconfig files
    /// over each file, found as the resolver goes.
    /// </summary>
    private EditorConfigResolver ResolverFor(IReadOnlyList<string> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            for (var folder = Path.GetDirectoryName(Path.GetFullPath(file, currentDirectory)); !string.IsNullOrEmpty(folder) && folders.Add(folder); folder = Path.GetDirectoryName(folder))
            {
            }
        }

        var globalConfigs = folders.Select(folder => Path.Combine(folder, ".globalconfig")).Where(File.Exists).OrderBy(p => p, StringComparer.Ordinal);
        var preset = AnalysisPresets.Text(options.AnalysisMode) is { } text
            ? new[] { (Path.Combine(AppContext.BaseDirectory, AnalysisPresets.FileName(options.AnalysisMode)), text) }
            : null;
        return new EditorConfigResolver(globalConfigs, preset);
    }

    private LintResult Lint(IReadOnlyList<string> files, ServerVersion? connected, ExistingStreams? onServer = null) =>
        new ConfigFileLinter(path => ContextFor(path, connected), currentDirectory).LintAll(files, onServer);

    private List<Finding> LintAgainstServer(IReadOnlyList<string> files)
    {
        var result = LiveLint.Run(() => ConnectionSettings.Resolve(options.Live, environment), (connected, onServer) => Lint(files, connected, onServer), Health(options.Health));
        if (result.Server is { } server)
        {
            LiveSummary = $"{Describe.Plural(result.Lint.Streams.Count, "stream")} and {Describe.Plural(result.Lint.Consumers.Count, "consumer")} compared with {server} in {Describe.Plural(result.Requests, "read-only request")}";
        }

        return result.Findings;
    }

    /// <summary>
    /// The consumer report of every stream of the account, or the reason it couldn't be read (a JS5001 message).
    /// </summary>
    public (string? Report, string? Problem) Report()
    {
        var result = LiveLint.Run(() => ConnectionSettings.Resolve(options.Live, environment), (connected, _) => Lint(Array.Empty<string>(), connected), Health(all: true));
        if (result.Health is not { } snapshot)
        {
            return (null, result.Findings.FirstOrDefault(f => f.Rule.Id == RuleIds.ServerUnreachable)?.Message ?? "the server couldn't be read");
        }

        LiveSummary = $"{Describe.Plural(snapshot.Streams.Count, "stream")} read from {result.Server} in {Describe.Plural(result.Requests, "read-only request")}";
        return (options.Format == OutputFormat.Json ? HealthReport.Json(snapshot) : HealthReport.Table(snapshot), null);
    }

    // The project's options: those of the .editorconfig that applies to the current folder.
    private HealthSettings Health(bool all)
    {
        var properties = PropertiesFor(Path.Combine(currentDirectory, "jetstream-lint"));
        return new HealthSettings { AllStreams = all, ProjectOptions = new RuleOptions(key => properties.TryGetValue(key, out var value) ? value : null) };
    }

    private RuleContext ContextFor(string path, ServerVersion? connected) =>
        FileRuleContext.For(PropertiesFor(path), options.ServerVersion?.ToString(), connected);

    private IReadOnlyDictionary<string, string> PropertiesFor(string path)
    {
        var properties = editorConfig.PropertiesFor(path);
        if (options.Severities.Count == 0)
        {
            return properties;
        }

        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in properties)
        {
            merged[pair.Key] = pair.Value;
        }

        foreach (var pair in options.Severities)
        {
            merged[pair.Key] = pair.Value;
        }

        return merged;
    }
}
