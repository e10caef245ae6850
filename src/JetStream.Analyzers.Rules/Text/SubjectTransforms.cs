using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Rules.Text;

/// <summary>
/// Whether nats-server can build a subject transform from <c>src</c> to <c>dest</c> (used for republish), as its
/// non-strict transform constructor checks it: both well-formed subjects, no '*' in the destination, '&gt;' in both or in
/// neither, and wildcard references ($1, {{wildcard(1)}}, ...) only to wildcards the source has. Before 2.10 the
/// destination must also reference every '*' of the source, and a function it doesn't know is an error.
/// </summary>
public static class SubjectTransforms
{
    private static readonly Regex Function = new(@"^\{\{\s*([A-Za-z]+)\s*\((.*)\)\s*\}\}$", RegexOptions.CultureInvariant);

    public static bool IsValid(string src, string dest, ServerVersion version)
    {
        if (src.Length == 0)
        {
            src = ">";
        }

        if (!IsWellFormed(src) || !IsWellFormed(dest))
        {
            return false;
        }

        var sourceTokens = src.Split('.');
        var destTokens = dest.Split('.');
        if (destTokens.Any(t => t == "*") || (sourceTokens[sourceTokens.Length - 1] == ">") != (destTokens[destTokens.Length - 1] == ">"))
        {
            return false;
        }

        var wildcards = sourceTokens.Count(t => t == "*");
        if (wildcards == 0 && sourceTokens[sourceTokens.Length - 1] != ">")
        {
            // A literal source: the destination is used as written.
            return true;
        }

        var placeholders = 0;
        foreach (var token in destTokens)
        {
            if (!TryReferences(token, out var references))
            {
                return false;
            }

            if (references is null)
            {
                continue;
            }

            placeholders++;
            if (references.Any(index => index > wildcards))
            {
                return false;
            }
        }

        return version.AtLeast(2, 10) || placeholders >= wildcards;
    }

    /// <summary>
    /// The server's check for transform subjects: no empty token, nothing after '&gt;'. Unlike a stream subject, a
    /// token may contain spaces (as in "{{wildcard( 1 )}}").
    /// </summary>
    private static bool IsWellFormed(string subject)
    {
        var tokens = subject.Split('.');
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Length == 0 || tokens[i] == ">" && i < tokens.Length - 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The source wildcards a destination token refers to: null for a literal token. False for a token the server
    /// can't parse ("$x", an unknown or malformed {{function}}).
    /// </summary>
    private static bool TryReferences(string token, out IReadOnlyList<int>? references)
    {
        references = null;
        if (token.Length > 0 && token[0] == '$')
        {
            if (!int.TryParse(token.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var dollar))
            {
                return false;
            }

            references = new[] { dollar };
            return true;
        }

        if (!token.StartsWith("{{", System.StringComparison.Ordinal))
        {
            return true;
        }

        var match = Function.Match(token);
        if (!match.Success)
        {
            return false;
        }

        var arguments = match.Groups[2].Value.Split(',').Select(a => a.Trim()).ToArray();
        var numbers = new List<int>();
        foreach (var argument in arguments)
        {
            numbers.Add(int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1);
        }

        switch (match.Groups[1].Value.ToLowerInvariant())
        {
            case "wildcard" when numbers.Count == 1 && numbers[0] >= 0:
                references = numbers;
                return true;
            case "partition" when numbers.Count >= 1 && numbers.All(n => n >= 0):
                references = numbers.Skip(1).ToArray();
                return true;
            case "splitfromleft" or "splitfromright" or "slicefromleft" or "slicefromright" when numbers.Count == 2 && numbers.All(n => n >= 0):
                references = new[] { numbers[0] };
                return true;
            case "split" when arguments.Length == 2 && numbers[0] >= 0:
                references = new[] { numbers[0] };
                return true;
            default:
                return false;
        }
    }
}
