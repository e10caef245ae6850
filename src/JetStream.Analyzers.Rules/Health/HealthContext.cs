using System;
using System.Collections.Generic;
using System.Globalization;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Rules.Health;

/// <summary>
/// The snapshot the health rules read, the options that apply to each stream (a stream defined in a file takes the
/// file's options, the others and the account the project's), where each finding goes, and the findings.
/// </summary>
public sealed class HealthContext
{
    private readonly Func<StreamHealth, RuleOptions> streamOptions;
    private readonly Func<string, string?, object?> origin;

    /// <param name="origin">The front end's location for a stream (consumer null) or one of its consumers; null for none.</param>
    public HealthContext(HealthSnapshot snapshot, RuleOptions accountOptions, Func<StreamHealth, RuleOptions>? streamOptions = null, Func<string, string?, object?>? origin = null)
    {
        Snapshot = snapshot;
        AccountOptions = accountOptions;
        this.streamOptions = streamOptions ?? (_ => accountOptions);
        this.origin = origin ?? ((_, _) => null);
    }

    public HealthSnapshot Snapshot { get; }

    public RuleOptions AccountOptions { get; }

    public List<Finding> Findings { get; } = new();

    public RuleOptions OptionsFor(StreamHealth stream) => streamOptions(stream);

    public void Report(RuleInfo rule, StreamHealth stream, params object?[] arguments) => Findings.Add(new Finding(rule, origin(stream.Name, null), arguments));

    public void Report(RuleInfo rule, ConsumerHealth consumer, params object?[] arguments) => Findings.Add(new Finding(rule, origin(consumer.Stream, consumer.Name), arguments));

    public void ReportAccount(RuleInfo rule, params object?[] arguments) => Findings.Add(new Finding(rule, null, arguments));

    public static string Stream(StreamHealth stream) => $"Stream '{stream.Name}'";

    public static string Consumer(ConsumerHealth consumer) => $"Consumer '{consumer.Name}' on stream '{consumer.Stream}'";

    /// <summary>A share as a percentage: "95%", "4.5%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
