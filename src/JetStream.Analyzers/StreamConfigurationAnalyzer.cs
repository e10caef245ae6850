using System.Collections.Immutable;
using JetStream.Analyzers.Configuration;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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
        RuleCatalog.StreamRejectedByServer,
        RuleCatalog.StreamSettingIgnoredByServer);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules)
    {
        if (!types.HasStreamTypes)
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
            || ConfigCall.Match(invocation, types) is not { Kind: not ConfigKind.Consumer } call
            || BuildModel(call, types, context) is not { } model)
        {
            return;
        }

        var findings = RuleEngine.Evaluate(model, rules.For(invocation.Syntax.SyntaxTree));
        reporter.Report(context, invocation.Syntax.GetLocation(), findings);
    }

    private static StreamModel? BuildModel(ConfigCall call, NatsTypes types, OperationAnalysisContext context)
    {
        var location = call.Invocation.Syntax.GetLocation();
        ConfigObject? config = null;
        if (call.Config is not null)
        {
            config = new ConfigTracer(types, call.Invocation.SemanticModel!, context.CancellationToken).Trace(call.Config);
            if (config is null)
            {
                return null;
            }

            location = config.Creation.GetLocation();
        }

        return call.Kind switch
        {
            ConfigKind.Stream => StreamModelBuilder.FromStreamConfig(config!, call.Operation),
            ConfigKind.KeyValue => StreamModelBuilder.FromKVConfig(config, call.BucketName, location, call.Operation),
            _ => StreamModelBuilder.FromObjConfig(config, call.BucketName, location, call.Operation),
        };
    }
}
