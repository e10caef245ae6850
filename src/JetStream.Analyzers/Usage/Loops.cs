using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using JetStream.Analyzers.Configuration;
using JetStream.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers.Usage;

/// <summary>
/// A loop that handles the messages of a consumer: <c>await foreach</c> over ConsumeAsync, FetchAsync or
/// FetchNoWaitAsync, or a while/do/for loop whose body calls NextAsync.
/// </summary>
internal sealed class MessageLoop
{
    public MessageLoop(StatementSyntax loop, IInvocationOperation source, ILocalSymbol? message, SyntaxNode? messageDeclaration)
    {
        Loop = loop;
        Source = source;
        Message = message;
        MessageDeclaration = messageDeclaration;
    }

    public StatementSyntax Loop { get; }

    /// <summary>The ConsumeAsync, FetchAsync, FetchNoWaitAsync or NextAsync call.</summary>
    public IInvocationOperation Source { get; }

    public string SourceName => Source.TargetMethod.Name;

    /// <summary>The loop variable, or the local NextAsync's result is stored in; null when the message is not kept in a local.</summary>
    public ILocalSymbol? Message { get; }

    /// <summary>The foreach statement or the variable declarator of the message local.</summary>
    public SyntaxNode? MessageDeclaration { get; }

    public IOperation? Consumer => NatsApi.Receiver(Source);
}

/// <summary>Which loops repeat a piece of code, within the method, lambda or local function it is written in.</summary>
internal static class Loops
{
    /// <summary>Code inside these runs at a time the analysis can't know, so loops outside them don't count.</summary>
    public static bool IsBoundary(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax or CompilationUnitSyntax;

    public static bool IsLoop(SyntaxNode node) =>
        node is CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax;

    /// <summary>Loops that run <paramref name="node"/> once per iteration, innermost first.</summary>
    public static IEnumerable<StatementSyntax> Enclosing(SyntaxNode node)
    {
        var child = node;
        for (var parent = node.Parent; parent is not null && !IsBoundary(parent); child = parent, parent = parent.Parent)
        {
            if (IsRepeatedPart(parent, child))
            {
                yield return (StatementSyntax)parent;
            }
        }
    }

    private static bool IsRepeatedPart(SyntaxNode loop, SyntaxNode child) => loop switch
    {
        CommonForEachStatementSyntax forEach => child == forEach.Statement,
        WhileStatementSyntax loopWhile => child == loopWhile.Statement || child == loopWhile.Condition,
        DoStatementSyntax loopDo => child == loopDo.Statement || child == loopDo.Condition,
        ForStatementSyntax loopFor => child == loopFor.Statement || child == loopFor.Condition || child is ExpressionSyntax e && loopFor.Incrementors.Contains(e),
        _ => false,
    };

    /// <summary>The loop body.</summary>
    public static StatementSyntax? Body(StatementSyntax loop) => loop switch
    {
        CommonForEachStatementSyntax forEach => forEach.Statement,
        WhileStatementSyntax loopWhile => loopWhile.Statement,
        DoStatementSyntax loopDo => loopDo.Statement,
        ForStatementSyntax loopFor => loopFor.Statement,
        _ => null,
    };

    /// <summary>Nodes of <paramref name="root"/> that run in the same method, without entering lambdas, local functions or (optionally) nested loops.</summary>
    public static IEnumerable<SyntaxNode> SameBody(SyntaxNode root, bool enterLoops = true) =>
        root.DescendantNodes(n => n == root || !IsBoundary(n) && (enterLoops || !IsLoop(n)));

    // JS3001, JS3002, JS3004, JS3006 and JS3007 ask about the loops around each call they look at.
    private static readonly ModelMemo<StatementSyntax, MessageLoop?> MessageLoops = new();

    public static MessageLoop? AsMessageLoop(StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken) =>
        MessageLoops.GetOrAdd(model, loop, (model, cancellationToken), static (l, s) => FindMessageLoop(l, s.model, s.cancellationToken));

    private static MessageLoop? FindMessageLoop(StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
    {
        if (loop is ForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } forEach)
        {
            if (StripAdapters(forEach.Expression) is InvocationExpressionSyntax call
                && NatsApi.CalledName(call) is { } name && NatsApi.SequenceMethods.Contains(name)
                && model.GetOperation(call, cancellationToken) is IInvocationOperation operation
                && NatsApi.IsJetStream(operation.TargetMethod))
            {
                return new MessageLoop(loop, operation, IterationVariable(forEach, model, cancellationToken), forEach);
            }

            return null;
        }

        if (loop is CommonForEachStatementSyntax || Body(loop) is not { } body)
        {
            return null;
        }

        foreach (var node in SameBody(body, enterLoops: false))
        {
            if (node is InvocationExpressionSyntax call && NatsApi.CalledName(call) == NatsApi.NextMethod
                && model.GetOperation(call, cancellationToken) is IInvocationOperation operation
                && NatsApi.IsJetStream(operation.TargetMethod))
            {
                var (local, declaration) = StoredIn(call, model, cancellationToken);
                return new MessageLoop(loop, operation, local, declaration);
            }
        }

        return null;
    }

    // From the loop's operation, which the compiler has already built for the method's other analyzers: asking the
    // semantic model for the declared symbol sets up a binder for the statement again (issue 10).
    private static ILocalSymbol? IterationVariable(ForEachStatementSyntax forEach, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetOperation(forEach, cancellationToken) is IForEachLoopOperation { Locals.Length: 1 } loop
            ? loop.Locals[0]
            : model.GetDeclaredSymbol(forEach, cancellationToken);

    /// <summary>The innermost message loop around <paramref name="node"/>, if any.</summary>
    public static MessageLoop? EnclosingMessageLoop(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var loop in Enclosing(node))
        {
            if (AsMessageLoop(loop, model, cancellationToken) is { } messageLoop)
            {
                return messageLoop;
            }
        }

        return null;
    }

    /// <summary><c>x.WithCancellation(ct)</c> and <c>x.ConfigureAwait(false)</c> around an async sequence.</summary>
    public static ExpressionSyntax StripAdapters(ExpressionSyntax expression)
    {
        while (true)
        {
            expression = Parentheses(expression);
            if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                && access.Name.Identifier.ValueText is "WithCancellation" or "ConfigureAwait" && call.ArgumentList.Arguments.Count == 1)
            {
                expression = access.Expression;
                continue;
            }

            return expression;
        }
    }

    public static ExpressionSyntax Parentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary>The await around a call, with <c>.ConfigureAwait(…)</c> and parentheses: <c>await x.FooAsync().ConfigureAwait(false)</c>.</summary>
    public static AwaitExpressionSyntax? AwaitOf(InvocationExpressionSyntax call)
    {
        SyntaxNode node = call;
        while (true)
        {
            var parent = node.Parent;
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                    node = parent;
                    continue;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access when access.Expression == node
                    && access.Parent is InvocationExpressionSyntax configureAwait:
                    node = configureAwait;
                    continue;
                case AwaitExpressionSyntax await:
                    return await;
                default:
                    return null;
            }
        }
    }

    /// <summary>The local an awaited call's result is declared in or assigned to (<c>var m = await c.NextAsync…</c>).</summary>
    public static (ILocalSymbol? Local, SyntaxNode? Declaration) StoredIn(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (AwaitOf(call) is not { } await)
        {
            return (null, null);
        }

        SyntaxNode node = await;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return (model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol, declarator);
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.Right == node:
                return (model.GetSymbolInfo(target, cancellationToken).Symbol as ILocalSymbol, assignment);
            default:
                return (null, null);
        }
    }

    /// <summary>
    /// True when <paramref name="loop"/> walks a collection and <paramref name="node"/> works on the current element
    /// (uses the iteration variable, directly or through a local computed from it): one call per element, not a
    /// repeated call.
    /// </summary>
    public static bool WorksOnEachElement(StatementSyntax loop, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var variables = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        switch (loop)
        {
            case ForEachStatementSyntax forEach when model.GetDeclaredSymbol(forEach, cancellationToken) is { } variable:
                variables.Add(variable);
                break;
            case ForEachVariableStatementSyntax forEachVariable:
                foreach (var designation in forEachVariable.Variable.DescendantNodes().OfType<SingleVariableDesignationSyntax>())
                {
                    if (model.GetDeclaredSymbol(designation, cancellationToken) is { } element)
                    {
                        variables.Add(element);
                    }
                }

                break;
            case ForStatementSyntax { Declaration: { } declaration }:
                foreach (var declarator in declaration.Variables)
                {
                    if (model.GetDeclaredSymbol(declarator, cancellationToken) is { } index)
                    {
                        variables.Add(index);
                    }
                }

                break;
        }

        if (variables.Count == 0 || Body(loop) is not { } body)
        {
            return false;
        }

        // Locals of the body computed from the element: var name = spec.Name;
        foreach (var declarator in SameBody(body).OfType<VariableDeclaratorSyntax>())
        {
            if (declarator.SpanStart < node.SpanStart && declarator.Initializer is { } initializer && Mentions(initializer, variables, model, cancellationToken)
                && model.GetDeclaredSymbol(declarator, cancellationToken) is { } derived)
            {
                variables.Add(derived);
            }
        }

        return Mentions(node, variables, model, cancellationToken);
    }

    private static bool Mentions(SyntaxNode node, HashSet<ISymbol> symbols, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var id in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var text = id.Identifier.ValueText;
            if (symbols.Any(s => s.Name == text) && model.GetSymbolInfo(id, cancellationToken).Symbol is { } symbol && symbols.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the loop waits between iterations (Task.Delay, Thread.Sleep, PeriodicTimer) for a second or more,
    /// or for a time computed at run time: a polling loop, not a hot path.
    /// </summary>
    public static bool IsPaced(StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
    {
        // The condition counts too: while (await timer.WaitForNextTickAsync()).
        foreach (var node in SameBody(loop))
        {
            if (node is not InvocationExpressionSyntax call || NatsApi.CalledName(call) is not ("Delay" or "Sleep" or "WaitForNextTickAsync" or "WaitAsync")
                || model.GetOperation(call, cancellationToken) is not IInvocationOperation operation
                || operation.TargetMethod.ContainingType?.Name is not ("Task" or "Thread" or "PeriodicTimer" or "SemaphoreSlim"))
            {
                continue;
            }

            if (operation.TargetMethod.Name is "WaitForNextTickAsync" or "WaitAsync")
            {
                return true;
            }

            var wait = operation.Arguments.Length > 0 ? operation.Arguments[0].Value : null;
            if (Values.TryDuration(wait, out var nanos))
            {
                if (nanos >= Rules.Text.Durations.Second)
                {
                    return true;
                }
            }
            else if (Values.Unwrap(wait)?.ConstantValue is { HasValue: true, Value: int millis })
            {
                if (millis >= 1000 || millis < 0)
                {
                    return true;
                }
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
