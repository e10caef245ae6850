using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
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

    /// <summary>Checked with EnsureSuccess, IsSuccess, Error or Duplicate.</summary>
    Checked,
}

/// <summary>What happens to the PubAckResponse a JetStream publish returns, within the method that awaits it.</summary>
internal static class PublishAck
{
    /// <summary>Members whose use counts as looking at the outcome of the publish.</summary>
    public static readonly HashSet<string> CheckMembers = new(StringComparer.Ordinal) { "EnsureSuccess", "IsSuccess", "Error", "Duplicate" };

    /// <summary>Calls whose awaited result is a PubAckResponse: JetStream PublishAsync and the concurrent publish future's GetResponseAsync.</summary>
    public static bool IsAckSource(IMethodSymbol method) =>
        method.Name == "PublishAsync" ? NatsApi.IsJetStreamPublish(method)
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
                return (Uses(declarator.Symbol, model, cancellationToken), declarator.Symbol);
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Parent: IExpressionStatementOperation } assignment when assignment.Value == node:
                return (Uses(target.Local, model, cancellationToken), target.Local);
            default:
                return (PublishAckUse.Unknown, null);
        }
    }

    private static PublishAckUse Uses(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.Length != 1)
        {
            return PublishAckUse.Unknown;
        }

        var declaration = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        // The local's scope: the block (or switch section) it is declared in; lambdas inside it are included.
        var root = declaration.Ancestors().FirstOrDefault(n => n is BlockSyntax or SwitchSectionSyntax or MemberDeclarationSyntax or CompilationUnitSyntax);
        if (root is null)
        {
            return PublishAckUse.Unknown;
        }

        var result = PublishAckUse.Unchecked;
        foreach (var id in root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (id.Identifier.ValueText != local.Name || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, local))
            {
                continue;
            }

            switch (Use(id))
            {
                case PublishAckUse.Checked:
                    return PublishAckUse.Checked;
                case PublishAckUse.Unknown:
                    result = PublishAckUse.Unknown;
                    break;
            }
        }

        return result;
    }

    /// <summary>Checked, Unchecked (a write, or reading Seq/Stream/Domain) or Unknown (the value goes somewhere else).</summary>
    private static PublishAckUse Use(IdentifierNameSyntax id)
    {
        SyntaxNode node = id;
        while (node.Parent is ParenthesizedExpressionSyntax || node.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression))
        {
            node = node.Parent!;
        }

        switch (node.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == node && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return PublishAckUse.Unchecked;
            case MemberAccessExpressionSyntax access when access.Expression == node:
                return CheckMembers.Contains(access.Name.Identifier.ValueText) ? PublishAckUse.Checked : PublishAckUse.Unchecked;
            case ConditionalAccessExpressionSyntax conditional when conditional.Expression == node:
                var binding = conditional.WhenNotNull.DescendantNodesAndSelf().OfType<MemberBindingExpressionSyntax>().FirstOrDefault();
                return binding is not null && CheckMembers.Contains(binding.Name.Identifier.ValueText) ? PublishAckUse.Checked : PublishAckUse.Unchecked;
            case InterpolationSyntax:
                return PublishAckUse.Unchecked;
            default:
                return PublishAckUse.Unknown;
        }
    }
}
