using System.Collections.Generic;
using System.Globalization;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>A check over one stream configuration.</summary>
public abstract class StreamRule
{
    public abstract RuleInfo Rule { get; }

    public abstract void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings);

    protected Finding Report(object? origin, params object?[] arguments) => new(Rule, origin, arguments);

    protected static IReadOnlyDictionary<string, string> Fix(string field, string value, string? secondField = null, string? secondValue = null) =>
        FixProperties.Create(field, value, secondField, secondValue);

    protected static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A check over one consumer configuration.</summary>
public abstract class ConsumerRule
{
    public abstract RuleInfo Rule { get; }

    public abstract void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings);

    protected Finding Report(object? origin, params object?[] arguments) => new(Rule, origin, arguments);

    protected static IReadOnlyDictionary<string, string> Fix(string field, string value, string? secondField = null, string? secondValue = null) =>
        FixProperties.Create(field, value, secondField, secondValue);

    protected static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the consumer acknowledges messages, i.e. redelivery applies. Null when unknown.</summary>
    protected static bool? Acknowledges(ConsumerModel consumer) => consumer.AckPolicy.Kind switch
    {
        ValueKind.Absent => false, // the server's default is none
        ValueKind.Known => consumer.AckPolicy.Value is AckPolicy.Explicit or AckPolicy.All,
        _ => null,
    };
}
