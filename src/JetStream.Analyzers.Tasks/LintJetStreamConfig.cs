using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.ConfigFiles.Linting;
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

    /// <summary>$(JetStreamServerVersion); an .editorconfig jetstream_server_version for the file wins.</summary>
    public string? ServerVersion { get; set; }

    public string? ProjectDirectory { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public string? NoWarn { get; set; }

    /// <summary>Written after a run without errors: the .editorconfig files that were read, one per line.</summary>
    public string? StampFile { get; set; }

    public override bool Execute()
    {
        var editorConfig = new EditorConfigResolver();
        var severities = new SeverityResolver(TreatWarningsAsErrors, NoWarn, WarningsAsErrors, WarningsNotAsErrors);
        var defaultVersion = Rules.Evaluation.ServerVersion.TryParse(ServerVersion, out var parsed) ? parsed : Rules.Evaluation.ServerVersion.Newest;
        if (!string.IsNullOrWhiteSpace(ServerVersion) && !Rules.Evaluation.ServerVersion.TryParse(ServerVersion, out _))
        {
            Log.LogWarning($"JetStreamServerVersion '{ServerVersion}' is not a nats-server version such as 2.10.14; the JetStream lint uses {defaultVersion}.");
        }

        RuleContext ContextFor(string path)
        {
            var properties = editorConfig.PropertiesFor(path);
            string? Lookup(string key) => properties.TryGetValue(key, out var value) ? value : null;
            var version = Rules.Evaluation.ServerVersion.TryParse(Lookup(OptionKeys.ServerVersion), out var v) ? v : defaultVersion;
            return new RuleContext(new RuleOptions(Lookup), version);
        }

        var paths = Files.Select(f => f.GetMetadata("FullPath")).Where(p => !string.IsNullOrEmpty(p)).ToList();
        List<Finding> findings;
        try
        {
            findings = new ConfigFileLinter(ContextFor, ProjectDirectory).Lint(paths);
        }
        catch (Exception e) when (!IsCritical(e))
        {
            // A defect in the linter must not look like a defect in the user's files, nor hide as a stack trace.
            Log.LogError($"JetStream config lint failed unexpectedly ({e.GetType().Name}: {e.Message}). Please report this with the files involved.");
            return false;
        }

        foreach (var finding in findings.OrderBy(f => (f.Origin as SourceSpan)?.Path, StringComparer.Ordinal).ThenBy(f => (f.Origin as SourceSpan)?.Line))
        {
            if (finding.Origin is not SourceSpan span)
            {
                continue;
            }

            var severity = severities.Resolve(finding.Rule.Id, finding.Severity, editorConfig.PropertiesFor(span.Path));
            var message = $"{finding.Message} ({finding.Rule.HelpLink})";
            if (severity == RuleSeverity.Error)
            {
                Log.LogError(null, finding.Rule.Id, null, finding.Rule.HelpLink, span.Path, span.Line, span.Column, span.EndLine, span.EndColumn, message);
            }
            else if (severity == RuleSeverity.Warning)
            {
                Log.LogWarning(null, finding.Rule.Id, null, finding.Rule.HelpLink, span.Path, span.Line, span.Column, span.EndLine, span.EndColumn, message);
            }
        }

        if (!Log.HasLoggedErrors && !string.IsNullOrEmpty(StampFile))
        {
            WriteStamp(editorConfig.FilesRead);
        }

        return !Log.HasLoggedErrors;
    }

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
