using System.Globalization;

namespace JetStream.Analyzers.Rules.Text;

/// <summary>Byte counts in option values ("10GB", "512MiB", "1048576") and in messages.</summary>
public static class ByteSizes
{
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return false;
        }

        var i = 0;
        while (i < s!.Length && char.IsDigit(s[i]))
        {
            i++;
        }

        if (i == 0 || !long.TryParse(s.Substring(0, i), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        long unit = s.Substring(i).Trim().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => 1L << 10,
            "M" or "MB" or "MIB" => 1L << 20,
            "G" or "GB" or "GIB" => 1L << 30,
            "T" or "TB" or "TIB" => 1L << 40,
            _ => 0,
        };
        if (unit == 0 || amount > long.MaxValue / unit)
        {
            return false;
        }

        bytes = amount * unit;
        return true;
    }

    public static string Format(long bytes)
    {
        string[] units = { "B", "KiB", "MiB", "GiB", "TiB" };
        var i = 0;
        var value = bytes;
        while (i < units.Length - 1 && value >= 1024 && value % 1024 == 0)
        {
            value /= 1024;
            i++;
        }

        return value.ToString(CultureInfo.InvariantCulture) + " " + units[i];
    }
}
