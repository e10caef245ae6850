using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>JS2006: the effective ack wait (backoff[0] when backoff is set) below jetstream_min_ack_wait.</summary>
public sealed class ShortAckWait : ConsumerRule
{
    public override RuleInfo Rule => RuleCatalog.ShortAckWait;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        var minimum = context.Options.MinAckWait;
        if (Acknowledges(consumer) != true || EffectiveConsumer.AckWait(consumer) is not { } wait || wait <= 0 || wait >= minimum)
        {
            return;
        }

        var fromBackoff = EffectiveConsumer.KnownBackoff(consumer) is not null;
        var shown = Durations.Format(wait) + (!fromBackoff && consumer.AckWait.DefaultNote is { } note ? $" ({note})" : string.Empty);
        var origin = (fromBackoff ? consumer.Backoff.Origin : consumer.AckWait.Origin) ?? consumer.Origin;
        var why = fromBackoff ? "; with a backoff schedule its first value is the ack wait" : string.Empty;
        findings.Add(Report(origin, Describe.Consumer(consumer), shown, Durations.Format(minimum), why));
    }
}
