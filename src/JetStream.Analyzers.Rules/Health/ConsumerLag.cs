using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Rules.Health;

/// <summary>JS6001: num_pending above jetstream_max_consumer_pending.</summary>
internal static class ConsumerLag
{
    public static void Check(HealthContext context, ConsumerHealth consumer, RuleOptions options)
    {
        var threshold = options.MaxConsumerPending;
        if (consumer.Counts.Pending > threshold)
        {
            context.Report(RuleCatalog.ConsumerLag, consumer, HealthContext.Consumer(consumer), HealthContext.Count(consumer.Counts.Pending), HealthContext.Count(threshold));
        }
    }
}
