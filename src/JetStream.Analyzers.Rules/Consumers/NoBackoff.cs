using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>JS2001: an acknowledging consumer that can redeliver but has no backoff.</summary>
public sealed class NoBackoff : ConsumerRule
{
    public override RuleInfo Rule => RuleCatalog.NoBackoff;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        if (Acknowledges(consumer) != true || consumer.Backoff.IsUnknown || EffectiveConsumer.KnownBackoff(consumer) is not null
            || consumer.MaxDeliver.Is(1) || EffectiveConsumer.AckWait(consumer) is not { } ackWait)
        {
            return;
        }

        var wait = Durations.Format(ackWait) + (consumer.AckWait.IsAbsent ? " (the default ack wait)" : string.Empty);
        var backoff = context.Options.DefaultBackoff;
        var backoffText = string.Join(",", backoff.Select(Invariant));

        // Name max_deliver only when it must change; a second field without a value means "same value as the first".
        var maxDeliver = RequiredMaxDeliver(consumer, context, backoff.Count);
        findings.Add(new Finding(
            Rule,
            consumer.Backoff.Origin ?? consumer.Origin,
            new object?[] { Describe.Consumer(consumer), wait },
            properties: maxDeliver is null ? Fix("backoff", backoffText) : Fix("backoff", backoffText, "max_deliver", maxDeliver)));
    }

    // Servers before 2.10.14 reject backoff unless max_deliver is explicitly greater than its length.
    private static string? RequiredMaxDeliver(ConsumerModel consumer, RuleContext context, int backoffCount)
    {
        var maxDeliver = EffectiveConsumer.MaxDeliver(consumer, context.ServerVersion);
        var needed = backoffCount + 1;
        var unlimitedAllowed = context.ServerVersion.AtLeast(2, 10, 14);
        if (maxDeliver is not { } md || md >= needed || md == -1 && unlimitedAllowed)
        {
            return null;
        }

        return Invariant(System.Math.Max(needed, context.Options.DefaultMaxDeliver));
    }
}
