using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace JetStream.Analyzers.Usage;

/// <summary>
/// A message's <c>ReplyTo</c> is the subject its acknowledgement goes to: code that keeps it (in a local, a field, a
/// collection, another object) or passes it on can acknowledge later, by publishing "+ACK" to it, so keeping it
/// counts as handing the message off. Reading it to log or compare does not.
/// </summary>
internal static class ReplySubject
{
    public const string Member = "ReplyTo";

    /// <summary>True when the value of <paramref name="replyTo"/> (<c>msg.ReplyTo</c> or <c>msg?.ReplyTo</c>) is kept or passed on.</summary>
    public static bool IsKept(ExpressionSyntax replyTo)
    {
        SyntaxNode node = replyTo;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax
            || node.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression)
            || node.Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression)
            || node.Parent is ConditionalExpressionSyntax conditional && conditional.Condition != node)
        {
            node = node.Parent!;
        }

        switch (node.Parent)
        {
            case EqualsValueClauseSyntax:
            case AssignmentExpressionSyntax assignment when assignment.Right == node && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
            case ArgumentSyntax { Parent.Parent: not InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } }:
            case InitializerExpressionSyntax:
            case ExpressionElementSyntax:
            case ReturnStatementSyntax or YieldStatementSyntax or ArrowExpressionClauseSyntax:
                return true;
            case IsPatternExpressionSyntax pattern when pattern.Expression == node:
                // msg.ReplyTo is { } reply: kept under a new name.
                return pattern.Pattern.DescendantNodesAndSelf().Any(n => n is SingleVariableDesignationSyntax);
            default:
                // Interpolated into a log line, compared, tested for null, concatenated: read, not kept.
                return false;
        }
    }
}
