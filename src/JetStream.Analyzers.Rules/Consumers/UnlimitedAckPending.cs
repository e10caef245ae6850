using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>JS2008: an acknowledging consumer whose max_ack_pending is -1 (from 2.12 also anything below, which the server makes -1).</summary>
public sealed class UnlimitedAckPending : ConsumerRule
{
    public override RuleInfo Rule => RuleCatalog.UnlimitedAckPending;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        if (Acknowledges(consumer) != true || !consumer.MaxAckPending.TryGet(out var pending)
            || !(pending == -1 || pending < -1 && context.ServerVersion.AtLeast(2, 12)))
        {
            return;
        }

        findings.Add(new Finding(
            Rule,
            consumer.MaxAckPending.Origin ?? consumer.Origin,
            new object?[] { Describe.Consumer(consumer), context.Field("max_ack_pending"), Invariant(EffectiveConsumer.DefaultMaxAckPending) },
            properties: Fix("max_ack_pending", Invariant(EffectiveConsumer.DefaultMaxAckPending))));
    }
}
