using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>JS2003: more filter subjects than jetstream_max_filter_subjects.</summary>
public sealed class ExcessiveFilterSubjects : ConsumerRule
{
    public override RuleInfo Rule => RuleCatalog.ExcessiveFilterSubjects;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        var limit = context.Options.MaxFilterSubjects;
        if (consumer.FilterSubjects.TryGet(out var filters) && filters is not null && filters.Count > limit)
        {
            findings.Add(Report(consumer.FilterSubjects.Origin ?? consumer.Origin, Describe.Consumer(consumer), filters.Count, limit));
        }
    }
}
