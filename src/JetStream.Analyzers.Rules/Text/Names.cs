using System;
using System.Collections.Generic;

namespace JetStream.Analyzers.Rules.Text;

/// <summary>
/// Stream and consumer names that look like a typo of each other: equal ignoring case, or, when both have at least
/// <see cref="MinimumEditLength"/> characters, one character inserted, removed or replaced, or two neighbours swapped
/// (case ignored). An edit that involves a digit is no typo: ORDERS_1 and ORDERS_2, ORDERS and ORDERS2 are meant to differ.
/// </summary>
public static class Names
{
    public const int MinimumEditLength = 4;

    public static bool IsNearMiss(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return false;
        }

        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (a.Length < MinimumEditLength || b.Length < MinimumEditLength || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var x = a.ToUpperInvariant();
        var y = b.ToUpperInvariant();
        if (x.Length != y.Length)
        {
            var longer = x.Length > y.Length ? x : y;
            var shorter = x.Length > y.Length ? y : x;
            var at = FirstDifference(longer, shorter);
            return !char.IsDigit(longer[at]) && string.CompareOrdinal(longer, at + 1, shorter, at, shorter.Length - at) == 0;
        }

        var first = FirstDifference(x, y);
        var last = x.Length - 1;
        while (x[last] == y[last])
        {
            last--;
        }

        if (first == last)
        {
            return !char.IsDigit(x[first]) && !char.IsDigit(y[first]);
        }

        return last == first + 1 && x[first] == y[last] && x[last] == y[first] && !char.IsDigit(x[first]) && !char.IsDigit(x[last]);
    }

    /// <summary>The first index where the strings differ; the shorter one's length when it is a prefix of the other.</summary>
    private static int FirstDifference(string x, string y)
    {
        var i = 0;
        while (i < x.Length && i < y.Length && x[i] == y[i])
        {
            i++;
        }

        return i;
    }
}

/// <summary>
/// Finds the near misses (<see cref="Names.IsNearMiss"/>) of a name among many without comparing it to each: every
/// name is filed under its upper-case form and each form with one character deleted, and two names one edit apart
/// always share such a key. Adding a name costs its length in keys; a lookup, the keys of the name looked up.
/// </summary>
public sealed class NearMissIndex<T>
{
    private readonly Dictionary<string, List<(string Name, T Item)>> byKey = new(StringComparer.Ordinal);

    public void Add(string name, T item)
    {
        foreach (var key in Keys(name))
        {
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = new List<(string, T)>();
            }

            list.Add((name, item));
        }
    }

    /// <summary>The items filed under names that are a near miss of <paramref name="name"/>.</summary>
    public List<T> Find(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<T>();
        foreach (var key in Keys(name))
        {
            if (!byKey.TryGetValue(key, out var list))
            {
                continue;
            }

            // A name's items are all filed under each of its keys, so the first key that reaches a name yields all of them.
            var accepted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (candidate, item) in list)
            {
                if (accepted.Contains(candidate) || seen.Add(candidate) && Names.IsNearMiss(name, candidate) && accepted.Add(candidate))
                {
                    found.Add(item);
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> Keys(string name)
    {
        var upper = name.ToUpperInvariant();
        yield return upper;
        if (upper.Length < Names.MinimumEditLength)
        {
            yield break;
        }

        for (var i = 0; i < upper.Length; i++)
        {
            // Deleting either of two equal neighbours gives the same key; one is enough.
            if (i == 0 || upper[i] != upper[i - 1])
            {
                yield return upper.Remove(i, 1);
            }
        }
    }
}
