using System.Collections.Immutable;
using JetStream.Analyzers.Configuration;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers;

/// <summary>Unsafe or invalid consumer configuration (JS2xxx) in ConsumerConfig values passed to NATS.Net's create and update calls.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsumerConfigurationAnalyzer : JetStreamAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.For(
        RuleCatalog.NoBackoff,
        RuleCatalog.UnlimitedMaxDeliver,
        RuleCatalog.ExcessiveFilterSubjects,
        RuleCatalog.PushWithoutHeartbeat,
        RuleCatalog.PushWithoutFlowControl,
        RuleCatalog.ShortAckWait,
        RuleCatalog.ConsumerRejectedByServer,
        RuleCatalog.ConsumerSettingIgnoredByServer);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules)
    {
        if (types.ConsumerConfig is null)
        {
            return;
        }

        var reporter = new FindingReporter();
        context.RegisterOperationAction(c => Analyze(c, types, rules, reporter), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, NatsTypes types, RuleContextProvider rules, FindingReporter reporter)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!ConfigCall.MightBeConfigMethod(invocation.TargetMethod.Name)
            || ConfigCall.Match(invocation, types) is not { Kind: ConfigKind.Consumer, Config: { } argument } call
            || new ConfigTracer(types, invocation.SemanticModel!, context.CancellationToken).Trace(argument) is not { } config)
        {
            return;
        }

        var model = ConsumerModelBuilder.FromConsumerConfig(config, call.Operation, call.StreamName);
        reporter.Report(context, config.Creation.GetLocation(), RuleEngine.Evaluate(model, rules.For(invocation.Syntax.SyntaxTree)));
    }
}
