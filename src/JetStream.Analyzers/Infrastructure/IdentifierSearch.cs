using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>
/// The identifier names spelled <c>name</c> in a node, in document order, as <c>DescendantNodesAndSelf().OfType&lt;IdentifierNameSyntax&gt;()</c>
/// filtered by name would give them. Found by searching the source text and looking up only the tokens found, so a
/// method is not walked node by node once for every local the analyzers follow (issue 10).
/// </summary>
internal static class IdentifierSearch
{
    public static IEnumerable<IdentifierNameSyntax> Named(SyntaxNode root, string name, CancellationToken cancellationToken)
    {
        var text = TreeText.Of(root.SyntaxTree, cancellationToken);
        var start = root.SpanStart;
        var end = root.Span.End;

        // A name written with a Unicode escape (\u0063onsumer) is not found in the text: walk instead.
        if (name.Length == 0 || HasEscape(text, start, end))
        {
            foreach (var node in root.DescendantNodesAndSelf())
            {
                if (node is IdentifierNameSyntax id && id.Identifier.ValueText == name)
                {
                    yield return id;
                }
            }

            yield break;
        }

        var last = -1;
        foreach (var index in TreeText.WholeWords(text, name, start, end))
        {
            // Inside a comment the token found is the one the comment belongs to; it is checked like any other.
            var token = root.FindToken(index);
            if (token.SpanStart > last && token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name
                && token.Parent is IdentifierNameSyntax id && root.Span.Contains(id.Span))
            {
                last = token.SpanStart;
                yield return id;
            }
        }
    }

    /// <summary>The identifier names in <paramref name="root"/> that bind to <paramref name="symbol"/>, in document order.</summary>
    public static IEnumerable<IdentifierNameSyntax> References(SyntaxNode root, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var id in Named(root, symbol.Name, cancellationToken))
        {
            if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, symbol))
            {
                yield return id;
            }
        }
    }

    private static bool HasEscape(string text, int start, int end)
    {
        for (var index = text.IndexOf('\\', start, end - start); index >= 0 && index + 1 < end; index = text.IndexOf('\\', index + 1, end - index - 1))
        {
            if (text[index + 1] is 'u' or 'U')
            {
                return true;
            }
        }

        return false;
    }
}
