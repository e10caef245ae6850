using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace JetStream.Analyzers.Configuration;

/// <summary>
/// The configuration a <c>?:</c>, <c>??</c> or switch expression yields, judged on every branch: a property all
/// branches set to the same value (the same constant, or the same expression text) or that no branch sets is
/// known; a property the branches disagree on is unknown, so no rule fires on it.
/// </summary>
internal static class ConfigMerge
{
    /// <summary>The agreed configuration, created at <paramref name="whole"/>; null when there is no branch.</summary>
    public static ConfigObject? Agreed(IReadOnlyList<ConfigObject> branches, IOperation whole)
    {
        if (branches.Count == 0)
        {
            return null;
        }

        if (branches.Count == 1)
        {
            return branches[0];
        }

        // Diagnostics about absent fields go to the whole expression: a fix in one branch would not fix the others.
        var merged = new ConfigObject(whole.Type ?? branches[0].Type, whole.Syntax);
        foreach (var name in Names(branches, b => b.ConstructorArguments.Keys))
        {
            // An argument the branches disagree on (or that only some pass) is stood for by the whole expression,
            // which no value reader can read.
            merged.ConstructorArguments[name] = AgreedArgument(branches, name) ?? whole;
        }

        foreach (var name in Names(branches, b => b.Writes.Keys))
        {
            merged.Writes[name] = AgreedWrite(branches, name);
        }

        return merged;
    }

    private static IOperation? AgreedArgument(IReadOnlyList<ConfigObject> branches, string name)
    {
        if (!branches[0].ConstructorArguments.TryGetValue(name, out var first))
        {
            return null;
        }

        for (var i = 1; i < branches.Count; i++)
        {
            if (!branches[i].ConstructorArguments.TryGetValue(name, out var other) || !Same(first, other))
            {
                return null;
            }
        }

        return first;
    }

    private static PropertyWrite AgreedWrite(IReadOnlyList<ConfigObject> branches, string name)
    {
        PropertyWrite? first = null;
        var agreed = true;
        foreach (var branch in branches)
        {
            if (!branch.Writes.TryGetValue(name, out var write))
            {
                agreed = false;
                continue;
            }

            if (first is not { } f)
            {
                first = write;
                agreed &= !write.Uncertain && write.Value is not null;
            }
            else if (write.Uncertain || write.Value is null || f.Value is null || !Same(f.Value, write.Value))
            {
                agreed = false;
            }
        }

        var node = first!.Value.Node;
        return agreed ? first.Value : new PropertyWrite(null, node, uncertain: true);
    }

    /// <summary>The same value on every path: equal constants, or expressions spelled the same.</summary>
    private static bool Same(IOperation a, IOperation b)
    {
        if (a.ConstantValue.HasValue || b.ConstantValue.HasValue)
        {
            return a.ConstantValue.HasValue && b.ConstantValue.HasValue && Equals(a.ConstantValue.Value, b.ConstantValue.Value)
                && SymbolEqualityComparer.Default.Equals(a.Type, b.Type);
        }

        return SyntaxFactory.AreEquivalent(a.Syntax, b.Syntax, topLevel: false);
    }

    private static IEnumerable<string> Names(IReadOnlyList<ConfigObject> branches, System.Func<ConfigObject, IEnumerable<string>> names)
    {
        var seen = new HashSet<string>();
        foreach (var branch in branches)
        {
            foreach (var name in names(branch))
            {
                if (seen.Add(name))
                {
                    yield return name;
                }
            }
        }
    }
}
