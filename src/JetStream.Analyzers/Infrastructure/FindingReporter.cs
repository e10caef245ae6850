using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using JetStream.Analyzers.Rules.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>
/// Turns findings into diagnostics. A configuration built by a shared helper or field is seen once per call that
/// uses it; the reporter keeps one diagnostic per location and message for the compilation.
/// </summary>
internal sealed class FindingReporter
{
    private readonly ConcurrentDictionary<(Location, string), byte> reported = new();

    public void Report(OperationAnalysisContext context, Location fallback, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            var location = finding.Origin as Location ?? fallback;
            var message = finding.Message;
            if (!location.IsInSource || location.SourceTree != context.Operation.Syntax.SyntaxTree
                || !reported.TryAdd((location, finding.Rule.Id + message), 0))
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
