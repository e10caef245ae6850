using System;

namespace JetStream.Analyzers.Rules.Text;

/// <summary>NATS subject syntax and wildcard matching, as nats-server's sublist implements them.</summary>
public static class Subjects
{
    /// <summary>Non-empty, no empty tokens, no whitespace, '*' and '>' only as whole tokens, '>' last.</summary>
    public static bool IsValid(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return false;
        }

        // Mirrors nats-server's isValidSubject: "foo*" is a literal token; only a lone ">" must come last.
        var afterFullWildcard = false;
        foreach (var token in subject!.Split('.'))
        {
            if (token.Length == 0 || afterFullWildcard)
            {
                return false;
            }

            foreach (var c in token)
            {
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
                {
                    return false;
                }
            }

            afterFullWildcard = token == ">";
        }

        return true;
    }

    public static bool HasWildcard(string subject)
    {
        foreach (var token in subject.Split('.'))
        {
            if (token == "*" || token == ">")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some literal subject matches both patterns.</summary>
    public static bool Collide(string a, string b)
    {
        var ta = a.Split('.');
        var tb = b.Split('.');
        var n = Math.Min(ta.Length, tb.Length);
        for (var i = 0; i < n; i++)
        {
            if (ta[i] == ">" || tb[i] == ">")
            {
                return true;
            }

            if (ta[i] != "*" && tb[i] != "*" && ta[i] != tb[i])
            {
                return false;
            }
        }

        return ta.Length == tb.Length;
    }

    /// <summary>True when every subject that matches <paramref name="subset"/> also matches <paramref name="superset"/>.</summary>
    public static bool IsSubsetOf(string subset, string superset)
    {
        var ta = subset.Split('.');
        var tb = superset.Split('.');
        for (var i = 0; i < ta.Length; i++)
        {
            if (i >= tb.Length)
            {
                return false;
            }

            if (tb[i] == ">")
            {
                return true;
            }

            if (ta[i] == ">")
            {
                return false;
            }

            if (tb[i] == "*")
            {
                continue;
            }

            if (ta[i] == "*" || ta[i] != tb[i])
            {
                return false;
            }
        }

        return ta.Length == tb.Length;
    }
}
