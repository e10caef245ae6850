using JetStream.Analyzers.Rules.Catalog;

namespace JetStream.Analyzers.Rules.Health;

/// <summary>JS6002: as many messages pending acknowledgement as max_ack_pending allows.</summary>
internal static class ConsumerStalled
{
    public static void Check(HealthContext context, ConsumerHealth consumer)
    {
        if (!consumer.Acks || consumer.MaxAckPending <= 0 || consumer.Counts.AckPending < consumer.MaxAckPending)
        {
            return;
        }

        var waiting = consumer.Counts.Pending > 0 ? $", while {HealthContext.Count(consumer.Counts.Pending)} more wait in the stream" : string.Empty;
        context.Report(RuleCatalog.ConsumerStalled, consumer, HealthContext.Consumer(consumer), HealthContext.Count(consumer.Counts.AckPending), HealthContext.Count(consumer.MaxAckPending), waiting);
    }
}
