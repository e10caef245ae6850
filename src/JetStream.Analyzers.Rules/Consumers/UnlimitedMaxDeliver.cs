using System;
using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>JS2002: an acknowledging consumer with max_deliver unset, 0 or negative.</summary>
public sealed class UnlimitedMaxDeliver : ConsumerRule
{
    public override RuleInfo Rule => RuleCatalog.UnlimitedMaxDeliver;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        if (Acknowledges(consumer) != true || consumer.MaxDeliver.IsUnknown || consumer.MaxDeliver.IsKnown && consumer.MaxDeliver.Value > 0)
        {
            return;
        }

        var field = context.Field("max_deliver");
        var what = consumer.MaxDeliver.IsAbsent ? $"{field} is not set" : $"{field} is {consumer.MaxDeliver.Value}";
        var backoffCount = EffectiveConsumer.KnownBackoff(consumer)?.Count ?? 0;
        var value = Math.Max(context.Options.DefaultMaxDeliver, backoffCount + 1);
        findings.Add(new Finding(
            Rule,
            consumer.MaxDeliver.Origin ?? consumer.Origin,
            new object?[] { Describe.Consumer(consumer), what },
            properties: Fix("max_deliver", Invariant(value))));
    }
}
