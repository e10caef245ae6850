using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>One rule violation. <see cref="Origin"/> is the front end's location token where the user fixes it.</summary>
public sealed class Finding
{
    private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

    public Finding(RuleInfo rule, object? origin, object?[] arguments, RuleSeverity? severity = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        Rule = rule;
        Origin = origin;
        Arguments = arguments;
        Severity = severity ?? rule.DefaultSeverity;
        Properties = properties ?? NoProperties;
    }

    public RuleInfo Rule { get; }

    public object? Origin { get; }

    public object?[] Arguments { get; }

    /// <summary>The severity this finding asks for before user configuration (JS1006 raises it for critical streams).</summary>
    public RuleSeverity Severity { get; }

    /// <summary>Facts a code fix needs: which field to set (<see cref="FixProperties.Field"/>) and to what.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, Rule.MessageFormat, Arguments);

    public override string ToString() => $"{Rule.Id}: {Message}";
}

/// <summary>Keys of <see cref="Finding.Properties"/>, shared with the code fixes.</summary>
public static class FixProperties
{
    /// <summary>JSON name of the field to set, e.g. "num_replicas".</summary>
    public const string Field = "field";

    /// <summary>Value to set, in invariant text (an integer, "true", a duration in ns, a comma list of ns).</summary>
    public const string Value = "value";

    /// <summary>A second field the same fix sets (deny_purge beside deny_delete, idle_heartbeat beside flow_control).</summary>
    public const string SecondField = "field2";

    /// <summary>Value for <see cref="SecondField"/>; absent means the same as <see cref="Value"/>.</summary>
    public const string SecondValue = "value2";

    public static IReadOnlyDictionary<string, string> Create(string field, string value, string? secondField = null, string? secondValue = null)
    {
        var properties = new Dictionary<string, string> { [Field] = field, [Value] = value };
        if (secondField is not null)
        {
            properties[SecondField] = secondField;
            properties[SecondValue] = secondValue ?? value;
        }

        return properties;
    }
}
