using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace JetStream.Analyzers.CodeFixes;

/// <summary>
/// The shape every fix here shares: one code action per diagnostic it can fix, and Fix All as one edit of the whole
/// document with all its diagnostics (so fixes that touch the same node merge instead of conflicting).
/// </summary>
public abstract class BatchCodeFixProvider : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = NeedsSemanticModel ? await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) : null;
        if (root is null || NeedsSemanticModel && model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (TitleFor(root, model, diagnostic) is { } title)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct), equivalenceKey: diagnostic.Id),
                    diagnostic);
            }
        }
    }

    /// <summary>Whether <see cref="TitleFor"/> needs the semantic model.</summary>
    protected virtual bool NeedsSemanticModel => false;

    /// <summary>The code action's title, or null when this diagnostic can't be fixed.</summary>
    protected abstract string? TitleFor(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic);

    /// <summary>Fixes the diagnostics of one document in one edit.</summary>
    protected abstract Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken);
}
