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
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace JetStream.Analyzers.CodeFixes;

/// <summary>
/// JS3003: calls <c>EnsureSuccess()</c> on the publish acknowledgement, either on the awaited expression
/// (<c>(await js.PublishAsync(…)).EnsureSuccess();</c>) or in a statement after the one that stores it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnsureSuccessCodeFixProvider)), Shared]
public sealed class EnsureSuccessCodeFixProvider : BatchCodeFixProvider
{
    public const string Title = "Call EnsureSuccess() on the publish acknowledgement";
    private const string JetStreamNamespace = "NATS.Client.JetStream";
    private const string EnsureSuccess = "EnsureSuccess";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UncheckedPublishAck);

    protected override string? TitleFor(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic) =>
        Edit.TryCreate(root, diagnostic) is not null ? Title : null;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var edits = diagnostics.Select(d => Edit.TryCreate(root, d)).Where(e => e is not null).Cast<Edit>().ToList();
        if (edits.Count == 0)
        {
            return document;
        }

        var needsUsing = root is CompilationUnitSyntax
            && !Imports.ExtensionInScope(model, edits[0].Await.SpanStart, model.GetTypeInfo(edits[0].Await, cancellationToken).Type, EnsureSuccess);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var done = new HashSet<SyntaxNode>();
        foreach (var edit in edits)
        {
            if (edit.Replace is { } target && done.Add(target))
            {
                // Parsed rather than built, so no elastic trivia invites the formatter to move comments around.
                var call = ParseExpression("(" + edit.Await.WithoutTrivia().ToFullString() + ")." + EnsureSuccess + "()");
                editor.ReplaceNode(target, call.WithTriviaFrom(target));
            }
            else if (edit.After is { } statement && edit.Local is { } local && done.Add(statement))
            {
                var call = ParseStatement(local + "." + EnsureSuccess + "();")
                    .WithLeadingTrivia(Trivia.Indentation(statement))
                    .WithTrailingTrivia(Trivia.EndOfLine(root));
                editor.InsertAfter(statement, statement is GlobalStatementSyntax ? GlobalStatement(call) : call);
            }
        }

        var changed = editor.GetChangedRoot();
        if (needsUsing && changed is CompilationUnitSyntax unit)
        {
            changed = Imports.Add(unit, JetStreamNamespace, Trivia.EndOfLine(root));
        }

        return document.WithSyntaxRoot(changed);
    }

    /// <summary>Where one diagnostic's fix goes.</summary>
    private sealed class Edit
    {
        private Edit(AwaitExpressionSyntax await)
        {
            Await = await;
        }

        public AwaitExpressionSyntax Await { get; }

        /// <summary>For a discarded result: the expression to wrap (the await, or a <c>_ = await …</c> assignment).</summary>
        public ExpressionSyntax? Replace { get; private set; }

        /// <summary>For a result kept in a local: the statement that stores it, after which the check goes.</summary>
        public SyntaxNode? After { get; private set; }

        public string? Local { get; private set; }

        public static Edit? TryCreate(SyntaxNode root, Diagnostic diagnostic)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
                || Loops.AwaitOf(invocation) is not { } await
                || !diagnostic.Properties.TryGetValue(UncheckedPublishAckAnalyzer.KindProperty, out var kind))
            {
                return null;
            }

            var edit = new Edit(await);
            if (kind == "discarded")
            {
                edit.Replace = await.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard ? discard : await;
                return edit;
            }

            if (kind != "unchecked"
                || !diagnostic.Properties.TryGetValue(UncheckedPublishAckAnalyzer.LocalProperty, out var local) || local is null
                || await.FirstAncestorOrSelf<StatementSyntax>() is not { } statement
                || statement is not (LocalDeclarationStatementSyntax or ExpressionStatementSyntax)
                || statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax))
            {
                return null;
            }

            edit.After = statement.Parent is GlobalStatementSyntax global ? global : statement;
            edit.Local = local;
            return edit;
        }
    }
}
