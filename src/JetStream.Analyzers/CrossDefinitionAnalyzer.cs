using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using JetStream.Analyzers.Configuration;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers;

/// <summary>
/// The checks across definitions (RuleEngine.DefinitionSetRules: JS1008, JS1009, JS1011, JS1012, JS2007 and JS4004–JS4008) over
/// every stream and consumer that the compilation creates or updates. The models come from the per-document pass the
/// configuration analyzers already make (one trace and one model per call); the rules run once, at compilation end.
/// </summary>
/// <remarks>
/// A compilation is seldom every stream there is: other services create streams this one sources or consumes. So a
/// missing origin or consumer's stream is reported only when its name is a near miss of a stream defined here (JS1009,
/// JS4005), and the rules about streams nobody reads (JS1011, JS1012) run only when the compilation defines consumers;
/// ordered consumers, push consumers made from options and consumers looked up by name read a stream too.
/// Code often creates a stream where it uses it, in several places: definitions of one name are reported only when a
/// known setting differs (JS4004), and identical ones are one stream to its consumers (JS2007, JS4007, JS4008). Calls are
/// collected, not run: a stream created and deleted again in the same method still counts.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CrossDefinitionAnalyzer : JetStreamAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.For(RuleEngine.DefinitionSetRules.Select(r => r.Rule).ToArray());

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules)
    {
        // Every rule here is about streams; without NATS.Net's stream types there are none to collect.
        if (!types.HasStreamTypes)
        {
            return;
        }

        var streams = new ConcurrentQueue<(StreamModel Model, RuleContext Context)>();
        var consumers = new ConcurrentQueue<(ConsumerModel Model, RuleContext Context)>();
        var readers = new ConcurrentQueue<ConfigValue<string>>();
        context.RegisterSemanticModelAction(c =>
        {
            foreach (var call in ConfigCall.FindAll(c.SemanticModel, types, c.CancellationToken))
            {
                if (ConfigModels.Stream(call, types, c.SemanticModel, c.CancellationToken) is { } stream)
                {
                    streams.Enqueue((stream, rules.For(c.SemanticModel)));
                }
                else if (ConfigModels.Consumer(call, types, c.SemanticModel, c.CancellationToken) is { } consumer)
                {
                    consumers.Enqueue((consumer, rules.For(c.SemanticModel)));
                }
            }

            foreach (var stream in StreamReaders.In(c.SemanticModel, c.CancellationToken))
            {
                readers.Enqueue(stream);
            }
        });
        context.RegisterCompilationEndAction(end =>
        {
            if (streams.IsEmpty && consumers.IsEmpty)
            {
                return;
            }

            // Documents are analyzed in any order; sorted, the same code gives the same diagnostics.
            var set = new DefinitionSet(
                streams.OrderBy(s => s.Model.Origin, SourceOrder.Instance).ToList(),
                consumers.OrderBy(c => c.Model.Origin, SourceOrder.Instance).ToList(),
                streamsComplete: false,
                consumersComplete: !consumers.IsEmpty,
                frontEnd: CompilationFrontEnd.Instance,
                otherReaders: readers);
            new FindingReporter(end.ReportDiagnostic, tree: null, end.Compilation, end.CancellationToken).Report(Location.None, RuleEngine.Evaluate(set));
        });
    }

    /// <summary>Messages place another definition at "File.cs(12,9)"; "every definition" is the compilation's.</summary>
    private sealed class CompilationFrontEnd : DefinitionSetFrontEnd
    {
        public static readonly CompilationFrontEnd Instance = new();

        public override string NoDefinition => "no definition in this compilation";

        // Reported only for a near miss of a stream created here (MissingStreamHint): most likely a typo.
        public override string StreamNotDefined(bool anyStreamDefined, string? alsoConsulted) => "is not created or updated in this compilation; check the name";

        // Code often creates a stream where it uses it, in several places; only copies that disagree are a problem.
        public override bool DuplicatesOnlyWhenSettingsDiffer => true;

        public override string Display(object? origin)
        {
            if (origin is not Location { IsInSource: true } location)
            {
                return base.Display(origin);
            }

            var start = location.GetLineSpan().StartLinePosition;
            return $"{Path.GetFileName(location.SourceTree!.FilePath)}({start.Line + 1},{start.Character + 1})";
        }
    }

    private sealed class SourceOrder : IComparer<object?>
    {
        public static readonly SourceOrder Instance = new();

        public int Compare(object? x, object? y)
        {
            var a = x as Location;
            var b = y as Location;
            var byPath = string.CompareOrdinal(a?.SourceTree?.FilePath, b?.SourceTree?.FilePath);
            return byPath != 0 ? byPath : (a?.SourceSpan.Start ?? -1).CompareTo(b?.SourceSpan.Start ?? -1);
        }
    }
}
