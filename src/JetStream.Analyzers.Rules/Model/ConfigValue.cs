using System.Collections.Generic;

namespace JetStream.Analyzers.Rules.Model;

public enum ValueKind
{
    /// <summary>Not set: the server default applies.</summary>
    Absent = 0,

    /// <summary>Set to a value known before run time.</summary>
    Known = 1,

    /// <summary>Set, but computed at run time (parameter, options object, server config). Rules stay silent.</summary>
    Unknown = 2,
}

/// <summary>
/// One field of a configuration as a front end saw it. <see cref="Origin"/> is an opaque token of the front end
/// (a Roslyn location, a file position) that says where the value was written; null when a front end filled in
/// a default itself (the C# client's default ack policy, a Kubernetes CRD default).
/// </summary>
public readonly struct ConfigValue<T>
{
    private ConfigValue(ValueKind kind, T value, object? origin, string? defaultNote)
    {
        Kind = kind;
        Value = value;
        Origin = origin;
        DefaultNote = defaultNote;
    }

    public ValueKind Kind { get; }

    public T Value { get; }

    public object? Origin { get; }

    /// <summary>Set when the value is a default supplied by the front end (e.g. "CRD default"); rules mention it.</summary>
    public string? DefaultNote { get; }

    public bool IsAbsent => Kind == ValueKind.Absent;

    public bool IsKnown => Kind == ValueKind.Known;

    public bool IsUnknown => Kind == ValueKind.Unknown;

    public static ConfigValue<T> Absent => default;

    public static ConfigValue<T> Known(T value, object? origin) => new(ValueKind.Known, value, origin, null);

    public static ConfigValue<T> Defaulted(T value, string? note = null) => new(ValueKind.Known, value, null, note);

    public static ConfigValue<T> Unknown(object? origin) => new(ValueKind.Unknown, default!, origin, null);

    public bool TryGet(out T value)
    {
        value = Value;
        return Kind == ValueKind.Known;
    }

    public bool Is(T expected) => Kind == ValueKind.Known && EqualityComparer<T>.Default.Equals(Value, expected);

    public override string ToString() => Kind == ValueKind.Known ? $"{Value}" : Kind.ToString();
}

public static class ConfigValueExtensions
{
    /// <summary>The value the server works with: the known value, or <paramref name="serverDefault"/> when absent; null when unknown.</summary>
    public static T? Effective<T>(this ConfigValue<T> value, T serverDefault)
        where T : struct => value.Kind switch
        {
            ValueKind.Known => value.Value,
            ValueKind.Absent => serverDefault,
            _ => null,
        };
}
