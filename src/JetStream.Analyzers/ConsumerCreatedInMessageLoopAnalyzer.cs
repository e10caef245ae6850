using System;
using System.Collections.Immutable;
using JetStream.Analyzers.Configuration;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers;

/// <summary>JS3002: a consumer created or updated for every message of a consumer loop.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsumerCreatedInMessageLoopAnalyzer : JetStreamAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.For(RuleCatalog.ConsumerCreatedInMessageLoop));

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules) =>
        context.RegisterOperationAction(c => Analyze(c, types), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, NatsTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!NatsApi.ConsumerCreations.Contains(method.Name) || !NatsApi.IsJetStream(method)
            || invocation.Syntax is not InvocationExpressionSyntax syntax || invocation.SemanticModel is not { } model
            || Loops.EnclosingMessageLoop(syntax, model, context.CancellationToken) is not { } loop)
        {
            return;
        }

        var updateOnly = method.Name.StartsWith("Update", StringComparison.Ordinal);
        var verb = updateOnly ? "updates" : method.Name.StartsWith("CreateOrUpdate", StringComparison.Ordinal) ? "creates or updates" : "creates";
        var consequence = updateOnly ? string.Empty : ", and consumers created this way pile up on the server until they expire";
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.For(RuleCatalog.ConsumerCreatedInMessageLoop),
            syntax.GetLocation(),
            method.Name,
            verb,
            Describe(invocation, types, model, context.CancellationToken),
            loop.SourceName,
            consequence));
    }

    private static string Describe(IInvocationOperation invocation, NatsTypes types, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var stream = NatsApi.ConstantString(invocation, "stream");
        var onStream = stream is null ? string.Empty : $" on stream '{stream}'";
        if (NatsApi.OrderedCreations.Contains(invocation.TargetMethod.Name))
        {
            return "an ordered consumer" + onStream;
        }

        string? name = null;
        if (NatsApi.Argument(invocation, "config") is { } argument && new ConfigTracer(types, model, cancellationToken).Trace(argument) is { } config)
        {
            name = Constant(config, "Name") ?? Constant(config, "DurableName")
                ?? (config.ConstructorArguments.TryGetValue("name", out var ctorName) ? Values.String(ctorName, null).Value : null);
        }
        else if (WriteReader.ForInitializer(NatsApi.Argument(invocation, "opts")) is { } opts)
        {
            name = opts.String("Name").Value ?? opts.String("DurableName").Value;
        }

        return name is null ? "a consumer" + onStream : $"consumer '{name}'" + onStream;
    }

    private static string? Constant(ConfigObject config, string property) =>
        config.Writes.TryGetValue(property, out var write) && !write.Uncertain ? Values.String(write.Value, null).Value : null;
}
