using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using JetStream.Analyzers.Rules.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>
/// Turns findings into diagnostics for one syntax tree. A configuration built by a shared helper or field is seen
/// once per call that uses it; the reporter keeps one diagnostic per location and message.
/// </summary>
internal sealed class FindingReporter
{
    private readonly HashSet<(Location, string)> reported = new();
    private readonly SemanticModelAnalysisContext context;

    public FindingReporter(SemanticModelAnalysisContext context)
    {
        this.context = context;
    }

    public void Report(Location fallback, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            var location = finding.Origin as Location ?? fallback;
            if (!location.IsInSource || location.SourceTree != context.SemanticModel.SyntaxTree
                || !reported.Add((location, finding.Rule.Id + finding.Message)))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
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
