using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace JetStream.Analyzers.CodeFixes;

/// <summary>
/// Fixes configuration findings by setting the value the rule asks for (the finding's fix properties name the
/// field and value, so every fixable rule shares this one edit). Fix All merges the edits per creation expression.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetConfigurationValueCodeFixProvider)), Shared]
public sealed class SetConfigurationValueCodeFixProvider : BatchCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.ReplicasBelowMinimum,
        RuleIds.EvenReplicaCount,
        RuleIds.NoMaxBytes,
        RuleIds.NoMaxAge,
        RuleIds.MemoryStorage,
        RuleIds.DeleteOrPurgeAllowed,
        RuleIds.DuplicateWindowOffWithSources,
        RuleIds.StreamSettingRewritten,
        RuleIds.NoBackoff,
        RuleIds.UnlimitedMaxDeliver,
        RuleIds.PushWithoutHeartbeat,
        RuleIds.PushWithoutFlowControl,
        RuleIds.UnlimitedAckPending,
        RuleIds.UnboundedPullRequests,
        RuleIds.ConsumerSettingWithoutEffect,
        RuleIds.ConsumerRejectedByServer);

    protected override bool NeedsSemanticModel => true;

    protected override string? TitleFor(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic) =>
        ConfigurationEdit.TryCreate(root, model!, diagnostic)?.Title;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var edits = diagnostics.Select(d => ConfigurationEdit.TryCreate(root, model, d)).Where(e => e is not null).Cast<ConfigurationEdit>().ToList();
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var replaced = new HashSet<SyntaxNode>();
        foreach (var (assignment, value) in edits.SelectMany(e => e.Replacements))
        {
            if (replaced.Add(assignment.Right))
            {
                editor.ReplaceNode(assignment.Right, value.WithTriviaFrom(assignment.Right));
            }
        }

        foreach (var group in edits.Where(e => e.Creation is not null && e.Additions.Count > 0).GroupBy(e => e.Creation!))
        {
            var additions = Distinct(group.SelectMany(e => e.Additions));
            editor.ReplaceNode(group.Key, (current, _) => AddToInitializer((BaseObjectCreationExpressionSyntax)current, additions));
        }

        foreach (var group in edits.Where(e => e.Statement is not null && e.Additions.Count > 0).GroupBy(e => e.Statement!))
        {
            var target = ((AssignmentExpressionSyntax)group.Key.Expression).Left is MemberAccessExpressionSyntax access ? access.Expression : null;
            if (target is not null)
            {
                editor.InsertAfter(group.Key, Distinct(group.SelectMany(e => e.Additions)).Select(a => Statement(target, a, group.Key)));
            }
        }

        var changed = editor.GetChangedDocument();
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static List<(string Property, ExpressionSyntax Value)> Distinct(IEnumerable<(string Property, ExpressionSyntax Value)> additions)
    {
        var seen = new HashSet<string>();
        return additions.Where(a => seen.Add(a.Property)).ToList();
    }

    private static SyntaxNode AddToInitializer(BaseObjectCreationExpressionSyntax creation, List<(string Property, ExpressionSyntax Value)> additions)
    {
        var assignments = additions.Select(a => (ExpressionSyntax)AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(a.Property), a.Value)).ToList();
        if (creation.Initializer is { Expressions.Count: > 0 } existing)
        {
            return creation.WithInitializer(Append(existing, assignments));
        }

        // A new initializer: one line for a single value, one value per line otherwise (the formatter lays it out).
        var initializer = InitializerExpression(SyntaxKind.ObjectInitializerExpression, SeparatedList(assignments));
        if (assignments.Count > 1)
        {
            initializer = initializer
                .WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(ElasticCarriageReturnLineFeed))
                .WithExpressions(SeparatedList(assignments.Select(a => a.WithLeadingTrivia(ElasticCarriageReturnLineFeed)),
                    assignments.Select(_ => Token(SyntaxKind.CommaToken))))
                .WithCloseBraceToken(Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(ElasticCarriageReturnLineFeed))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        var target = creation.ArgumentList is null && creation is ObjectCreationExpressionSyntax explicitCreation
            ? explicitCreation.WithType(explicitCreation.Type.WithoutTrailingTrivia())
            : creation.WithArgumentList(creation.ArgumentList?.WithoutTrailingTrivia());
        var trailing = creation.GetTrailingTrivia();
        return target.WithInitializer(initializer.WithLeadingTrivia(Space)).WithTrailingTrivia(trailing);
    }

    /// <summary>Adds assignments after the last one, keeping the initializer's layout and trailing-comma style.</summary>
    private static InitializerExpressionSyntax Append(InitializerExpressionSyntax initializer, List<ExpressionSyntax> assignments)
    {
        var expressions = initializer.Expressions;
        var last = expressions[expressions.Count - 1];
        var multiline = last.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
            || initializer.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var indentation = multiline ? last.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToSyntaxTriviaList() : TriviaList();
        var newLine = initializer.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var separatorTrivia = multiline ? TriviaList(newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : CarriageReturnLineFeed) : TriviaList(Space);
        var hasTrailingComma = expressions.SeparatorCount == expressions.Count;

        var nodes = expressions.GetWithSeparators().ToList();
        SyntaxTriviaList closingTrivia = default;
        if (!hasTrailingComma)
        {
            // The last element's trailing trivia (newline or space before '}') moves to the new last element.
            closingTrivia = last.GetTrailingTrivia();
            nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
            nodes.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrivia));
        }

        for (var i = 0; i < assignments.Count; i++)
        {
            var item = assignments[i].WithLeadingTrivia(indentation);
            if (i < assignments.Count - 1 || hasTrailingComma)
            {
                nodes.Add(item);
                nodes.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrivia));
            }
            else
            {
                nodes.Add(item.WithTrailingTrivia(closingTrivia));
            }
        }

        return initializer.WithExpressions(SeparatedList<ExpressionSyntax>(nodes));
    }

    private static StatementSyntax Statement(ExpressionSyntax target, (string Property, ExpressionSyntax Value) addition, StatementSyntax after) =>
        ExpressionStatement(AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, target.WithoutTrivia(), IdentifierName(addition.Property)),
                addition.Value))
            .WithLeadingTrivia(after.GetLeadingTrivia())
            .WithTrailingTrivia(after.GetTrailingTrivia());
}
