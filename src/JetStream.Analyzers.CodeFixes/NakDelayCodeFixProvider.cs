using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace JetStream.Analyzers.CodeFixes;

/// <summary>
/// JS3005: passes a delay to NakAsync, the value of jetstream_default_nak_delay (5s by default). Uses the
/// <c>NakAsync(TimeSpan)</c> extension when it binds, otherwise <c>AckOpts.NakDelay</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NakDelayCodeFixProvider)), Shared]
public sealed class NakDelayCodeFixProvider : BatchCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NakWithoutDelay);

    protected override string? TitleFor(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic) =>
        Target(root, diagnostic) is { } target ? $"Redeliver after {Durations.Format(target.Delay)}" : null;

    private static (InvocationExpressionSyntax Invocation, long Delay)? Target(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue("delay", out var text) || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var delay) || delay <= 0
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
        {
            return null;
        }

        return (invocation, delay);
    }

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
        foreach (var diagnostic in diagnostics)
        {
            if (Target(root, diagnostic) is { } target && done.Add(target.Invocation)
                && Rewrite(target.Invocation, target.Delay, model, cancellationToken) is { } replacement)
            {
                editor.ReplaceNode(target.Invocation, replacement.WithTriviaFrom(target.Invocation));
            }
        }

        var changed = editor.GetChangedDocument();
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static InvocationExpressionSyntax? Rewrite(InvocationExpressionSyntax invocation, long delay, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var optsArgument = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "opts" && a.ArgumentKind == ArgumentKind.Explicit)?.Syntax as ArgumentSyntax;
        var delayText = ConfigurationValueSyntax.TimeSpan(delay).ToFullString();

        // new AckOpts { DoubleAck = true } → new AckOpts { DoubleAck = true, NakDelay = … }
        if (optsArgument?.Expression is BaseObjectCreationExpressionSyntax creation)
        {
            var nakDelay = Simplifiable(ParseExpression("NakDelay = " + delayText));
            BaseObjectCreationExpressionSyntax updated = creation.Initializer is { } initializer
                ? creation.WithInitializer(initializer.AddExpressions(nakDelay).WithAdditionalAnnotations(Formatter.Annotation))
                : (BaseObjectCreationExpressionSyntax)Simplifiable(ParseExpression(
                    (creation is ObjectCreationExpressionSyntax explicitType ? "new " + explicitType.Type.WithoutTrivia() : "new()") + " { NakDelay = " + delayText + " }"));
            return invocation.ReplaceNode(creation, updated.WithTriviaFrom(creation));
        }

        // NakAsync() → NakAsync(TimeSpan.FromSeconds(5)), keeping a cancellation token argument.
        var others = invocation.ArgumentList.Arguments.Where(a => a != optsArgument).ToList();
        var delayArgument = Argument(Simplifiable(ParseExpression(delayText)));
        var extension = invocation.WithArgumentList(ArgumentList(SeparatedList(new[] { delayArgument }.Concat(others.Select(a => a.WithoutTrivia())), Separators(others.Count))));
        if (model.GetSpeculativeSymbolInfo(invocation.SpanStart, extension, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol { IsExtensionMethod: true }
            or IMethodSymbol { MethodKind: MethodKind.ReducedExtension })
        {
            return extension;
        }

        var ackOpts = Simplifiable(ParseExpression("new NATS.Client.JetStream.AckOpts { NakDelay = " + delayText + " }"));
        var arguments = optsArgument is not null
            ? invocation.ArgumentList.Arguments.Replace(optsArgument, optsArgument.WithExpression(ackOpts))
            : invocation.ArgumentList.Arguments.Insert(0, Argument(ackOpts));
        return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(Spaced(arguments)));
    }

    /// <summary>Marks the qualified names in parsed text (System.TimeSpan, NATS.Client.JetStream.AckOpts) for the simplifier.</summary>
    private static ExpressionSyntax Simplifiable(ExpressionSyntax expression) =>
        expression.ReplaceNodes(
            expression.DescendantNodesAndSelf().Where(n => n is QualifiedNameSyntax or MemberAccessExpressionSyntax),
            (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));

    private static IEnumerable<SyntaxToken> Separators(int others) => Enumerable.Range(0, others).Select(_ => Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space));

    private static SeparatedSyntaxList<ArgumentSyntax> Spaced(SeparatedSyntaxList<ArgumentSyntax> arguments) =>
        SeparatedList(arguments.Select(a => a.WithoutTrivia()), Separators(arguments.Count - 1));
}
