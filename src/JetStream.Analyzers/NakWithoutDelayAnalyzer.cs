using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
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

/// <summary>JS3005: <c>NakAsync()</c> without a delay in a catch block or on the failure branch of a processing result.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NakWithoutDelayAnalyzer : JetStreamAnalyzer
{
    /// <summary>Diagnostic property: the delay the code fix passes, in nanoseconds (from jetstream_default_nak_delay).</summary>
    public const string DelayProperty = "delay";

    private static readonly HashSet<string> SuccessNames = new(StringComparer.Ordinal)
    {
        "IsSuccess", "Success", "Succeeded", "IsSucceeded", "IsSuccessful", "Ok", "IsOk", "Handled", "IsHandled", "Processed", "IsProcessed",
    };

    private static readonly HashSet<string> FailureNames = new(StringComparer.Ordinal)
    {
        "IsFailure", "IsFailed", "Failed", "HasFailed", "HasError", "HasErrors", "IsError", "IsFaulted",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.For(RuleCatalog.NakWithoutDelay));

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules) =>
        context.RegisterOperationAction(c => Analyze(c, rules), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, RuleContextProvider rules)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "NakAsync" || !NatsApi.IsJetStream(method) || method.IsExtensionMethod
            || invocation.Syntax is not InvocationExpressionSyntax syntax || invocation.SemanticModel is not { } model
            || !LacksDelay(NatsApi.Argument(invocation, "opts"))
            || FailurePath(syntax, model, context.CancellationToken) is not { } where)
        {
            return;
        }

        var receiver = invocation.Instance?.Syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax }
            ? invocation.Instance.Syntax.ToString() + "."
            : string.Empty;
        var delay = rules.For(model).Options.DefaultNakDelay;
        var properties = ImmutableDictionary<string, string?>.Empty.Add(DelayProperty, delay.ToString(CultureInfo.InvariantCulture));
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.For(RuleCatalog.NakWithoutDelay), syntax.GetLocation(), properties, receiver + "NakAsync()", where));
    }

    /// <summary>No AckOpts, null, default, or an AckOpts built without NakDelay. Options from elsewhere are unknown.</summary>
    private static bool LacksDelay(IOperation? opts)
    {
        var value = Values.Unwrap(opts);
        return value switch
        {
            null => true,
            IDefaultValueOperation => true,
            { ConstantValue: { HasValue: true, Value: null } } => true,
            IObjectCreationOperation creation => creation.Initializer is null || !HasNakDelay(creation.Initializer),
            _ => false,
        };
    }

    private static bool HasNakDelay(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var item in initializer.Initializers)
        {
            if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "NakDelay" } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"in a catch block" or "on a failure path" when the nak runs after something failed; null otherwise.</summary>
    private static string? FailurePath(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var child = node;
        for (var parent = node.Parent; parent is not null && !Loops.IsBoundary(parent); child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case CatchClauseSyntax catchClause when child == catchClause.Block:
                    return IsCancellation(catchClause, model, cancellationToken) ? null : "in a catch block";
                case IfStatementSyntax ifStatement when child == ifStatement.Statement || child == ifStatement.Else:
                    var testsSuccess = SuccessTest(ifStatement.Condition, model, cancellationToken);
                    if (testsSuccess == (child == ifStatement.Else))
                    {
                        return "on a failure path";
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>A catch for cancellation: a nak there hands the message to another instance on shutdown, on purpose.</summary>
    private static bool IsCancellation(CatchClauseSyntax catchClause, SemanticModel model, CancellationToken cancellationToken)
    {
        if (catchClause.Filter?.FilterExpression.ToString().Contains("IsCancellationRequested") == true)
        {
            return true;
        }

        for (var type = catchClause.Declaration is { } declaration ? model.GetTypeInfo(declaration.Type, cancellationToken).Type : null; type is not null; type = type.BaseType)
        {
            if (type.Name == "OperationCanceledException" && type.ContainingNamespace?.ToDisplayString() == "System")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the condition is true on success (<c>await HandleAsync(m)</c>, <c>result.IsSuccess</c>, a bool local
    /// set from an awaited call), false when it is true on failure, null when it says nothing about success.
    /// </summary>
    private static bool? SuccessTest(ExpressionSyntax condition, SemanticModel model, CancellationToken cancellationToken)
    {
        condition = Loops.Parentheses(condition);
        if (condition.ToString().Contains("IsCancellationRequested"))
        {
            return null;
        }

        switch (condition)
        {
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression):
                return !SuccessTest(unary.Operand, model, cancellationToken);
            case BinaryExpressionSyntax binary when (binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression))
                && binary.Right is LiteralExpressionSyntax { Token.Value: bool expected }:
                return SuccessTest(binary.Left, model, cancellationToken) is { } test ? test == (expected == binary.IsKind(SyntaxKind.EqualsExpression)) : null;
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { Token.Value: bool expected } } } isPattern:
                return SuccessTest(isPattern.Expression, model, cancellationToken) is { } patternTest ? patternTest == expected : null;
            case AwaitExpressionSyntax { Expression: InvocationExpressionSyntax }:
                return true;
            case IdentifierNameSyntax identifier:
                return model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_Boolean } local
                    && ConsumerOrigin.SingleAssignment(local, model, cancellationToken) is { } initializer
                    && Loops.Parentheses(initializer) is AwaitExpressionSyntax
                    ? true
                    : null;
            case MemberAccessExpressionSyntax access:
                return NameTest(access.Name.Identifier.ValueText);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax invoked, ArgumentList.Arguments.Count: 0 }:
                return NameTest(invoked.Name.Identifier.ValueText);
            default:
                return null;
        }
    }

    private static bool? NameTest(string name) => SuccessNames.Contains(name) ? true : FailureNames.Contains(name) ? false : null;
}
