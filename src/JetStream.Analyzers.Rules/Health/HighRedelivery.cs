using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Rules.Health;

/// <summary>JS6003: num_redelivered above jetstream_max_redelivered_ratio of the deliveries (delivered.consumer_seq).</summary>
internal static class HighRedelivery
{
    public static void Check(HealthContext context, ConsumerHealth consumer, RuleOptions options)
    {
        var counts = consumer.Counts;
        if (!consumer.Acks || counts.Redelivered <= 0 || counts.Deliveries <= 0)
        {
            return;
        }

        var ratio = (double)counts.Redelivered / counts.Deliveries;
        var threshold = options.MaxRedeliveredRatio;
        if (ratio > threshold)
        {
            context.Report(RuleCatalog.HighRedelivery, consumer, HealthContext.Consumer(consumer), HealthContext.Count(counts.Redelivered),
                HealthContext.Percent(ratio), HealthContext.Count(counts.Deliveries), HealthContext.Percent(threshold));
        }
    }
}
