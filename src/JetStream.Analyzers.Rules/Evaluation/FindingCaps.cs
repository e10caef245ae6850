using System.Globalization;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>
/// Bounds on output, so that a pathological input gives a readable report instead of a flood: findings of one rule
/// in one file, related locations in one message, and how far past a cap findings are still counted.
/// </summary>
public static class FindingCaps
{
    /// <summary>Findings of one rule in one file (and overlap reasons in one verdict) listed before a summary.</summary>
    public const int PerRule = 100;

    /// <summary>Other locations named in one message ("and 1,997 more").</summary>
    public const int RelatedLocations = 10;

    /// <summary>Past a cap, counting stops here so that counting costs no more than listing would.</summary>
    public const int Counted = 100_000;

    /// <summary>"1,997" or, past <see cref="Counted"/>, "more than 100,000".</summary>
    public static string Count(int more) =>
        (more >= Counted ? "more than " : string.Empty) + more.ToString("N0", CultureInfo.InvariantCulture);
}
