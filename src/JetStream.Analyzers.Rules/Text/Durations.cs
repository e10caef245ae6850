using System;
using System.Globalization;
using System.Text;

namespace JetStream.Analyzers.Rules.Text;

/// <summary>Nanosecond durations: formatting for messages and parsing of option values.</summary>
public static class Durations
{
    public const long Nanosecond = 1;
    public const long Microsecond = 1_000;
    public const long Millisecond = 1_000_000;
    public const long Second = 1_000_000_000;
    public const long Minute = 60 * Second;
    public const long Hour = 60 * Minute;
    public const long Day = 24 * Hour;

    /// <summary>Formats like Go's time.Duration, with days for long values: "30s", "1m30s", "7d", "100ms", "1ns".</summary>
    public static string Format(long nanos)
    {
        if (nanos == 0)
        {
            return "0s";
        }

        if (nanos < 0)
        {
            return "-" + Format(nanos == long.MinValue ? long.MaxValue : -nanos);
        }

        if (nanos < Second)
        {
            return nanos % Millisecond == 0 ? Invariant(nanos / Millisecond) + "ms"
                : nanos >= Millisecond ? (nanos / (double)Millisecond).ToString("0.###", CultureInfo.InvariantCulture) + "ms"
                : nanos >= Microsecond ? (nanos / (double)Microsecond).ToString("0.###", CultureInfo.InvariantCulture) + "µs"
                : Invariant(nanos) + "ns";
        }

        var sb = new StringBuilder();
        Append(sb, ref nanos, Day, "d");
        Append(sb, ref nanos, Hour, "h");
        Append(sb, ref nanos, Minute, "m");
        if (nanos > 0)
        {
            sb.Append(nanos % Second == 0
                ? Invariant(nanos / Second)
                : (nanos / (double)Second).ToString("0.###", CultureInfo.InvariantCulture)).Append('s');
        }

        return sb.ToString();
    }

    /// <summary>Parses "500ms", "30s", "2m", "1h30m", "7d" or a bare number of seconds.</summary>
    public static bool TryParse(string? text, out long nanos)
    {
        nanos = 0;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return false;
        }

        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            // Beyond about 292 years a duration in nanoseconds no longer fits: report that rather than wrap around.
            if (seconds > long.MaxValue / Second)
            {
                return false;
            }

            nanos = seconds * Second;
            return true;
        }

        var i = 0;
        long total = 0;
        while (i < s!.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(s.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && char.IsLetter(s[i]) || i < s.Length && s[i] == 'µ')
            {
                i++;
            }

            var unit = UnitOf(s.Substring(unitStart, i - unitStart));
            if (unit == 0)
            {
                return false;
            }

            var part = Math.Round(amount * unit);
            if (part >= long.MaxValue - total)
            {
                return false;
            }

            total += (long)part;
        }

        nanos = total;
        return true;
    }

    private static long UnitOf(string unit) => unit switch
    {
        "ns" => Nanosecond,
        "us" or "µs" => Microsecond,
        "ms" => Millisecond,
        "s" => Second,
        "m" => Minute,
        "h" => Hour,
        "d" => Day,
        _ => 0,
    };

    private static void Append(StringBuilder sb, ref long nanos, long unit, string suffix)
    {
        if (nanos >= unit)
        {
            sb.Append(Invariant(nanos / unit)).Append(suffix);
            nanos %= unit;
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
