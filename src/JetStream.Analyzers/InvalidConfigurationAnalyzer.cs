using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers;

/// <summary>
/// JS0001: a jetstream_* option, a JetStream severity or a target server version that the rules can't use. The value
/// lives in .editorconfig or the project, not in code, so each is reported once per compilation without a location,
/// naming a source file it applies to.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidConfigurationAnalyzer : JetStreamAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = Descriptors.For(RuleCatalog.InvalidConfiguration);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules)
    {
        var problems = new ConcurrentDictionary<(string Key, string Value), (ConfigurationProblem Problem, string File)>();
        context.RegisterSyntaxTreeAction(c =>
        {
            foreach (var problem in rules.ProblemsFor(c.Tree))
            {
                problems.TryAdd((problem.Key, problem.Value), (problem, c.Tree.FilePath));
            }
        });
        context.RegisterCompilationEndAction(end =>
        {
            foreach (var (problem, file) in problems.Values.OrderBy(p => p.Problem.Key, StringComparer.Ordinal).ThenBy(p => p.Problem.Value, StringComparer.Ordinal))
            {
                var where = $" (in the .editorconfig options of {Path.GetFileName(file)})";
                end.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, problem.ToFinding(null, where).Arguments));
            }
        });
    }
}
