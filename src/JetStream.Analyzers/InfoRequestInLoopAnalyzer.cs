using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using JetStream.Analyzers.Configuration;
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
/// JS3001: stream, consumer, store or account info requests made for every message of a consumer loop, or on every
/// iteration of another loop.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InfoRequestInLoopAnalyzer : JetStreamAnalyzer
{
    private const int SmallLoopBound = 10;

    private static readonly Dictionary<string, string> Requests = new(StringComparer.Ordinal)
    {
        ["GetStreamAsync"] = "$JS.API.STREAM.INFO",
        ["GetConsumerAsync"] = "$JS.API.CONSUMER.INFO",
        ["GetPushConsumerAsync"] = "$JS.API.CONSUMER.INFO",
        ["RefreshAsync"] = "$JS.API.CONSUMER.INFO",
        ["GetStoreAsync"] = "$JS.API.STREAM.INFO",
        ["GetObjectStoreAsync"] = "$JS.API.STREAM.INFO",
        ["GetAccountInfoAsync"] = "$JS.API.INFO",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.For(RuleCatalog.InfoRequestInLoop));

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules) =>
        context.RegisterOperationAction(c => Analyze(c, types), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, NatsTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!Requests.TryGetValue(method.Name, out var request) || !NatsApi.IsNats(method)
            || invocation.Syntax is not InvocationExpressionSyntax syntax || invocation.SemanticModel is not { } model)
        {
            return;
        }

        var isStreamRefresh = method.Name == "RefreshAsync" && method.ContainingType.Name.Contains("Stream");
        if (isStreamRefresh)
        {
            request = "$JS.API.STREAM.INFO";
        }

        var cancellationToken = context.CancellationToken;
        string? where = null;
        MessageLoop? messageLoop = null;
        foreach (var loop in Loops.Enclosing(syntax))
        {
            if (Loops.AsMessageLoop(loop, model, cancellationToken) is { } found)
            {
                messageLoop = found;
                where = "for every message of the loop over " + found.SourceName;
                break;
            }

            if (where is null && !Loops.WorksOnEachElement(loop, syntax, model, cancellationToken) && !Loops.IsPaced(loop, model, cancellationToken)
                && !IsSmallForLoop(loop))
            {
                where = "on every iteration of the loop";
            }
        }

        if (where is null)
        {
            return;
        }

        var target = Target(invocation, isStreamRefresh, types, model, cancellationToken);
        var advice = Advice(method.Name, messageLoop);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.For(RuleCatalog.InfoRequestInLoop),
            syntax.GetLocation(),
            method.Name,
            request,
            target,
            where,
            advice));
    }

    private static string Target(IInvocationOperation invocation, bool isStreamRefresh, NatsTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        var stream = NatsApi.ConstantString(invocation, "stream");
        switch (invocation.TargetMethod.Name)
        {
            case "GetStreamAsync":
                return stream is null ? string.Empty : $" for stream '{stream}'";
            case "GetConsumerAsync" or "GetPushConsumerAsync":
                var consumer = NatsApi.ConstantString(invocation, "consumer");
                return consumer is null ? string.Empty : $" for consumer '{consumer}'" + (stream is null ? string.Empty : $" on stream '{stream}'");
            case "GetStoreAsync":
                return NatsApi.ConstantString(invocation, "bucket") is { } bucket ? $" for key-value bucket '{bucket}'" : string.Empty;
            case "GetObjectStoreAsync":
                return NatsApi.ConstantString(invocation, "bucket") is { } store ? $" for object store '{store}'" : string.Empty;
            case "RefreshAsync" when !isStreamRefresh:
                return ConsumerOrigin.Trace(invocation.Instance, types, model, cancellationToken).Describe() is { } described ? " for " + described : string.Empty;
            default:
                return string.Empty;
        }
    }

    private static string Advice(string method, MessageLoop? messageLoop)
    {
        switch (method)
        {
            case "GetStoreAsync" or "GetObjectStoreAsync":
                return "Get the store once, before the loop, and reuse it.";
            case "GetAccountInfoAsync":
                return messageLoop is null
                    ? "Get it once, before the loop, or wait at least a second between iterations when polling."
                    : "Get it once, before the loop.";
            default:
                if (messageLoop is null)
                {
                    return "Get it once, before the loop, and reuse it, or wait at least a second between iterations when polling.";
                }

                var message = messageLoop.Message?.Name ?? "msg";
                return $"Read {message}.Metadata (NumPending, NumDelivered, Sequence, Timestamp) instead, or get the info once, before the loop.";
        }
    }

    /// <summary><c>for (var i = 0; i &lt; 3; i++)</c>: a few bounded attempts, not a hot path.</summary>
    private static bool IsSmallForLoop(StatementSyntax loop) =>
        loop is ForStatementSyntax { Condition: BinaryExpressionSyntax condition }
        && (condition.IsKind(SyntaxKind.LessThanExpression) || condition.IsKind(SyntaxKind.LessThanOrEqualExpression))
        && condition.Right is LiteralExpressionSyntax { Token.Value: int bound } && bound <= SmallLoopBound;
}
