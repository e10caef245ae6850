using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Rules.Text;

/// <summary>
/// Whether nats-server can build a subject transform from <c>src</c> to <c>dest</c> (republish, the stream's
/// subject_transform, mirror and source subject_transforms), as its non-strict transform constructor checks it: both
/// well-formed subjects, no '*' in the destination, '&gt;' in both or in neither, and wildcard references ($1,
/// {{wildcard(1)}}, ...) only to wildcards the source has. Before 2.10 the destination must also reference every '*'
/// of the source. From 2.10 a '$' token that is not a number is a literal; until 2.12 a source without '*' takes no
/// function at all, from 2.12 partition and random (which need no wildcard) are allowed there.
/// </summary>
public static class SubjectTransforms
{
    private static readonly Regex Function = new(@"^\{\{\s*([A-Za-z]+)\s*\((.*)\)\s*\}\}$", RegexOptions.CultureInvariant);

    // The server's function patterns (Go regexp, unanchored, \s = ASCII whitespace): only the letters shown in
    // brackets may change case.
    private static readonly (string Name, Regex Pattern)[] Functions =
    {
        ("wildcard", GoFunction("[wW]ildcard")),
        ("partition", GoFunction("[pP]artition")),
        ("splitfromleft", GoFunction("[sS]plit[fF]rom[lL]eft")),
        ("splitfromright", GoFunction("[sS]plit[fF]rom[rR]ight")),
        ("slicefromleft", GoFunction("[sS]lice[fF]rom[lL]eft")),
        ("slicefromright", GoFunction("[sS]lice[fF]rom[rR]ight")),
        ("right", GoFunction("[rR]ight")),
        ("left", GoFunction("[lL]eft")),
        ("split", GoFunction("[sS]plit")),
        ("random", GoFunction("[rR]andom")),
    };

    private static readonly char[] Whitespace = { '\t', '\n', '\f', '\r', ' ' };

    private static readonly Regex CommaSeparator = new(@",[\t\n\f\r ]*", RegexOptions.CultureInvariant);

    private enum Kind
    {
        Literal,
        Wildcard,
        Partition,
        Random,
        Other,
    }

    public static bool IsValid(string src, string dest, ServerVersion version)
    {
        if (version.AtLeast(2, 10))
        {
            return dest.Length == 0 || IsValidFrom210(src.Length == 0 ? ">" : src, dest, version);
        }

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

        return placeholders >= wildcards;
    }

    /// <summary>
    /// The server's mapping check (ValidateMapping; 2.10 applies it to local sources only, later releases to every
    /// transform): a destination token with whitespace, or a {{...}} token naming no known function, is refused before
    /// the transform is built. An empty destination is no transform.
    /// </summary>
    public static bool IsValidMapping(string src, string dest, ServerVersion version)
    {
        if (dest.Length == 0)
        {
            return true;
        }

        var afterFullWildcard = false;
        foreach (var token in dest.Split('.'))
        {
            if (token.Length == 0 || afterFullWildcard)
            {
                return false;
            }

            if (IsFunctionToken(token))
            {
                if (!Functions.Any(f => (f.Name != "random" || version.AtLeast(2, 12)) && f.Pattern.IsMatch(token)))
                {
                    return false;
                }

                continue;
            }

            if (token == ">")
            {
                afterFullWildcard = true;
            }
            else if (token.IndexOfAny(Whitespace) >= 0)
            {
                return false;
            }
        }

        return IsValid(src, dest, version);
    }

    // NewSubjectTransformWithStrict(src, dest, false) of 2.10 and later.
    private static bool IsValidFrom210(string src, string dest, ServerVersion version)
    {
        if (!IsWellFormed(src) || !IsWellFormed(dest))
        {
            return false;
        }

        var sourceTokens = src.Split('.');
        var destTokens = dest.Split('.');
        var sourceFull = sourceTokens[sourceTokens.Length - 1] == ">";
        if (destTokens.Any(t => t == "*") || sourceFull != (destTokens[destTokens.Length - 1] == ">"))
        {
            return false;
        }

        var wildcards = sourceTokens.Count(t => t == "*");
        var newer = version.AtLeast(2, 12);
        foreach (var token in destTokens)
        {
            if (!TryPlaceholder(token, newer, out var kind, out var references))
            {
                return false;
            }

            if (wildcards > 0 || sourceFull)
            {
                if (kind != Kind.Literal && wildcards == 0 && !newer || kind != Kind.Random && references.Any(index => index > wildcards))
                {
                    return false;
                }
            }
            else if (kind != Kind.Literal && !(newer && kind is Kind.Random or Kind.Partition))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>indexPlaceHolders of 2.10 and later: what a destination token does, and the source wildcards it refers to.</summary>
    private static bool TryPlaceholder(string token, bool newer, out Kind kind, out IReadOnlyList<long> references)
    {
        kind = Kind.Literal;
        references = System.Array.Empty<long>();
        if (token.Length > 1 && token[0] == '$')
        {
            // "$x" is a literal token; "$1" (and "$+1", "$-1": strconv.Atoi) a wildcard reference.
            if (GoAtoi(token.Substring(1)) is { } index)
            {
                kind = Kind.Wildcard;
                references = new[] { index };
            }

            return true;
        }

        if (!IsFunctionToken(token))
        {
            return true;
        }

        foreach (var (name, pattern) in Functions)
        {
            var match = pattern.Match(token);
            if (!match.Success || name == "random" && !newer)
            {
                continue;
            }

            var args = CommaSeparator.Split(match.Groups[1].Value);
            kind = name switch { "wildcard" => Kind.Wildcard, "partition" => Kind.Partition, "random" => Kind.Random, _ => Kind.Other };
            switch (name)
            {
                case "wildcard":
                    references = args.Length == 1 && GoAtoi(args[0].Trim(' ')) is { } w ? new[] { w } : null!;
                    return references is not null;
                case "partition":
                    if (args.Length < (newer ? 1 : 2) || GoAtoi(args[0].Trim(' ')) is not { } partitions || newer && partitions > int.MaxValue)
                    {
                        return false;
                    }

                    var indexes = args.Skip(1).Select(a => GoAtoi(a.Trim(' '))).ToList();
                    references = indexes.All(i => i.HasValue) ? indexes.Select(i => i!.Value).ToArray() : null!;
                    return references is not null;
                case "random":
                    return args.Length == 1 && GoAtoi(args[0].Trim(' ')) is <= int.MaxValue;
                case "split":
                    if (args.Length != 2 || GoAtoi(args[0].Trim(' ')) is not { } at || args[1].IndexOfAny(new[] { ' ', '.' }) >= 0)
                    {
                        return false;
                    }

                    references = new[] { at };
                    return true;
                default:
                    if (args.Length != 2 || GoAtoi(args[0].Trim(' ')) is not { } i || GoAtoi(args[1].Trim(' ')) is not { } n || newer && n is > int.MaxValue or < int.MinValue)
                    {
                        return false;
                    }

                    references = new[] { i };
                    return true;
            }
        }

        return false;
    }

    private static bool IsFunctionToken(string token) =>
        token.Length > 4 && token.StartsWith("{{", System.StringComparison.Ordinal) && token.EndsWith("}}", System.StringComparison.Ordinal);

    /// <summary>Go's strconv.Atoi on 64 bits: an optional sign and decimal digits, nothing else.</summary>
    private static long? GoAtoi(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && text.Length > 0 && !char.IsWhiteSpace(text[0]) ? n : null;

    private static Regex GoFunction(string name) =>
        new(@"\{\{[\t\n\f\r ]*" + name + @"[\t\n\f\r ]*\(([^\n]*)\)[\t\n\f\r ]*\}\}", RegexOptions.CultureInvariant);

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
