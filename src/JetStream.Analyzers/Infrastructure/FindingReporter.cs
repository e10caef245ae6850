using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using JetStream.Analyzers.Rules.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>
/// Turns findings into diagnostics, for one syntax tree or (at compilation end) for all. A configuration built by a
/// shared helper or field is seen once per call that uses it; the reporter keeps one diagnostic per location and message.
/// </summary>
internal sealed class FindingReporter
{
    private readonly HashSet<(Location, string)> reported = new();
    private readonly Action<Diagnostic> report;
    private readonly SyntaxTree? tree;
    private readonly GeneratedCodeLocations generated;
    private readonly CancellationToken cancellationToken;

    public FindingReporter(SemanticModelAnalysisContext context)
        : this(context.ReportDiagnostic, context.SemanticModel.SyntaxTree, context.SemanticModel.Compilation, context.CancellationToken)
    {
    }

    /// <param name="tree">The only tree diagnostics may be reported in; null for any source location.</param>
    public FindingReporter(Action<Diagnostic> report, SyntaxTree? tree, Compilation compilation, CancellationToken cancellationToken)
    {
        this.report = report;
        this.tree = tree;
        generated = new GeneratedCodeLocations(compilation);
        this.cancellationToken = cancellationToken;
    }

    public void Report(Location fallback, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            var location = finding.Origin as Location ?? fallback;
            if (!location.IsInSource || tree is not null && location.SourceTree != tree
                || !reported.Add((location, finding.Rule.Id + finding.Message))
                || generated.Contain(location, cancellationToken))
            {
                continue;
            }

            report(Diagnostic.Create(
                Descriptors.For(finding.Rule),
                location,
                Descriptors.ToRoslyn(finding.Severity),
                additionalLocations: null,
                properties: ToImmutable(finding.Properties),
                messageArgs: finding.Arguments));
        }
    }

    private static ImmutableDictionary<string, string?> ToImmutable(IReadOnlyDictionary<string, string> properties)
    {
        if (properties.Count == 0)
        {
            return ImmutableDictionary<string, string?>.Empty;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var pair in properties)
        {
            builder[pair.Key] = pair.Value;
        }

        return builder.ToImmutable();
    }
}
