using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Catalog;

namespace JetStream.Analyzers.ConfigFiles.Reporting;

/// <summary>A finding as it is reported: its severity after .editorconfig and the command line, its text and its place.</summary>
public sealed class ReportedFinding
{
    public ReportedFinding(RuleInfo rule, RuleSeverity severity, string message, SourceSpan? span)
    {
        Rule = rule;
        Severity = severity;
        Message = message;
        Span = span;
    }

    public RuleInfo Rule { get; }

    /// <summary><see cref="RuleSeverity.Error"/>, <see cref="RuleSeverity.Warning"/> or <see cref="RuleSeverity.Info"/>.</summary>
    public RuleSeverity Severity { get; }

    public string Message { get; }

    /// <summary>Null for a finding about no file (JS5001, JS5008).</summary>
    public SourceSpan? Span { get; }
}
