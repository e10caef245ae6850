using System.Collections.Generic;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Rules.Health;

/// <summary>JS6001–JS6008 over a health snapshot, in one pass over its streams and consumers.</summary>
public static class HealthRules
{
    public static List<Finding> Run(HealthContext context)
    {
        foreach (var stream in context.Snapshot.Streams)
        {
            var options = context.OptionsFor(stream);
            StreamNearLimit.Check(context, stream, options);
            UpstreamBehind.Check(context, stream, options);
            ReplicaBehind.Check(context, stream);
            TooManyConsumers.Check(context, stream, options);
            foreach (var consumer in stream.Consumers ?? System.Array.Empty<ConsumerHealth>())
            {
                ConsumerLag.Check(context, consumer, options);
                ConsumerStalled.Check(context, consumer);
                HighRedelivery.Check(context, consumer, options);
                ReplicaBehind.Check(context, consumer);
            }
        }

        TooManyConsumers.Check(context, context.Snapshot.Account);
        AccountNearLimit.Check(context, context.Snapshot.Account);
        return context.Findings;
    }
}
