using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
/// JS3004: a JetStream publish that is retried (a retry loop that leaves on success, a catch block that publishes
/// again, or a Polly retry policy) without a message ID, or with one generated anew for every attempt.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RetriedPublishWithoutMsgIdAnalyzer : JetStreamAnalyzer
{
    private const int MaxDepth = 4;

    /// <summary>Calls that produce a new value every time they run.</summary>
    private static readonly HashSet<string> Generators = new(StringComparer.Ordinal) { "NewGuid", "CreateVersion7", "NewNuid", "NewUlid", "NewId", "GetTimestamp" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.For(RuleCatalog.RetriedPublishWithoutMsgId));

    private enum MsgIdKind
    {
        Unknown,
        Missing,
        Generated,
        Stable,
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules) =>
        context.RegisterOperationAction(Analyze, OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!NatsApi.IsJetStreamPublish(invocation.TargetMethod)
            || invocation.Syntax is not InvocationExpressionSyntax syntax || invocation.SemanticModel is not { } model
            || Retrier(syntax, model, context.CancellationToken) is not { } retry)
        {
            return;
        }

        var (kind, generator) = MsgId(invocation, retry.Scope, model, context.CancellationToken);
        if (kind is not (MsgIdKind.Missing or MsgIdKind.Generated))
        {
            return;
        }

        var what = NatsApi.ConstantString(invocation, "subject") is { } subject ? $"{invocation.TargetMethod.Name} to '{subject}'" : invocation.TargetMethod.Name;
        var (how, advice) = kind == MsgIdKind.Missing
            ? ("without NatsJSPubOpts.MsgId", "Set NatsJSPubOpts.MsgId to an ID that stays the same across attempts, so the stream drops the duplicate within its duplicate window.")
            : ($"with a MsgId generated on every attempt ({generator})", "Create the MsgId once, before the first attempt, and pass the same value every time.");
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.For(RuleCatalog.RetriedPublishWithoutMsgId), syntax.GetLocation(), what, retry.Name, how, advice));
    }

    /// <summary>What repeats the publish, and the code that runs again on every attempt.</summary>
    private static (string Name, SyntaxNode Scope)? Retrier(InvocationExpressionSyntax publish, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode child = publish;
        for (var parent = publish.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case CatchClauseSyntax catchClause when child == catchClause.Block
                    && catchClause.Parent is TryStatementSyntax tryStatement && PublishesIn(tryStatement.Block, SubjectText(publish), model, cancellationToken):
                    return ("this catch block", catchClause);
                case TryStatementSyntax tryStatement when child == tryStatement.Block && tryStatement.Catches.Any(c => !Rethrows(c))
                    && Loops.Enclosing(tryStatement).FirstOrDefault() is { } loop and not CommonForEachStatementSyntax
                    && ExitsOnSuccess(tryStatement.Block, loop)
                    && Loops.AsMessageLoop(loop, model, cancellationToken) is null:
                    return ("the enclosing retry loop", loop);
                case AnonymousFunctionExpressionSyntax lambda:
                    return IsPollyRetry(lambda, model, cancellationToken) ? ("the Polly retry policy", lambda) : null;
                case LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>True when the block publishes to the same subject expression (a publish to another subject, such as a dead-letter one, is no retry).</summary>
    private static bool PublishesIn(BlockSyntax block, string? subject, SemanticModel model, CancellationToken cancellationToken) =>
        subject is not null
        && Loops.SameBody(block).OfType<InvocationExpressionSyntax>().Any(call =>
            NatsApi.CalledName(call) is { } name && NatsApi.Publishes.Contains(name) && SubjectText(call) == subject
            && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method && NatsApi.IsJetStreamPublish(method));

    /// <summary>The subject argument as written (first positional or named "subject").</summary>
    private static string? SubjectText(InvocationExpressionSyntax call)
    {
        var arguments = call.ArgumentList.Arguments;
        var subject = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "subject")
            ?? (arguments.Count > 0 && arguments[0].NameColon is null ? arguments[0] : null);
        return subject?.Expression.WithoutTrivia().ToString();
    }

    /// <summary>A catch whose block ends by rethrowing does not retry.</summary>
    private static bool Rethrows(CatchClauseSyntax catchClause) => catchClause.Block.Statements.LastOrDefault() is ThrowStatementSyntax;

    /// <summary>The try block leaves the loop when the attempt works: break, return, or setting a variable of the loop condition.</summary>
    private static bool ExitsOnSuccess(BlockSyntax tryBlock, StatementSyntax loop)
    {
        var condition = loop switch
        {
            WhileStatementSyntax loopWhile => loopWhile.Condition,
            DoStatementSyntax loopDo => loopDo.Condition,
            ForStatementSyntax loopFor => loopFor.Condition,
            _ => null,
        };
        var conditionNames = new HashSet<string>(
            condition?.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(id => id.Identifier.ValueText) ?? Enumerable.Empty<string>(),
            StringComparer.Ordinal);

        foreach (var node in Loops.SameBody(tryBlock))
        {
            switch (node)
            {
                case ReturnStatementSyntax:
                    return true;
                case BreakStatementSyntax when BreakTarget(node) == loop:
                    return true;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } when conditionNames.Contains(target.Identifier.ValueText):
                    return true;
            }
        }

        return false;
    }

    private static SyntaxNode? BreakTarget(SyntaxNode breakStatement) =>
        breakStatement.Ancestors().FirstOrDefault(n => Loops.IsLoop(n) || n is SwitchStatementSyntax);

    /// <summary>A lambda passed to Execute/ExecuteAsync of a Polly retry policy (a type in Polly whose name contains "Retry").</summary>
    private static bool IsPollyRetry(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
    {
        if (lambda.Parent is not ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call }
            || NatsApi.CalledName(call) is not { } name || !name.StartsWith("Execute", StringComparison.Ordinal)
            || model.GetOperation(call, cancellationToken) is not IInvocationOperation operation)
        {
            return false;
        }

        var type = operation.Instance?.Type ?? operation.TargetMethod.ContainingType;
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name.Contains("Retry") && t.ContainingNamespace?.ToDisplayString().StartsWith("Polly", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the publish sets a message ID, and whether that ID is made anew inside <paramref name="scope"/>.</summary>
    private static (MsgIdKind Kind, string? Generator) MsgId(IInvocationOperation publish, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        // A Nats-Msg-Id header may be set by hand.
        if (NatsApi.Argument(publish, "headers") is { } headers && !Values.IsNull(headers) && Values.Unwrap(headers) is not IDefaultValueOperation)
        {
            return (MsgIdKind.Unknown, null);
        }

        return Options(NatsApi.Argument(publish, "opts"), scope, model, cancellationToken, 0);
    }

    private static (MsgIdKind Kind, string? Generator) Options(IOperation? opts, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken, int depth)
    {
        var operation = Values.Unwrap(opts);
        if (depth > MaxDepth)
        {
            return (MsgIdKind.Unknown, null);
        }

        switch (operation)
        {
            case null:
            case IDefaultValueOperation:
            case { ConstantValue: { HasValue: true, Value: null } }:
            case IFieldReferenceOperation { Field.Name: "Default", Field.ContainingType.Name: "NatsJSPubOpts" }:
                return (MsgIdKind.Missing, null);
            case IObjectCreationOperation creation:
                return MsgIdWrite(creation.Initializer) is { } value ? Value(value, scope, model, cancellationToken) : (MsgIdKind.Missing, null);
            case IWithOperation with:
                return MsgIdWrite(with.Initializer) is { } copied
                    ? Value(copied, scope, model, cancellationToken)
                    : Options(with.Operand, scope, model, cancellationToken, depth + 1);
            case ILocalReferenceOperation local when ConsumerOrigin.SingleAssignment(local.Local, model, cancellationToken) is { } initializer:
                return Options(model.GetOperation(initializer, cancellationToken), scope, model, cancellationToken, depth + 1);
            default:
                return (MsgIdKind.Unknown, null);
        }
    }

    private static IOperation? MsgIdWrite(IObjectOrCollectionInitializerOperation? initializer)
    {
        foreach (var item in initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "MsgId" } } assignment)
            {
                return assignment.Value;
            }
        }

        return null;
    }

    /// <summary>Generated when the value is computed inside the retried code from a call that returns a new value each time.</summary>
    private static (MsgIdKind Kind, string? Generator) Value(IOperation value, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        var syntax = value.Syntax;
        if (Values.IsNull(value))
        {
            return (MsgIdKind.Missing, null);
        }

        if (Values.Unwrap(value) is ILocalReferenceOperation local)
        {
            if (local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer } declarator
                && scope.Span.Contains(declarator.Span)
                && Generator(initializer.Value) is { } inner)
            {
                return (MsgIdKind.Generated, inner);
            }

            return (MsgIdKind.Stable, null);
        }

        return Generator(syntax) is { } generator && scope.Span.Contains(syntax.Span) ? (MsgIdKind.Generated, generator) : (MsgIdKind.Stable, null);
    }

    /// <summary>"Guid.NewGuid()", "DateTime.UtcNow", … when the expression calls one; null otherwise.</summary>
    private static string? Generator(SyntaxNode expression)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case InvocationExpressionSyntax call when NatsApi.CalledName(call) is { } name && Generators.Contains(name):
                    return call.ToString();
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Now" or "UtcNow" } access
                    when access.Expression.ToString() is "DateTime" or "DateTimeOffset" or "System.DateTime" or "System.DateTimeOffset":
                    return access.ToString();
            }
        }

        return null;
    }
}
