using System.Collections.Immutable;
using JetStream.Analyzers.Configuration;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers;

/// <summary>
/// Unsafe or invalid stream configuration (JS1xxx) in StreamConfig, NatsKVConfig and NatsObjConfig values passed
/// to NATS.Net's create and update calls.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StreamConfigurationAnalyzer : JetStreamAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.For(
        RuleCatalog.ReplicasBelowMinimum,
        RuleCatalog.EvenReplicaCount,
        RuleCatalog.NoMaxBytes,
        RuleCatalog.NoMaxAge,
        RuleCatalog.MemoryStorage,
        RuleCatalog.DeleteOrPurgeAllowed,
        RuleCatalog.DiscardNew,
        RuleCatalog.DuplicateWindowOffWithSources,
        RuleCatalog.StreamSettingRewritten,
        RuleCatalog.StreamRejectedByServer,
        RuleCatalog.StreamSettingIgnoredByServer);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules)
    {
        if (!types.HasStreamTypes)
        {
            return;
        }

        // A semantic-model action (one per document, filtered by the called name's text) keeps every diagnostic
        // local to the document it is in, even when the configuration is built in a helper or a field.
        context.RegisterSemanticModelAction(c => Analyze(c, types, rules));
    }

    private static void Analyze(SemanticModelAnalysisContext context, NatsTypes types, RuleContextProvider rules)
    {
        FindingReporter? reporter = null;
        foreach (var call in ConfigCall.FindAll(context.SemanticModel, types, context.CancellationToken))
        {
            if (ConfigModels.Stream(call, types, context.SemanticModel, context.CancellationToken) is { } model)
            {
                reporter ??= new FindingReporter(context);
                reporter.Report(call.Invocation.Syntax.GetLocation(), RuleEngine.Evaluate(model, rules.For(context.SemanticModel)));
            }
        }
    }
}
