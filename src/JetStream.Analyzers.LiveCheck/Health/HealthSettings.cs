using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.LiveCheck.Health;

/// <summary>How the health rules (JS6xxx) run with the live check.</summary>
public sealed class HealthSettings
{
    public static HealthSettings DefinedStreams => new();

    /// <summary>JetStreamHealth=true / --health: every stream of the account, not only the streams the files define.</summary>
    public bool AllStreams { get; set; }

    /// <summary>The project's options: they apply to the account and to streams no file defines.</summary>
    public RuleOptions ProjectOptions { get; set; } = RuleOptions.Default;
}
