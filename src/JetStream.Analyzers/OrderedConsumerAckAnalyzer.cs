using System.Collections.Immutable;
using System.Threading;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers;

/// <summary>
/// JS3008: AckAsync, NakAsync, AckProgressAsync or AckTerminateAsync on a message that comes from an ordered
/// consumer (through an <c>await foreach</c> over ConsumeAsync/FetchAsync, or a local set from NextAsync).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OrderedConsumerAckAnalyzer : JetStreamAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.For(RuleCatalog.OrderedConsumerAck));

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules) =>
        context.RegisterOperationAction(c => Analyze(c, types), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, NatsTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!NatsApi.AllAcks.Contains(method.Name) || !NatsApi.IsJetStream(method)
            || Configuration.Values.Unwrap(NatsApi.Receiver(invocation)) is not ILocalReferenceOperation { Local: var message } receiver
            || invocation.SemanticModel is not { } model
            || SourceOf(message, model, context.CancellationToken) is not { } source
            || !ConsumerOrigin.IsOrdered(NatsApi.Receiver(source), types, model, context.CancellationToken))
        {
            return;
        }

        var consumer = ConsumerOrigin.Trace(NatsApi.Receiver(source), types, model, context.CancellationToken);

        var effect = method.Name == "NakAsync" ? " and does not redeliver the message" : string.Empty;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.For(RuleCatalog.OrderedConsumerAck),
            invocation.Syntax.GetLocation(),
            $"{receiver.Syntax}.{method.Name}()",
            consumer.Describe(),
            effect));
    }

    /// <summary>The ConsumeAsync/FetchAsync/FetchNoWaitAsync/NextAsync call a message local comes from.</summary>
    private static IInvocationOperation? SourceOf(ILocalSymbol message, SemanticModel model, CancellationToken cancellationToken)
    {
        if (message.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        ExpressionSyntax? sourceSyntax;
        switch (message.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken))
        {
            case ForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } forEach:
                sourceSyntax = Loops.StripAdapters(forEach.Expression);
                break;
            case VariableDeclaratorSyntax { Initializer.Value: var value } when Loops.Parentheses(value) is AwaitExpressionSyntax await:
                sourceSyntax = Loops.StripAdapters(await.Expression);
                if (ConsumerOrigin.SingleAssignment(message, model, cancellationToken) is null)
                {
                    return null;
                }

                break;
            default:
                return null;
        }

        return sourceSyntax is InvocationExpressionSyntax call && NatsApi.CalledName(call) is { } name
            && (NatsApi.SequenceMethods.Contains(name) || name == NatsApi.NextMethod)
            && model.GetOperation(call, cancellationToken) is IInvocationOperation operation && NatsApi.IsJetStream(operation.TargetMethod)
            ? operation
            : null;
    }
}
