using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Rules.Health;

/// <summary>JS6007: more consumers on a stream than jetstream_max_consumers_per_stream, or in the account than jetstream_max_consumers_per_account.</summary>
internal static class TooManyConsumers
{
    public static void Check(HealthContext context, StreamHealth stream, RuleOptions options)
    {
        var threshold = options.MaxConsumersPerStream;
        if (stream.ConsumerCount > threshold)
        {
            context.Report(RuleCatalog.TooManyConsumers, stream, HealthContext.Stream(stream), Consumers(stream.ConsumerCount), HealthContext.Count(threshold) + " per stream");
        }
    }

    public static void Check(HealthContext context, AccountUsage account)
    {
        var threshold = context.AccountOptions.MaxConsumersPerAccount;
        if (account.Consumers > threshold)
        {
            context.ReportAccount(RuleCatalog.TooManyConsumers, $"The account at {context.Snapshot.Server}", $"{Consumers(account.Consumers)} on {Describe.Plural(account.Streams, "stream")}", HealthContext.Count(threshold) + " in the account");
        }
    }

    private static string Consumers(long count) => count == 1 ? "1 consumer" : HealthContext.Count(count) + " consumers";
}
