using System.Globalization;

namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>Go's time.ParseDuration, the format of NACK manifests: "1h30m", "500ms", "-2s"; no "d" unit.</summary>
internal static class GoDuration
{
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
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s.Substring(1);
        }

        if (s.Length == 0)
        {
            error = "an empty duration";
            return false;
        }

        double total = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(s.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                error = "a number is missing before a unit";
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            var unit = s.Substring(unitStart, i - unitStart);
            double scale = unit switch
            {
                "ns" => 1,
                "us" or "µs" or "μs" => 1e3,
                "ms" => 1e6,
                "s" => 1e9,
                "m" => 60e9,
                "h" => 3600e9,
                _ => 0,
            };
            if (scale == 0)
            {
                error = unit.Length == 0 ? "a unit is missing (ns, us, ms, s, m, h)" : $"the unit '{unit}' is not a Go duration unit (ns, us, ms, s, m, h; no 'd')";
                return false;
            }

            total += amount * scale;
        }

        nanos = (long)(negative ? -total : total);
        return true;
    }
}
