using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>
/// Effective values as comparable display text: the file's value with the server's default filled in, or null when the
/// value is unknown (then the field isn't compared). The same text is compared and shown.
/// </summary>
internal static class Values
{
    /// <summary>An effective count: -1 (and 0, which the server stores for unset limits) is "unlimited".</summary>
    public static string? Limit(long? value) => value switch
    {
        null => null,
        0 or -1 => "unlimited",
        _ => Count(value.Value),
    };

    public static string? Duration(long? nanos) => nanos is { } v ? Durations.Format(v) : null;

    public static string? Integer(long? value) => value is { } v ? Count(v) : null;

    public static string? ByteLimit(long? value) => value switch
    {
        null => null,
        0 or -1 => "unlimited",
        < 0 => Count(value.Value),
        _ => ByteSizes.Format(value.Value),
    };

    public static string? Integer(ConfigValue<long> value, long absent = 0) => value.Effective(absent) is { } v ? Count(v) : null;

    public static string? Duration(ConfigValue<long> value, long absent = 0) => value.Effective(absent) is { } v ? Durations.Format(v) : null;

    public static string? Flag(ConfigValue<bool> value) => Flag(value.Effective(false));

    public static string? Flag(bool? value) => value is { } v ? (v ? "true" : "false") : null;

    public static string? Text(ConfigValue<string> value) => value.Kind switch
    {
        ValueKind.Known => string.IsNullOrEmpty(value.Value) ? "(none)" : "'" + value.Value + "'",
        ValueKind.Absent => "(none)",
        _ => null,
    };

    public static string? Set(ConfigValue<IReadOnlyList<string>> value) => value.Kind switch
    {
        ValueKind.Known => List(value.Value ?? new string[0]),
        ValueKind.Absent => List(new string[0]),
        _ => null,
    };

    public static string List(IEnumerable<string> items)
    {
        var sorted = items.Distinct().OrderBy(s => s, System.StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "(none)" : "[" + string.Join(", ", sorted) + "]";
    }

    public static string? Enum<T>(ConfigValue<T> value, T absent)
        where T : struct, System.Enum => value.Effective(absent) is { } v ? EnumName(v) : null;

    public static string EnumName<T>(T value)
        where T : struct, System.Enum => value switch
        {
            RetentionPolicy.WorkQueue => "workqueue",
            AckPolicy.FlowControl => "flow_control",
            DeliverPolicy.ByStartSequence => "by_start_sequence",
            DeliverPolicy.ByStartTime => "by_start_time",
            DeliverPolicy.LastPerSubject => "last_per_subject",
            _ => value.ToString().ToLowerInvariant(),
        };

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
