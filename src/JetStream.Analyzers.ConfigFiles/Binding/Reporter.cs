using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>Collects findings of the file front end; every origin is a <see cref="SourceSpan"/>.</summary>
public sealed class Reporter
{
    public List<Finding> Findings { get; } = new();

    public void Add(RuleInfo rule, SourceSpan span, params object?[] arguments) => Findings.Add(new Finding(rule, span, arguments));

    public void Add(RuleInfo rule, SourceSpan span, RuleSeverity severity, params object?[] arguments) =>
        Findings.Add(new Finding(rule, span, arguments, severity));
}
