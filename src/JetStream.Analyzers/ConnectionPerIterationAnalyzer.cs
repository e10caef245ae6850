using System.Collections.Immutable;
using System.Linq;
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
/// JS3007: <c>new NatsConnection(…)</c> or <c>new NatsClient(…)</c> for every message of a consumer loop, or in a
/// <c>using</c> (connect, use, dispose) on every iteration of another loop.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConnectionPerIterationAnalyzer : JetStreamAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.For(RuleCatalog.ConnectionPerIteration));

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules)
    {
        if (types.Connection is null && types.Client is null)
        {
            return;
        }

        context.RegisterOperationAction(c => Analyze(c, types), OperationKind.ObjectCreation);
    }

    private static void Analyze(OperationAnalysisContext context, NatsTypes types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type?.Name is not ("NatsConnection" or "NatsClient")
            || !(NatsTypes.Is(creation.Type, types.Connection) || NatsTypes.Is(creation.Type, types.Client))
            || creation.SemanticModel is not { } model)
        {
            return;
        }

        var syntax = creation.Syntax;
        var cancellationToken = context.CancellationToken;
        string? where = null;
        var disposedHere = IsUsing(syntax);
        foreach (var loop in Loops.Enclosing(syntax))
        {
            if (Loops.AsMessageLoop(loop, model, cancellationToken) is { } messageLoop)
            {
                where = "for every message of the loop over " + messageLoop.SourceName;
                break;
            }

            if (where is null && !Loops.WorksOnEachElement(loop, syntax, model, cancellationToken) && !Loops.IsPaced(loop, model, cancellationToken))
            {
                where = disposedHere ? "and disposed on every iteration of the loop"
                    : UsedOnlyInIteration(syntax, loop, model, cancellationToken) ? "on every iteration of the loop"
                    : null;
            }
        }

        if (where is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.For(RuleCatalog.ConnectionPerIteration), syntax.GetLocation(), creation.Type.Name, where));
        }
    }

    /// <summary>
    /// <c>var c = new NatsConnection()</c> declared in the loop body and only used there: its members called, or
    /// passed to NATS.Net (<c>new NatsJSContext(c)</c>). Stored, returned or handed to other code, it may be a pool.
    /// </summary>
    private static bool UsedOnlyInIteration(SyntaxNode creation, StatementSyntax loop, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || Loops.Body(loop) is not { } body || !body.Span.Contains(declarator.Span)
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local)
        {
            return false;
        }

        foreach (var id in IdentifierSearch.References(body, local, model, cancellationToken))
        {
            var ok = id.Parent switch
            {
                MemberAccessExpressionSyntax access => access.Expression == id,
                ConditionalAccessExpressionSyntax conditional => conditional.Expression == id,
                ArgumentSyntax { Parent.Parent: { } call } => model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method && NatsApi.IsNats(method),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>using var c = new …</c>, <c>await using (var c = new …)</c> or <c>using (new …)</c>.</summary>
    private static bool IsUsing(SyntaxNode creation)
    {
        var node = creation;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } =>
                declaration.Parent is UsingStatementSyntax || declaration.Parent is LocalDeclarationStatementSyntax local && local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword),
            UsingStatementSyntax usingStatement => usingStatement.Expression == node,
            _ => false,
        };
    }
}
