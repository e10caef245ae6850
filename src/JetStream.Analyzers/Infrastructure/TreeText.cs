using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>
/// A syntax tree's source as one string, made once per tree for every analyzer that searches the text before it looks
/// at syntax or symbols (issue 10). For most files this is the source text's own string.
/// </summary>
internal static class TreeText
{
    private static readonly ConditionalWeakTable<SyntaxTree, string> Texts = new();

    public static string Of(SyntaxTree tree, CancellationToken cancellationToken) =>
        Texts.TryGetValue(tree, out var text) ? text : Texts.GetValue(tree, t => t.GetText(cancellationToken).ToString());

    /// <summary>Where <paramref name="word"/> stands in <paramref name="text"/>[start, end) as a whole word, not part of a longer identifier.</summary>
    public static IEnumerable<int> WholeWords(string text, string word, int start, int end)
    {
        if (word.Length == 0)
        {
            yield break;
        }

        for (var index = text.IndexOf(word, start, end - start, StringComparison.Ordinal);
             index >= 0;
             index = index + word.Length < end ? text.IndexOf(word, index + word.Length, end - index - word.Length, StringComparison.Ordinal) : -1)
        {
            var after = index + word.Length;
            if ((index == 0 || !SyntaxFacts.IsIdentifierPartCharacter(text[index - 1]))
                && (after == text.Length || !SyntaxFacts.IsIdentifierPartCharacter(text[after])))
            {
                yield return index;
            }
        }
    }
}
