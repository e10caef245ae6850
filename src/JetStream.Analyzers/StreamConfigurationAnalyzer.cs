using System.Collections.Immutable;
using JetStream.Analyzers.Configuration;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
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
            if (call.Kind != ConfigKind.Consumer && BuildModel(call, types, context) is { } model)
            {
                reporter ??= new FindingReporter(context);
                reporter.Report(call.Invocation.Syntax.GetLocation(), RuleEngine.Evaluate(model, rules.For(context.SemanticModel.SyntaxTree)));
            }
        }
    }

    private static StreamModel? BuildModel(ConfigCall call, NatsTypes types, SemanticModelAnalysisContext context)
    {
        var location = call.Invocation.Syntax.GetLocation();
        ConfigObject? config = null;
        if (call.Config is not null)
        {
            config = new ConfigTracer(types, context.SemanticModel, context.CancellationToken).Trace(call.Config);
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
