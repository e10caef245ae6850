using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
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

    // RFC 3339 as Go's time.Time decodes it: a 'T', seconds, an optional fraction and a zone are required.
    private static readonly Regex Rfc3339 = new(
        @"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant);

    // .NET parses at most 7 fraction digits; Go writes up to 9.
    private static readonly Regex FractionBeyondTicks = new(@"(\.\d{7})\d+", RegexOptions.CultureInvariant);

    private readonly Reporter reporter;

    // True while reading a field the target server doesn't know: it ignores the field, so a bad value is only a warning.
    private bool unknownToServer;

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

    /// <param name="rejectsNull">
    /// True for the server's enum types with their own JSON decoding (retention, discard, storage, deliver/ack/replay
    /// policy): in the JetStream API format they refuse a JSON null ("invalid JSON") instead of leaving the default.
    /// </param>
    public ConfigValue<T> Enum<T>(ConfigNode node, string field, IReadOnlyDictionary<string, T> values, bool ignoreCase = false, bool rejectsNull = false)
    {
        var isNull = node is ScalarNode { Kind: ScalarKind.Null };
        if (isNull && !(rejectsNull && Format == ConfigFormat.Api) || Format == ConfigFormat.Nack && node is ScalarNode { Kind: ScalarKind.String, Text: "" })
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

    /// <summary>
    /// An RFC 3339 time; the rules only need to know whether one is set. In the JetStream API format an empty string
    /// is not "not set": Go's time decoding refuses it (NACK treats "" as not set).
    /// </summary>
    public ConfigValue<bool> Timestamp(ConfigNode node, string field)
    {
        if (node is ScalarNode { Kind: ScalarKind.Null } || Format == ConfigFormat.Nack && node is ScalarNode { Kind: ScalarKind.String, Text: "" })
        {
            return ConfigValue<bool>.Absent;
        }

        return node is ScalarNode { Kind: ScalarKind.String } s && IsRfc3339(s.Text)
            ? ConfigValue<bool>.Known(true, s.Span)
            : Invalid<bool>(node, field, "an RFC 3339 time such as \"2024-01-31T12:00:00Z\"");
    }

    /// <summary>
    /// The instant of a timestamp <see cref="Timestamp"/> accepted, as UTC text to compare with (a file's time and the
    /// server's copy of it may differ in offset and in trailing zeros); absent or unknown as <paramref name="presence"/> is.
    /// </summary>
    public static ConfigValue<string> Instant(ConfigNode node, ConfigValue<bool> presence)
    {
        if (!presence.Is(true) || node is not ScalarNode { Kind: ScalarKind.String } s)
        {
            return presence.IsAbsent ? ConfigValue<string>.Absent : ConfigValue<string>.Unknown(presence.Origin);
        }

        var text = FractionBeyondTicks.Replace(s.Text, "$1");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? ConfigValue<string>.Known(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture), s.Span)
            : ConfigValue<string>.Unknown(s.Span);
    }

    private static bool IsRfc3339(string text)
    {
        var match = Rfc3339.Match(text);
        if (!match.Success)
        {
            return false;
        }

        int Part(int group) => int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var (year, month, day, hour, minute, second) = (Part(1), Part(2), Part(3), Part(4), Part(5), Part(6));
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(1, year), month) && hour <= 23 && minute <= 59 && second <= 59;
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

    /// <summary>Reports a value of the wrong shape (JS4003).</summary>
    public void Mismatch(ConfigNode node, string field, string expected) => Invalid<bool>(node, field, expected);

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

    /// <summary>
    /// The field <paramref name="key"/> sets: itself when known; in the JetStream API format also a known field that
    /// differs only in case, since Go's JSON decoder matches field names case-insensitively. Null when unknown.
    /// </summary>
    public string? Resolve(string key, IReadOnlyCollection<string> known)
    {
        if (known.Contains(key))
        {
            return key;
        }

        return Format == ConfigFormat.Api ? known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) : null;
    }

    /// <summary>While reading a field added in <paramref name="since"/>: a target server that doesn't know it ignores it.</summary>
    public IDisposable Reading(ServerVersion? since)
    {
        var outer = unknownToServer;
        unknownToServer = outer || Format == ConfigFormat.Api && since is { } s && Version.CompareTo(s) < 0 && Version.Before(2, 12);
        return new Restore(this, outer);
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

            if (Resolve(entry.Key.Text, known) is { } sameField)
            {
                reporter.Add(RuleCatalog.UnknownField, entry.Key.Span, RuleSeverity.Warning, Subject, entry.Key.Text, $" (the field is '{sameField}')",
                    $"NATS server {Version} reads it as '{sameField}' (Go matches JSON field names case-insensitively), but other tools may not");
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

    /// <summary>A field the target release no longer has (JS4002): an unknown field to it, refused under strict JSON.</summary>
    public void RemovedField(ScalarNode key, ServerVersion removedIn) =>
        reporter.Add(RuleCatalog.UnknownField, key.Span, Version.AtLeast(2, 12) ? RuleSeverity.Error : RuleSeverity.Warning, Subject, key.Text,
            $" (nats-server {removedIn} removed it)",
            Version.AtLeast(2, 12)
                ? $"NATS server {Version} rejects the request (\"invalid JSON: json: unknown field\")"
                : $"NATS server {Version} drops it without a word");

    private ConfigValue<T> Invalid<T>(ConfigNode node, string field, string expected)
    {
        if (unknownToServer)
        {
            reporter.Add(RuleCatalog.InvalidValue, node.Span, RuleSeverity.Warning, Subject, field, expected,
                $"{node.Describe()} (NATS server {Version} does not know the field and ignores it; newer servers reject the value)");
        }
        else
        {
            reporter.Add(RuleCatalog.InvalidValue, node.Span, Subject, field, expected, node.Describe());
        }

        return ConfigValue<T>.Unknown(node.Span);
    }

    private sealed class Restore : IDisposable
    {
        private readonly FieldReader reader;
        private readonly bool outer;

        public Restore(FieldReader reader, bool outer)
        {
            this.reader = reader;
            this.outer = outer;
        }

        public void Dispose() => reader.unknownToServer = outer;
    }

    private static string UnitHint(string field) =>
        field.IndexOf("bytes", StringComparison.OrdinalIgnoreCase) >= 0 || field.IndexOf("Bytes", StringComparison.Ordinal) >= 0
            ? " number of bytes (no units such as \"10GB\")"
            : string.Empty;
}
