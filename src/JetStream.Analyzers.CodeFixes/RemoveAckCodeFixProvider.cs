using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace JetStream.Analyzers.CodeFixes;

/// <summary>JS3008: removes an acknowledgement statement (<c>await msg.AckAsync();</c>) on a message of an ordered consumer.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveAckCodeFixProvider)), Shared]
public sealed class RemoveAckCodeFixProvider : BatchCodeFixProvider
{
    public const string Title = "Remove the acknowledgement";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.OrderedConsumerAck);

    protected override string? TitleFor(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic) =>
        Statement(root, diagnostic) is not null ? Title : null;

    /// <summary>The statement that is nothing but the acknowledgement, inside a block; null when removing it would change more.</summary>
    private static ExpressionStatementSyntax? Statement(SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
        {
            return null;
        }

        SyntaxNode expression = (SyntaxNode?)Loops.AwaitOf(invocation) ?? invocation;
        return expression.Parent is ExpressionStatementSyntax { Parent: BlockSyntax } statement ? statement : null;
    }

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var statements = new HashSet<SyntaxNode>(diagnostics.Select(d => Statement(root, d)).Where(s => s is not null)!);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var statement in statements)
        {
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }

        return editor.GetChangedDocument();
    }
}
