using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>JS2010: a durable consumer with a positive inactive_threshold, which the server deletes after that much inactivity.</summary>
public sealed class DurableWithInactiveThreshold : ConsumerRule
{
    public override RuleInfo Rule => RuleCatalog.DurableWithInactiveThreshold;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        if (!consumer.DurableName.TryGet(out var durable) || string.IsNullOrEmpty(durable)
            || EffectiveConsumer.NotNegative(consumer.InactiveThreshold, context.ServerVersion) is not { } threshold || threshold <= 0)
        {
            return;
        }

        findings.Add(Report(
            consumer.InactiveThreshold.Origin ?? consumer.Origin,
            Describe.Consumer(consumer), context.Field("inactive_threshold"), Durations.Format(threshold)));
    }
}
