using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using Microsoft.CodeAnalysis;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>Roslyn descriptors for the rule catalog; the only place descriptors are built.</summary>
internal static class Descriptors
{
    /// <summary>Rules reported at compilation end: JS0001 and the checks across definitions.</summary>
    private static readonly HashSet<string> CompilationEnd = new(
        RuleEngine.DefinitionSetRules.Select(r => r.Rule.Id).Append(RuleIds.InvalidConfiguration), StringComparer.Ordinal);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = RuleCatalog.All.ToDictionary(r => r.Id, Create);

    public static DiagnosticDescriptor For(RuleInfo rule) => ById[rule.Id];

    public static ImmutableArray<DiagnosticDescriptor> For(params RuleInfo[] rules) => rules.Select(For).ToImmutableArray();

    public static DiagnosticSeverity ToRoslyn(RuleSeverity severity) => (DiagnosticSeverity)(int)severity;

    private static DiagnosticDescriptor Create(RuleInfo rule) => new(
        rule.Id,
        rule.Title,
        rule.MessageFormat,
        rule.Category,
        ToRoslyn(rule.DefaultSeverity),
        isEnabledByDefault: true,
        description: rule.Description,
        helpLinkUri: rule.HelpLink,
        customTags: CompilationEnd.Contains(rule.Id) ? new[] { WellKnownDiagnosticTags.CompilationEnd } : new string[0]);
}
