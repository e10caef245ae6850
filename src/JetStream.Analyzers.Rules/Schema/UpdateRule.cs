using System;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Rules.Schema;

/// <summary>
/// Whether an update request may change a field, and the server's error when it may not. Values are compared as the
/// live check shows them ("true", "workqueue", "(none)", ...).
/// </summary>
public sealed class UpdateRule
{
    private readonly Func<string, string, ServerVersion, string?> check;

    private UpdateRule(Func<string, string, ServerVersion, string?> check, bool always)
    {
        this.check = check;
        IsAlways = always;
    }

    /// <summary>Any update may change the field.</summary>
    public static UpdateRule Always { get; } = new((_, _, _) => null, always: true);

    public bool IsAlways { get; }

    /// <summary>No update may change the field on servers from <paramref name="since"/> up to (not including) <paramref name="until"/>.</summary>
    public static UpdateRule Never(string error, ServerVersion? since = null, ServerVersion? until = null) =>
        new((_, _, version) => InRange(version, since, until) ? error : null, always: false);

    /// <summary>A switch that can be turned on by an update but not off again.</summary>
    public static UpdateRule NotOff(string error, ServerVersion? since = null) =>
        new((requested, _, version) => requested == "false" && InRange(version, since, null) ? error : null, always: false);

    /// <summary>A rule that depends on both values: returns the server's error, or null when the update may make the change.</summary>
    public static UpdateRule When(Func<string, string, ServerVersion, string?> check) => new(check, always: false);

    /// <summary>The server's error for changing the field from <paramref name="current"/> to <paramref name="requested"/>, or null.</summary>
    public string? Check(string requested, string current, ServerVersion version) => check(requested, current, version);

    private static bool InRange(ServerVersion version, ServerVersion? since, ServerVersion? until) =>
        (since is not { } s || version.CompareTo(s) >= 0) && (until is not { } u || version.CompareTo(u) < 0);
}
