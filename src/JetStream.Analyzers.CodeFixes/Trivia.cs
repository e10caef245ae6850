using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace JetStream.Analyzers.CodeFixes;

/// <summary>Whitespace for new statements, taken from the document so fixes keep its line endings and indentation.</summary>
internal static class Trivia
{
    /// <summary>The document's line ending (the first one it uses; "\n" for a one-line file).</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } eol && eol.IsKind(SyntaxKind.EndOfLineTrivia)
            ? eol
            : LineFeed;

    /// <summary>The indentation of the line <paramref name="node"/> starts on.</summary>
    public static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        var last = leading.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var start = last.IsKind(SyntaxKind.EndOfLineTrivia) ? leading.IndexOf(last) + 1 : 0;
        return TriviaList(leading.Skip(start).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
    }
}
