using System;
using System.Globalization;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>A nats-server release. Rules whose outcome changed between releases compare against it.</summary>
public readonly struct ServerVersion : IComparable<ServerVersion>, IEquatable<ServerVersion>
{
    public ServerVersion(int major, int minor, int patch)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
    }

    public static readonly ServerVersion V2_9 = new(2, 9, 0);
    public static readonly ServerVersion V2_10 = new(2, 10, 0);
    public static readonly ServerVersion V2_11 = new(2, 11, 0);
    public static readonly ServerVersion V2_12 = new(2, 12, 0);
    public static readonly ServerVersion V2_14 = new(2, 14, 0);
    public static readonly ServerVersion V2_15 = new(2, 15, 0);

    /// <summary>
    /// The newest release the rules are verified against with a real server (the differential and schema tests); the
    /// default target when no version is configured.
    /// </summary>
    public static ServerVersion Newest { get; } = new(2, 15, 1);

    /// <summary>The release lines the rules model, oldest first (there is no 2.13).</summary>
    public static ServerVersion[] Releases => new[] { V2_9, V2_10, V2_11, V2_12, V2_14, V2_15 };

    public int Major { get; }

    public int Minor { get; }

    public int Patch { get; }

    /// <summary>Accepts "2.10", "2.10.14", "v2.9.10" and pre-release suffixes ("2.11.0-RC.1").</summary>
    public static bool TryParse(string? text, out ServerVersion version)
    {
        version = default;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();
        if (s.StartsWith("v", StringComparison.OrdinalIgnoreCase))
        {
            s = s.Substring(1);
        }

        var dash = s.IndexOfAny(new[] { '-', '+' });
        if (dash >= 0)
        {
            s = s.Substring(0, dash);
        }

        var parts = s.Split('.');
        if (parts.Length < 2 || parts.Length > 3)
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new ServerVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    public static ServerVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a nats-server version");

    public bool AtLeast(int major, int minor, int patch = 0) => CompareTo(new ServerVersion(major, minor, patch)) >= 0;

    public bool Before(int major, int minor, int patch = 0) => !AtLeast(major, minor, patch);

    public int CompareTo(ServerVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public bool Equals(ServerVersion other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is ServerVersion other && Equals(other);

    public override int GetHashCode() => (Major * 1000 + Minor) * 1000 + Patch;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
