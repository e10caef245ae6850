using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.ConfigFiles.Reporting;
using JetStream.Analyzers.LiveCheck;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.LiveCheck.Health;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace JetStream.Analyzers.Tasks;

/// <summary>
/// Lints the JetStreamConfig items with the same rules, IDs and .editorconfig settings as the C# analyzers and
/// reports canonical MSBuild diagnostics: file(line,col,endLine,endCol): error JSxxxx: message (help link).
/// </summary>
public sealed class LintJetStreamConfig : Task
{
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>@(EditorConfigFiles): the .editorconfig and global config files the compiler reads for the analyzers.</summary>
    public ITaskItem[] AnalyzerConfigFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>$(JetStreamAnalysisMode): its preset reaches the task as one of <see cref="AnalyzerConfigFiles"/>; checked here.</summary>
    public string? AnalysisMode { get; set; }

    /// <summary>$(JetStreamServerVersion); an .editorconfig jetstream_server_version for the file wins.</summary>
    public string? ServerVersion { get; set; }

    public string? ProjectDirectory { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public string? NoWarn { get; set; }

    /// <summary>Written after a run without errors: the .editorconfig files that were read, one per line.</summary>
    public string? StampFile { get; set; }

    /// <summary>Where findings without a file (JS5001, JS5008) are reported: $(MSBuildProjectFullPath).</summary>
    public string? ProjectFile { get; set; }

    /// <summary>$(JetStreamServer): one or more URLs; set, it turns the read-only live cross-check on.</summary>
    public string? Server { get; set; }

    public string? CredsFile { get; set; }

    public string? NKeyFile { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? Token { get; set; }

    public string? TlsCa { get; set; }

    public string? TlsCert { get; set; }

    public string? TlsKey { get; set; }

    public string? Domain { get; set; }

    public string? ApiPrefix { get; set; }

    public string? Context { get; set; }

    public string? Timeout { get; set; }

    /// <summary>$(JetStreamHealth): the health rules (JS6xxx) look at every stream of the account, not only the defined ones.</summary>
    public bool Health { get; set; }

    /// <summary>$(JetStreamReportFile): where the live check writes the consumer report (JSON for a .json file, else a table).</summary>
    public string? ReportFile { get; set; }

    /// <summary>$(JetStreamErrorLog): a SARIF 2.1.0 file of the findings as reported, the same as jetstream-lint --format sarif writes.</summary>
    public string? ErrorLog { get; set; }

    private readonly List<ReportedFinding> reported = new();

    public override bool Execute()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var editorConfig = new EditorConfigResolver(AnalyzerConfigFiles.Select(f => f.GetMetadata("FullPath")));
        var severities = new SeverityResolver(TreatWarningsAsErrors, NoWarn, WarningsAsErrors, WarningsNotAsErrors);
        RuleContext ContextFor(string path, Rules.Evaluation.ServerVersion? connected) => FileRuleContext.For(editorConfig.PropertiesFor(path), ServerVersion, connected);

        var paths = Files.Select(f => f.GetMetadata("FullPath")).Where(p => !string.IsNullOrEmpty(p)).ToList();
        LintResult Lint(Rules.Evaluation.ServerVersion? connected, ExistingStreams? onServer) => new ConfigFileLinter(path => ContextFor(path, connected), ProjectDirectory).LintAll(paths, onServer);
        List<Finding> findings;
        try
        {
            // With a live check the project's options apply to the account and the streams no file defines: check them too.
            var optionSources = LiveCheckRequested && !string.IsNullOrEmpty(ProjectFile) ? paths.Append(ProjectFile!) : paths;
            findings = ConfigurationFindings.For(editorConfig, optionSources, ServerVersion, origin: null, AnalysisMode);
            findings.AddRange(LiveCheckRequested ? LintAgainstServer(Lint, ProjectOptions(editorConfig)) : Lint(null, null).Findings);
        }
        catch (Exception e) when (!IsCritical(e))
        {
            // A defect in the linter must not look like a defect in the user's files, nor hide as a stack trace.
            Log.LogError($"JetStream config lint failed unexpectedly ({e.GetType().Name}: {e.Message}). Please report this with the files involved.");
            return false;
        }

        foreach (var finding in findings.OrderBy(f => (f.Origin as SourceSpan)?.Path, StringComparer.Ordinal).ThenBy(f => (f.Origin as SourceSpan)?.Line))
        {
            Report(finding, editorConfig, severities);
        }

        WriteErrorLog();
        int Count(RuleSeverity severity) => reported.Count(f => f.Severity == severity);
        Log.LogMessage(MessageImportance.Normal, $"JetStream lint: {Describe.Plural(paths.Count, "file")}, {Describe.Plural(Count(RuleSeverity.Error), "error")}, {Describe.Plural(Count(RuleSeverity.Warning), "warning")}, {Describe.Plural(Count(RuleSeverity.Info), "suggestion")} in {clock.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} s.");

        // With a live server the outcome depends on the server's state, so the next build must check again.
        if (!Log.HasLoggedErrors && !string.IsNullOrEmpty(StampFile) && !LiveCheckRequested)
        {
            WriteStamp(editorConfig.FilesRead);
        }

        return !Log.HasLoggedErrors;
    }

    private bool LiveCheckRequested => !string.IsNullOrWhiteSpace(Server) || !string.IsNullOrWhiteSpace(Context);

    private RuleOptions ProjectOptions(EditorConfigResolver editorConfig)
    {
        var properties = editorConfig.PropertiesFor(ProjectFile ?? Path.Combine(ProjectDirectory ?? Directory.GetCurrentDirectory(), "project.csproj"));
        return new RuleOptions(key => properties.TryGetValue(key, out var value) ? value : null);
    }

    private List<Finding> LintAgainstServer(Func<Rules.Evaluation.ServerVersion?, ExistingStreams?, LintResult> lint, RuleOptions projectOptions)
    {
        var result = LiveLint.Run(
            () => ConnectionSettings.Resolve(new LiveCheckProperties
            {
                Server = Server,
                CredsFile = CredsFile,
                NKeyFile = NKeyFile,
                User = User,
                Password = Password,
                Token = Token,
                TlsCaFile = TlsCa,
                TlsCertFile = TlsCert,
                TlsKeyFile = TlsKey,
                Domain = Domain,
                ApiPrefix = ApiPrefix,
                Context = Context,
                Timeout = Timeout,
            }),
            lint,
            new HealthSettings { AllStreams = Health, ProjectOptions = projectOptions });
        if (result.Server is { } server)
        {
            Log.LogMessage(MessageImportance.Normal, $"JetStream live check: {Describe.Plural(result.Lint.Streams.Count, "stream")} and {Describe.Plural(result.Lint.Consumers.Count, "consumer")} compared with {server} in {Describe.Plural(result.Requests, "read-only request")}.");
        }

        if (!string.IsNullOrWhiteSpace(ReportFile) && result.Health is { } health)
        {
            WriteReport(health);
        }

        return result.Findings;
    }

    private void Report(Finding finding, EditorConfigResolver editorConfig, SeverityResolver severities)
    {
        var span = finding.Origin as SourceSpan;
        var file = span?.Path ?? ProjectFile ?? string.Empty;
        var properties = editorConfig.PropertiesFor(span?.Path ?? ProjectFile ?? Path.Combine(ProjectDirectory ?? Directory.GetCurrentDirectory(), "project.csproj"));
        // A JS4011 summary counts another rule's findings, so it is shown as that rule is.
        var ruleId = finding.Properties.TryGetValue(ConfigFileLinter.SummarizedRule, out var summarized) ? summarized : finding.Rule.Id;
        var severity = span is null
            ? severities.ResolveWithSuggestions(ruleId, finding.Severity, properties)
            : severities.Resolve(ruleId, finding.Severity, properties);
        var message = $"{finding.Message} ({finding.Rule.HelpLink})";
        int line = span?.Line ?? 0, column = span?.Column ?? 0, endLine = span?.EndLine ?? 0, endColumn = span?.EndColumn ?? 0;
        if (severity is { } reportedSeverity)
        {
            reported.Add(new ReportedFinding(finding.Rule, reportedSeverity, finding.Message, span));
        }

        switch (severity)
        {
            case RuleSeverity.Error:
                Log.LogError(null, finding.Rule.Id, null, finding.Rule.HelpLink, file, line, column, endLine, endColumn, message);
                break;
            case RuleSeverity.Warning:
                Log.LogWarning(null, finding.Rule.Id, null, finding.Rule.HelpLink, file, line, column, endLine, endColumn, message);
                break;
            case RuleSeverity.Info:
                Log.LogMessage(null, finding.Rule.Id, null, file, line, column, endLine, endColumn, MessageImportance.High, message);
                break;
        }
    }

    private void WriteErrorLog()
    {
        if (string.IsNullOrWhiteSpace(ErrorLog))
        {
            return;
        }

        var path = Path.GetFullPath(Path.Combine(ProjectDirectory ?? Directory.GetCurrentDirectory(), ErrorLog));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, SarifLog.Write(reported, "JetStream.Analyzers", ToolVersion, ProjectDirectory ?? Directory.GetCurrentDirectory()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Log.LogError($"JetStreamErrorLog: can't write '{ErrorLog}': {e.Message}");
        }
    }

    private void WriteReport(Rules.Health.HealthSnapshot health)
    {
        var path = Path.GetFullPath(Path.Combine(ProjectDirectory ?? Directory.GetCurrentDirectory(), ReportFile!));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? HealthReport.Json(health) : HealthReport.Table(health));
            Log.LogMessage(MessageImportance.Normal, $"JetStream report: {Describe.Plural(health.Streams.Count, "stream")} written to {path}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Log.LogError($"JetStreamReportFile: can't write '{ReportFile}': {e.Message}");
        }
    }

    private static string ToolVersion =>
        typeof(LintJetStreamConfig).Assembly.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private void WriteStamp(IEnumerable<string> editorConfigs)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StampFile!))!);
            File.WriteAllLines(StampFile!, editorConfigs.OrderBy(p => p, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Low, $"Could not write {StampFile}: {e.Message}; the lint will run again next build.");
        }
    }

    private static bool IsCritical(Exception e) => e is OutOfMemoryException or StackOverflowException or AccessViolationException;
}
