using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>JS2101: a consumer setting the target server does not know and drops; filter_subjects on 2.9 unfilters the consumer.</summary>
public sealed class ConsumerSettingIgnoredByServer : ConsumerRule
{
    private static readonly ServerVersion V210 = Since("filter_subjects");
    private static readonly ServerVersion V211 = Since("pause_until");

    public override RuleInfo Rule => RuleCatalog.ConsumerSettingIgnoredByServer;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        var version = context.ServerVersion;
        if (version.CompareTo(V210) < 0)
        {
            if (consumer.FilterSubjects.TryGet(out var filters) && filters is { Count: > 0 })
            {
                var unfiltered = consumer.FilterSubject.IsAbsent || consumer.FilterSubject.Is(string.Empty) || consumer.FilterSubject.Is(null!);
                Add(consumer.FilterSubjects.Origin, "filter_subjects", V210,
                    unfiltered ? "; the consumer becomes unfiltered and receives every message of the stream" : string.Empty);
            }

            if (consumer.MetadataBytes.TryGet(out var metadata) && metadata > 0)
            {
                Add(consumer.MetadataBytes.Origin, "metadata", Since("metadata"), string.Empty);
            }
        }

        if (version.CompareTo(V211) < 0)
        {
            if (consumer.HasPauseUntil.Is(true))
            {
                Add(consumer.HasPauseUntil.Origin, "pause_until", V211, "; the consumer starts delivering at once");
            }

            if (consumer.HasPriorityPolicy.Is(true))
            {
                Add(consumer.HasPriorityPolicy.Origin, "priority_policy", Since("priority_policy"), string.Empty);
            }
        }

        void Add(object? origin, string field, ServerVersion since, string consequence) =>
            findings.Add(Report(origin ?? consumer.Origin, Describe.Consumer(consumer), context.Field(field), version, since, consequence));
    }

    private static ServerVersion Since(string field) => FieldSchema.Get(FieldScope.Consumer, field).Since;
}
