using System.Collections.Immutable;
using JetStream.Analyzers.Configuration;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers;

/// <summary>Unsafe or invalid consumer configuration (JS2xxx) in ConsumerConfig values passed to NATS.Net's create and update calls.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsumerConfigurationAnalyzer : JetStreamAnalyzer
{
    // JS2007 compares a consumer with its stream, which one call never has in C#: CrossDefinitionAnalyzer reports it.
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.For(
        RuleCatalog.NoBackoff,
        RuleCatalog.UnlimitedMaxDeliver,
        RuleCatalog.ExcessiveFilterSubjects,
        RuleCatalog.PushWithoutHeartbeat,
        RuleCatalog.PushWithoutFlowControl,
        RuleCatalog.ShortAckWait,
        RuleCatalog.UnlimitedAckPending,
        RuleCatalog.UnboundedPullRequests,
        RuleCatalog.DurableWithInactiveThreshold,
        RuleCatalog.ConsumerSettingWithoutEffect,
        RuleCatalog.LiteralPauseUntil,
        RuleCatalog.ConsumerRejectedByServer,
        RuleCatalog.ConsumerSettingIgnoredByServer);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules)
    {
        if (types.ConsumerConfig is null)
        {
            return;
        }

        // One semantic-model action per document, as in StreamConfigurationAnalyzer, so diagnostics stay local.
        context.RegisterSemanticModelAction(c => Analyze(c, types, rules));
    }

    private static void Analyze(SemanticModelAnalysisContext context, NatsTypes types, RuleContextProvider rules)
    {
        FindingReporter? reporter = null;
        foreach (var call in ConfigCall.FindAll(context.SemanticModel, types, context.CancellationToken))
        {
            if (ConfigModels.Consumer(call, types, context.SemanticModel, context.CancellationToken) is not { } model)
            {
                continue;
            }

            reporter ??= new FindingReporter(context);
            reporter.Report(model.Origin as Location ?? call.Invocation.Syntax.GetLocation(), RuleEngine.Evaluate(model, rules.For(context.SemanticModel)));
        }
    }
}
