using System;
using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.ConfigFiles.EditorConfig;

/// <summary>
/// The severity a finding is reported with: the rule's own, then .editorconfig (per rule, then the JetStream
/// category, then all analyzers), then the project's NoWarn / WarningsAsErrors / TreatWarningsAsErrors, as csc applies them.
/// </summary>
public sealed class SeverityResolver
{
    private readonly HashSet<string> noWarn;
    private readonly HashSet<string> warningsAsErrors;
    private readonly HashSet<string> warningsNotAsErrors;
    private readonly bool treatWarningsAsErrors;

    public SeverityResolver(bool treatWarningsAsErrors = false, string? noWarn = null, string? warningsAsErrors = null, string? warningsNotAsErrors = null)
    {
        this.treatWarningsAsErrors = treatWarningsAsErrors;
        this.noWarn = Codes(noWarn);
        this.warningsAsErrors = Codes(warningsAsErrors);
        this.warningsNotAsErrors = Codes(warningsNotAsErrors);
    }

    /// <summary>Null when the finding is suppressed (none/silent, or a suggestion, which builds don't print).</summary>
    public RuleSeverity? Resolve(string ruleId, RuleSeverity requested, IReadOnlyDictionary<string, string> editorConfig)
    {
        var severity = ResolveWithSuggestions(ruleId, requested, editorConfig);
        return severity == RuleSeverity.Info ? null : severity;
    }

    /// <summary>
    /// Like <see cref="Resolve"/>, but keeps suggestions (<see cref="RuleSeverity.Info"/>): a finding with no place in a
    /// file, such as a stream only the server has, has no editor to show it, so the build prints it as a message.
    /// </summary>
    public RuleSeverity? ResolveWithSuggestions(string ruleId, RuleSeverity requested, IReadOnlyDictionary<string, string> editorConfig)
    {
        var severity = requested;
        foreach (var key in new[] { $"dotnet_diagnostic.{ruleId}.severity", ConfigurationChecks.CategorySeverityKey, ConfigurationChecks.AllSeverityKey })
        {
            // As in csc, a value that is not a severity is skipped (JS0001 names it), so the next setting or the default applies.
            if (editorConfig.TryGetValue(key, out var configured) && ConfigurationChecks.IsValidSeverity(configured))
            {
                if (ConfigurationChecks.ParseSeverity(configured, out _) is { } parsed)
                {
                    if (parsed == RuleSeverity.Hidden)
                    {
                        return null;
                    }

                    severity = parsed;
                }

                break;
            }
        }

        // As in csc, NoWarn silences a rule whatever its severity.
        if (noWarn.Contains(ruleId))
        {
            return null;
        }

        if (severity == RuleSeverity.Warning && (warningsAsErrors.Contains(ruleId) || treatWarningsAsErrors && !warningsNotAsErrors.Contains(ruleId)))
        {
            severity = RuleSeverity.Error;
        }

        return severity is RuleSeverity.Warning or RuleSeverity.Error or RuleSeverity.Info ? severity : null;
    }

    private static HashSet<string> Codes(string? list)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in (list ?? string.Empty).Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            set.Add(code.Trim());
        }

        return set;
    }
}
