namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>
/// Go's time.ParseDuration, the format of NACK manifests: "1h30m", "500ms", "-2s"; no "d" unit. Like Go, values past
/// ±2^63-1 ns (about 292 years) are refused rather than wrapped, and only ASCII digits count.
/// </summary>
internal static class GoDuration
{
    private const ulong Limit = 1UL << 63;

    public static bool TryParse(string text, out long nanos, out string? error)
    {
        nanos = 0;
        error = null;
        var s = text;
        if (s == "0")
        {
            return true;
        }

        var negative = false;
        var i = 0;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            i = 1;
        }

        if (i == s.Length)
        {
            error = "an empty duration";
            return false;
        }

        ulong total = 0;
        while (i < s.Length)
        {
            var start = i;
            ulong whole = 0;
            var overflow = false;
            while (i < s.Length && IsDigit(s[i]))
            {
                overflow |= whole > (Limit - (ulong)(s[i] - '0')) / 10;
                whole = overflow ? whole : whole * 10 + (ulong)(s[i] - '0');
                i++;
            }

            var hasWhole = i > start;
            ulong fraction = 0, scale = 1;
            var hasFraction = false;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                var fractionStart = i;
                while (i < s.Length && IsDigit(s[i]))
                {
                    // Digits past what a ulong holds can't change the result (Go drops them the same way).
                    if (scale <= ulong.MaxValue / 10 && fraction <= (ulong.MaxValue - 9) / 10)
                    {
                        fraction = fraction * 10 + (ulong)(s[i] - '0');
                        scale *= 10;
                    }

                    i++;
                }

                hasFraction = i > fractionStart;
            }

            if (!hasWhole && !hasFraction)
            {
                error = "a number is missing before a unit";
                return false;
            }

            if (overflow)
            {
                return OutOfRange(out error);
            }

            var unitStart = i;
            while (i < s.Length && !IsDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            var unit = s.Substring(unitStart, i - unitStart);
            ulong size = unit switch
            {
                "ns" => 1,
                "us" or "µs" or "μs" => 1_000,
                "ms" => 1_000_000,
                "s" => 1_000_000_000,
                "m" => 60_000_000_000,
                "h" => 3_600_000_000_000,
                _ => 0,
            };
            if (size == 0)
            {
                error = unit.Length == 0 ? "a unit is missing (ns, us, ms, s, m, h)" : $"the unit '{unit}' is not a Go duration unit (ns, us, ms, s, m, h; no 'd')";
                return false;
            }

            if (whole > Limit / size)
            {
                return OutOfRange(out error);
            }

            var value = whole * size;
            if (fraction > 0)
            {
                value += (ulong)(fraction * ((double)size / scale));
                if (value > Limit)
                {
                    return OutOfRange(out error);
                }
            }

            total += value;
            if (total > Limit)
            {
                return OutOfRange(out error);
            }
        }

        if (negative)
        {
            nanos = total == Limit ? long.MinValue : -(long)total;
            return true;
        }

        if (total > Limit - 1)
        {
            return OutOfRange(out error);
        }

        nanos = (long)total;
        return true;
    }

    private static bool OutOfRange(out string? error)
    {
        error = "out of range: Go durations hold at most 2562047h47m16.854775807s";
        return false;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
