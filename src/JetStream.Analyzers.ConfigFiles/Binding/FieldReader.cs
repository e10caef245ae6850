using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>
/// Reads typed values out of document nodes. A value of the wrong type is reported (JS4003) and becomes unknown,
/// so no rule reasons about it further; JSON null and NACK's empty strings count as not set.
/// </summary>
internal sealed class FieldReader
{
    private const long SuspiciousNanos = Durations.Millisecond;
    private readonly Reporter reporter;

    public FieldReader(Reporter reporter, ConfigFormat format, ServerVersion version)
    {
        this.reporter = reporter;
        Format = format;
        Version = version;
    }

    public ConfigFormat Format { get; }

    public ServerVersion Version { get; }

    /// <summary>What messages call the definition being read, e.g. "Stream 'ORDERS'".</summary>
    public string Subject { get; set; } = "The definition";

    public ConfigValue<string> String(ConfigNode node, string field)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<string>.Absent;
        }

        return node is ScalarNode { Kind: ScalarKind.String } s ? ConfigValue<string>.Known(s.Text, s.Span) : Invalid<string>(node, field, "a string");
    }

    public ConfigValue<long> Integer(ConfigNode node, string field, long min = long.MinValue, long max = long.MaxValue)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<long>.Absent;
        }

        if (node is not ScalarNode { Kind: ScalarKind.Number } s || !long.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Invalid<long>(node, field, "an integer" + UnitHint(field));
        }

        if (value < min || value > max)
        {
            return Invalid<long>(node, field, max == long.MaxValue ? $"an integer of at least {min}" : $"an integer from {min} to {max}");
        }

        return ConfigValue<long>.Known(value, s.Span);
    }

    public ConfigValue<ulong> UnsignedInteger(ConfigNode node, string field)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<ulong>.Absent;
        }

        return node is ScalarNode { Kind: ScalarKind.Number } s && ulong.TryParse(s.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? ConfigValue<ulong>.Known(value, s.Span)
            : Invalid<ulong>(node, field, "a non-negative integer");
    }

    public ConfigValue<bool> Bool(ConfigNode node, string field)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<bool>.Absent;
        }

        return node is ScalarNode { Kind: ScalarKind.Boolean } s
            ? ConfigValue<bool>.Known(string.Equals(s.Text, "true", StringComparison.OrdinalIgnoreCase), s.Span)
            : Invalid<bool>(node, field, "true or false");
    }

    public ConfigValue<T> Enum<T>(ConfigNode node, string field, IReadOnlyDictionary<string, T> values, bool ignoreCase = false)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null } || Format == ConfigFormat.Nack && node is ScalarNode { Kind: ScalarKind.String, Text: "" })
        {
            return ConfigValue<T>.Absent;
        }

        if (node is ScalarNode { Kind: ScalarKind.String } s)
        {
            foreach (var pair in values)
            {
                if (string.Equals(pair.Key, s.Text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                {
                    return ConfigValue<T>.Known(pair.Value, s.Span);
                }
            }
        }

        var allowed = string.Join(", ", values.Keys.Where(k => k.Length > 0).Select(k => $"\"{k}\""));
        return Invalid<T>(node, field, "one of " + allowed + (ignoreCase ? string.Empty : " (case-sensitive)"));
    }

    /// <summary>API: integer nanoseconds; NACK: a Go duration string.</summary>
    public ConfigValue<long> Duration(ConfigNode node, string field)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<long>.Absent;
        }

        if (Format == ConfigFormat.Nack)
        {
            if (node is not ScalarNode { Kind: ScalarKind.String } text)
            {
                return Invalid<long>(node, field, "a Go duration string such as \"30s\" or \"24h\"");
            }

            if (text.Text.Length == 0)
            {
                return ConfigValue<long>.Absent;
            }

            return GoDuration.TryParse(text.Text, out var parsed, out var error)
                ? ConfigValue<long>.Known(parsed, text.Span)
                : Invalid<long>(node, field, $"a Go duration string such as \"30s\" or \"24h\" ({error})");
        }

        if (node is ScalarNode { Kind: ScalarKind.String } quoted)
        {
            return Invalid<long>(node, field, "an integer number of nanoseconds" + (Durations.TryParse(quoted.Text, out var meant) ? $" ({meant} for \"{quoted.Text}\")" : string.Empty));
        }

        var value = Integer(node, field);
        if (value.TryGet(out var nanos) && nanos > 0 && nanos < SuspiciousNanos)
        {
            reporter.Add(RuleCatalog.DurationInSeconds, ((ScalarNode)node).Span, Subject, field, nanos, Durations.Format(nanos), checked(nanos * Durations.Second).ToString(CultureInfo.InvariantCulture));
        }

        return value;
    }

    public ConfigValue<IReadOnlyList<string>> StringList(ConfigNode node, string field)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<IReadOnlyList<string>>.Absent;
        }

        if (node is not SequenceNode list)
        {
            return Invalid<IReadOnlyList<string>>(node, field, "a list of strings");
        }

        var items = new List<string>(list.Items.Count);
        foreach (var item in list.Items)
        {
            if (item is not ScalarNode { Kind: ScalarKind.String } s)
            {
                Invalid<string>(item, field, "a list of strings");
                return ConfigValue<IReadOnlyList<string>>.Unknown(list.Span);
            }

            items.Add(s.Text);
        }

        return ConfigValue<IReadOnlyList<string>>.Known(items, list.Span);
    }

    public ConfigValue<IReadOnlyList<long>> DurationList(ConfigNode node, string field)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<IReadOnlyList<long>>.Absent;
        }

        if (node is not SequenceNode list)
        {
            return Invalid<IReadOnlyList<long>>(node, field, Format == ConfigFormat.Nack ? "a list of Go durations" : "a list of nanosecond integers");
        }

        var items = new List<long>(list.Items.Count);
        foreach (var item in list.Items)
        {
            var value = Duration(item, field);
            if (!value.TryGet(out var nanos))
            {
                return ConfigValue<IReadOnlyList<long>>.Unknown(list.Span);
            }

            items.Add(nanos);
        }

        return ConfigValue<IReadOnlyList<long>>.Known(items, list.Span);
    }

    /// <summary>An RFC 3339 time; the rules only need to know whether one is set.</summary>
    public ConfigValue<bool> Timestamp(ConfigNode node, string field)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null } || node is ScalarNode { Kind: ScalarKind.String, Text: "" })
        {
            return ConfigValue<bool>.Absent;
        }

        return node is ScalarNode { Kind: ScalarKind.String } s
            && DateTimeOffset.TryParse(s.Text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && s.Text.Contains("T")
            ? ConfigValue<bool>.Known(true, s.Span)
            : Invalid<bool>(node, field, "an RFC 3339 time such as \"2024-01-31T12:00:00Z\"");
    }

    /// <summary>A string-to-string map; the value is the byte size the server counts against its limit.</summary>
    public ConfigValue<long> Metadata(ConfigNode node, string field)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null })
        {
            return ConfigValue<long>.Absent;
        }

        if (node is not MappingNode map)
        {
            return Invalid<long>(node, field, "a mapping of strings to strings");
        }

        long size = 0;
        foreach (var entry in map.Entries)
        {
            if (entry.Value is not ScalarNode { Kind: ScalarKind.String } value)
            {
                Invalid<string>(entry.Value, field + "." + entry.Key.Text, "a string");
                return ConfigValue<long>.Unknown(map.Span);
            }

            size += Encoding.UTF8.GetByteCount(entry.Key.Text) + Encoding.UTF8.GetByteCount(value.Text);
        }

        return ConfigValue<long>.Known(size, map.Span);
    }

    public MappingNode? Mapping(ConfigNode node, string field)
    {
        if (node is MappingNode map)
        {
            return map;
        }

        if (node is not ScalarNode { Kind: ScalarKind.Null })
        {
            Invalid<bool>(node, field, "a mapping");
        }

        return null;
    }

    /// <summary>Reports keys that are not in <paramref name="known"/> (JS4002), with the closest known key as a suggestion.</summary>
    public void CheckFields(MappingNode map, IReadOnlyCollection<string> known)
    {
        foreach (var entry in map.Entries)
        {
            if (known.Contains(entry.Key.Text))
            {
                continue;
            }

            var suggestion = FieldSuggestions.Closest(entry.Key.Text, known);
            var hint = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
            string consequence;
            var severity = RuleSeverity.Warning;
            if (Format == ConfigFormat.Nack)
            {
                consequence = "Kubernetes drops fields the NACK resource doesn't define, or rejects them with strict field validation";
            }
            else if (Version.AtLeast(2, 12))
            {
                consequence = $"NATS server {Version} rejects the request (\"invalid JSON: json: unknown field\")";
                severity = RuleSeverity.Error;
            }
            else
            {
                consequence = $"NATS server {Version} and the nats CLI drop it without a word";
            }

            reporter.Add(RuleCatalog.UnknownField, entry.Key.Span, severity, Subject, entry.Key.Text, hint, consequence);
        }
    }

    private ConfigValue<T> Invalid<T>(ConfigNode node, string field, string expected)
    {
        reporter.Add(RuleCatalog.InvalidValue, node.Span, Subject, field, expected, node.Describe());
        return ConfigValue<T>.Unknown(node.Span);
    }

    private static string UnitHint(string field) =>
        field.IndexOf("bytes", StringComparison.OrdinalIgnoreCase) >= 0 || field.IndexOf("Bytes", StringComparison.Ordinal) >= 0
            ? " number of bytes (no units such as \"10GB\")"
            : string.Empty;
}
