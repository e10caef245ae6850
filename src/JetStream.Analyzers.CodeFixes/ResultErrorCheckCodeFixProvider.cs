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
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace JetStream.Analyzers.CodeFixes;

/// <summary>
/// JS3003 on a TryPublishAsync result whose Success is the only thing checked: every <c>result.Success</c> becomes
/// <c>result.Success &amp;&amp; result.Value.Error is null</c>, so the code's own failure handling also runs when the
/// server answers with an error. The result keeps its no-throw contract: nothing is added that throws.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ResultErrorCheckCodeFixProvider)), Shared]
public sealed class ResultErrorCheckCodeFixProvider : BatchCodeFixProvider
{
    public const string Title = "Check the server's error wherever Success is checked";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UncheckedPublishAck);

    protected override bool NeedsSemanticModel => true;

    protected override string? TitleFor(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic) =>
        SuccessReads(root, model!, diagnostic, CancellationToken.None).Any() ? Title : null;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var done = new HashSet<SyntaxNode>();
        foreach (var read in diagnostics.SelectMany(d => SuccessReads(root, model, d, cancellationToken)))
        {
            if (done.Add(read))
            {
                var local = ((IdentifierNameSyntax)read.Expression).Identifier.ValueText;
                var check = ParenthesizedExpression(ParseExpression($"{local}.Success && {local}.Value.Error is null"))
                    .WithAdditionalAnnotations(Simplifier.Annotation);
                editor.ReplaceNode(read, check.WithTriviaFrom(read));
            }
        }

        var changed = editor.GetChangedDocument();
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>result.Success</c> reads of the local a "success-only" diagnostic names.</summary>
    private static IEnumerable<MemberAccessExpressionSyntax> SuccessReads(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(UncheckedPublishAckAnalyzer.KindProperty, out var kind) || kind != "success-only"
            || !diagnostic.Properties.TryGetValue(UncheckedPublishAckAnalyzer.LocalProperty, out var name) || name is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } publish
            || model.LookupSymbols(publish.SpanStart, name: name).OfType<ILocalSymbol>().FirstOrDefault() is not { } local
            || PublishAck.Scope(local, cancellationToken) is not { } scope)
        {
            yield break;
        }

        foreach (var id in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (id.Identifier.ValueText == name && id.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Success" } access && access.Expression == id
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, local))
            {
                yield return access;
            }
        }
    }
}
