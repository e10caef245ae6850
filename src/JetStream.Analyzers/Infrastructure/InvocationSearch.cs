using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>
/// Calls of methods with one of a few names in a syntax tree. The names share a suffix ("Async"), so the source text is
/// searched for the suffix and only the tokens found are looked up in the tree: a document without such calls costs
/// one string search, and no syntax walk (issue 10).
/// </summary>
internal sealed class InvocationSearch
{
    private readonly string suffix;
    private readonly HashSet<string> names;
    private readonly int shortest;
    private readonly int longest;

    public InvocationSearch(string suffix, params string[] names)
    {
        if (names.Length == 0 || names.Any(n => !n.EndsWith(suffix, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Every name must end in '{suffix}'.", nameof(names));
        }

        this.suffix = suffix;
        this.names = new HashSet<string>(names, StringComparer.Ordinal);
        shortest = names.Min(n => n.Length);
        longest = names.Max(n => n.Length);
    }

    public bool Contains(string name) => names.Contains(name);

    /// <summary>The invocations in <paramref name="tree"/> whose called name is one of the names, in source order.</summary>
    public IEnumerable<InvocationExpressionSyntax> In(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = TreeText.Of(tree, cancellationToken);
        SyntaxNode? root = null;
        for (var index = text.IndexOf(suffix, StringComparison.Ordinal); index >= 0; index = text.IndexOf(suffix, index + suffix.Length, StringComparison.Ordinal))
        {
            var end = index + suffix.Length;
            if (end < text.Length && SyntaxFacts.IsIdentifierPartCharacter(text[end]))
            {
                continue;
            }

            var start = index;
            while (start > 0 && SyntaxFacts.IsIdentifierPartCharacter(text[start - 1]))
            {
                start--;
            }

            if (end - start < shortest || end - start > longest || !names.Contains(text.Substring(start, end - start)))
            {
                continue;
            }

            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(start);
            if (token.SpanStart == start && token.IsKind(SyntaxKind.IdentifierToken) && InvocationOf(token.Parent) is { } invocation)
            {
                yield return invocation;
            }
        }
    }

    /// <summary>The invocation whose called name is <paramref name="name"/>: M(), x.M(), x?.M().</summary>
    private static InvocationExpressionSyntax? InvocationOf(SyntaxNode? name)
    {
        if (name is not SimpleNameSyntax simple)
        {
            return null;
        }

        ExpressionSyntax called = simple.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == simple => access,
            MemberBindingExpressionSyntax binding when binding.Name == simple => binding,
            _ => simple,
        };
        return called.Parent is InvocationExpressionSyntax invocation && invocation.Expression == called ? invocation : null;
    }
}
