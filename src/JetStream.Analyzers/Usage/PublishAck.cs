using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using JetStream.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers.Usage;

internal enum PublishAckUse
{
    /// <summary>Returned, passed on, stored elsewhere, or not awaited here: the analysis can't tell.</summary>
    Unknown,

    /// <summary>Awaited and thrown away: <c>await js.PublishAsync(…);</c> or <c>_ = await …</c>.</summary>
    Discarded,

    /// <summary>Stored in a local that is never checked.</summary>
    Unchecked,

    /// <summary>
    /// A TryPublishAsync result stored in a local whose <c>Success</c> is read but whose acknowledgement is never
    /// checked: Success only means that a reply arrived.
    /// </summary>
    SuccessOnly,

    /// <summary>Checked: EnsureSuccess, IsSuccess, Error or Duplicate; Seq compared; Value tested for null or empty.</summary>
    Checked,
}

/// <summary>What happens to the PubAckResponse a JetStream publish returns, within the method that awaits it.</summary>
internal static class PublishAck
{
    /// <summary>Members whose use counts as looking at the outcome of the publish.</summary>
    public static readonly HashSet<string> CheckMembers = new(StringComparer.Ordinal) { "EnsureSuccess", "IsSuccess", "Error", "Duplicate" };

    public const string TryPublish = "TryPublishAsync";

    /// <summary>Members of the acknowledgement that are checks when compared or tested (not when only logged).</summary>
    private static readonly HashSet<string> TestedMembers = new(StringComparer.Ordinal) { "Seq", "Value" };

    /// <summary>
    /// Calls whose awaited result is a PubAckResponse: JetStream PublishAsync and the concurrent publish future's
    /// GetResponseAsync; or a NatsResult of one: TryPublishAsync.
    /// </summary>
    public static bool IsAckSource(IMethodSymbol method) =>
        method.Name is "PublishAsync" or TryPublish ? NatsApi.IsJetStreamPublish(method)
        : method.Name == "GetResponseAsync" && NatsApi.IsJetStream(method) && method.ContainingType?.Name == "NatsJSPublishConcurrentFuture";

    public static (PublishAckUse Use, ILocalSymbol? Local) Classify(IInvocationOperation publish, SemanticModel model, CancellationToken cancellationToken)
    {
        IOperation node = publish;
        var awaited = false;
        while (true)
        {
            switch (node.Parent)
            {
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configureAwait when configureAwait.Instance == node && !awaited:
                    node = configureAwait;
                    continue;
                case IAwaitOperation await when !awaited:
                    awaited = true;
                    node = await;
                    continue;
                case IConversionOperation { IsImplicit: true } conversion:
                    node = conversion;
                    continue;
            }

            break;
        }

        if (!awaited)
        {
            return (PublishAckUse.Unknown, null);
        }

        switch (node.Parent)
        {
            case IExpressionStatementOperation:
            case ISimpleAssignmentOperation { Target: IDiscardOperation, Parent: IExpressionStatementOperation }:
                return (PublishAckUse.Discarded, null);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return (Uses(declarator.Symbol, IsTry(publish), model, cancellationToken), declarator.Symbol);
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Parent: IExpressionStatementOperation } assignment when assignment.Value == node:
                return (Uses(target.Local, IsTry(publish), model, cancellationToken), target.Local);
            default:
                return (PublishAckUse.Unknown, null);
        }
    }

    /// <summary>The block (or switch section) a local is declared in; lambdas inside it are included.</summary>
    public static SyntaxNode? Scope(ILocalSymbol local, CancellationToken cancellationToken) =>
        local.DeclaringSyntaxReferences.Length != 1 ? null
        : local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken)
            .Ancestors().FirstOrDefault(n => n is BlockSyntax or SwitchSectionSyntax or MemberDeclarationSyntax or CompilationUnitSyntax);

    private static bool IsTry(IInvocationOperation publish) => publish.TargetMethod.Name == TryPublish;

    /// <param name="isResult">The local holds TryPublishAsync's NatsResult, whose Value is the acknowledgement.</param>
    private static PublishAckUse Uses(ILocalSymbol local, bool isResult, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Scope(local, cancellationToken) is not { } root)
        {
            return PublishAckUse.Unknown;
        }

        var result = PublishAckUse.Unchecked;
        foreach (var id in IdentifierSearch.References(root, local, model, cancellationToken))
        {
            switch (isResult ? ResultUse(id) : Use(id))
            {
                case PublishAckUse.Checked:
                    return PublishAckUse.Checked;
                case PublishAckUse.Unknown:
                    result = PublishAckUse.Unknown;
                    break;
                case PublishAckUse.SuccessOnly when result == PublishAckUse.Unchecked:
                    result = PublishAckUse.SuccessOnly;
                    break;
            }
        }

        return result;
    }

    /// <summary>The local <paramref name="id"/> (a PubAckResponse): Checked, Unchecked (a write, or a read that only logs) or Unknown (the value goes somewhere else).</summary>
    private static PublishAckUse Use(IdentifierNameSyntax id)
    {
        var node = Outer(id);
        return node.Parent is AssignmentExpressionSyntax assignment && assignment.Left == node && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            ? PublishAckUse.Unchecked
            : AckUse(node);
    }

    /// <summary>
    /// The local <paramref name="id"/> (TryPublishAsync's NatsResult): its Value is the acknowledgement; Success and
    /// Error only say whether a reply arrived.
    /// </summary>
    private static PublishAckUse ResultUse(IdentifierNameSyntax id)
    {
        var node = Outer(id);
        switch (node.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == node && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return PublishAckUse.Unchecked;
            case MemberAccessExpressionSyntax access when access.Expression == node:
                return access.Name.Identifier.ValueText switch
                {
                    "Value" => AckUse(Outer(access)),
                    "Success" => PublishAckUse.SuccessOnly,
                    _ => PublishAckUse.Unchecked,
                };
            case InterpolationSyntax:
                return PublishAckUse.Unchecked;
            default:
                return PublishAckUse.Unknown;
        }
    }

    /// <summary>How the acknowledgement <paramref name="ack"/> is used.</summary>
    private static PublishAckUse AckUse(SyntaxNode ack)
    {
        switch (ack.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Expression == ack:
                return MemberUse(access.Name.Identifier.ValueText, access);
            case ConditionalAccessExpressionSyntax conditional when conditional.Expression == ack:
                var binding = conditional.WhenNotNull.DescendantNodesAndSelf().OfType<MemberBindingExpressionSyntax>().FirstOrDefault();
                return binding is null ? PublishAckUse.Unchecked
                    : MemberUse(binding.Name.Identifier.ValueText, conditional.WhenNotNull == binding ? conditional : null);
            case InterpolationSyntax:
                return PublishAckUse.Unchecked;
            default:
                return PublishAckUse.Unknown;
        }
    }

    /// <summary>A member of the acknowledgement read at <paramref name="read"/> (null when it is read further, as in ack?.Seq.ToString()).</summary>
    private static PublishAckUse MemberUse(string member, SyntaxNode? read) =>
        CheckMembers.Contains(member) || TestedMembers.Contains(member) && read is not null && IsTested(Outer(read))
            ? PublishAckUse.Checked
            : PublishAckUse.Unchecked;

    /// <summary>
    /// Compared (<c>ack.Seq == 0</c>, <c>ack.Seq &gt; last</c>), matched (<c>ack.Value is null</c>), given a fallback
    /// (<c>ack.Value ?? throw …</c>) or tested with string.IsNullOrEmpty / IsNullOrWhiteSpace.
    /// </summary>
    private static bool IsTested(SyntaxNode value)
    {
        switch (value.Parent)
        {
            case BinaryExpressionSyntax binary:
                return binary.Kind() is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression or SyntaxKind.LessThanExpression
                    or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression
                    || binary.IsKind(SyntaxKind.CoalesceExpression) && binary.Left == value;
            case IsPatternExpressionSyntax pattern:
                return pattern.Expression == value;
            case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation }:
                return NatsApi.CalledName(invocation) is "IsNullOrEmpty" or "IsNullOrWhiteSpace";
            default:
                return false;
        }
    }

    /// <summary>The expression around <paramref name="node"/> that stands for the same value: (x), x!.</summary>
    private static SyntaxNode Outer(SyntaxNode node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax || node.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression))
        {
            node = node.Parent!;
        }

        return node;
    }
}
