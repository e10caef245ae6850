using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace JetStream.Analyzers;

/// <summary>
/// JS3006: a message of a consumer loop that some path through the loop body leaves without AckAsync, NakAsync or
/// AckTerminateAsync. The consumer is assumed to need acknowledgements unless it is shown to be ordered or to use
/// ack policy none or all; a message handed to other code counts as handled.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnacknowledgedMessageAnalyzer : JetStreamAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.For(RuleCatalog.UnacknowledgedMessage));

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules) =>
        context.RegisterOperationAction(c => Analyze(c, types), OperationKind.Loop);

    private static void Analyze(OperationAnalysisContext context, NatsTypes types)
    {
        if (context.Operation.Syntax is not StatementSyntax loopSyntax || context.Operation.SemanticModel is not { } model
            || loopSyntax is CommonForEachStatementSyntax { AwaitKeyword.RawKind: 0 }
            || Loops.AsMessageLoop(loopSyntax, model, context.CancellationToken) is not { Message: { } message } loop
            || !types.IsMessageType(message.Type)
            || Statements(loop) is not { } statements)
        {
            return;
        }

        // The path analysis first: most loops handle every message, and then the consumer need not be traced at all.
        var origin = loop.MessageDeclaration!;
        if (AckFlow.Analyze(message, origin, statements, model, context.CancellationToken) is not { Any: true } result)
        {
            return;
        }

        var consumer = ConsumerOrigin.Trace(loop.Consumer, types, model, context.CancellationToken);
        if (!consumer.MayNeedAcks)
        {
            return;
        }

        var source = loop.SourceName + (consumer.Describe() is { } described ? " of " + described : string.Empty);
        var descriptor = Descriptors.For(RuleCatalog.UnacknowledgedMessage);
        foreach (var statement in result.Continues)
        {
            context.ReportDiagnostic(Diagnostic.Create(descriptor, statement.GetLocation(), message.Name, source, "the path through this 'continue'"));
        }

        foreach (var catchClause in result.Catches)
        {
            var end = (catchClause.Filter as SyntaxNode ?? catchClause.Declaration as SyntaxNode)?.Span.End ?? catchClause.CatchKeyword.Span.End;
            var span = TextSpan.FromBounds(catchClause.CatchKeyword.SpanStart, end);
            context.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(catchClause.SyntaxTree, span), message.Name, source, "the path through this catch block"));
        }

        if (result.EndOfBody)
        {
            var identifier = origin switch
            {
                ForEachStatementSyntax forEach => forEach.Identifier,
                VariableDeclaratorSyntax declarator => declarator.Identifier,
                _ => default,
            };
            if (identifier.RawKind != 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, identifier.GetLocation(), message.Name, source, "a path that reaches the end of the loop body"));
            }
        }
    }

    /// <summary>The statements one iteration runs with the message: the foreach body, or what follows <c>var msg = await c.NextAsync…</c>.</summary>
    private static IEnumerable<StatementSyntax>? Statements(MessageLoop loop)
    {
        switch (loop.MessageDeclaration)
        {
            case ForEachStatementSyntax forEach:
                return new[] { forEach.Statement };
            case VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax declaration }
                when declaration.Parent is BlockSyntax block && block == Loops.Body(loop.Loop):
                return block.Statements.SkipWhile(s => s != declaration).Skip(1).ToList();
            default:
                return null;
        }
    }
}
