using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Definitions;

/// <summary>
/// JS1012: a work-queue stream with consumers, none unfiltered, where a stream subject is not inside any consumer's
/// filter. Only when the set knows every consumer, and only when every consumer's filters are known: one unknown filter might take
/// the rest. Per stream the cost is its subjects times its consumers' filters (a handful each in practice).
/// </summary>
public sealed class WorkQueueSubjectsNotConsumed : DefinitionSetRule
{
    private const int ListedFilters = 5;

    public override RuleInfo Rule => RuleCatalog.WorkQueueSubjectsNotConsumed;

    public override void Evaluate(DefinitionSet set, ICollection<Finding> findings)
    {
        if (!set.ConsumersComplete)
        {
            return;
        }

        foreach (var (stream, _) in set.Streams)
        {
            if (!stream.Retention.Is(RetentionPolicy.WorkQueue) || DefinitionSet.KnownName(stream.Name) is not { } name
                || !stream.Subjects.TryGet(out var subjects) || subjects is not { Count: > 0 }
                || set.ConsumersOf(name) is not { Count: > 0 } consumers || Filters(consumers) is not { Count: > 0 } filters)
            {
                continue;
            }

            foreach (var subject in subjects.Where(Subjects.IsValid))
            {
                // The filters that overlap the subject; the subject is consumed when one of them contains it.
                var overlapping = new List<string>();
                foreach (var filter in filters)
                {
                    if (Subjects.Collide(filter, subject))
                    {
                        overlapping.Add(filter);
                    }
                }

                if (overlapping.Any(f => Subjects.IsSubsetOf(subject, f)))
                {
                    continue;
                }

                var listed = string.Join(", ", overlapping.Take(ListedFilters).Select(f => $"'{f}'"))
                    + (overlapping.Count > ListedFilters ? $" and {overlapping.Count - ListedFilters} more" : string.Empty);
                var why = overlapping.Count == 0
                    ? "no consumer's filter matches it"
                    : $"the consumers' filters take only part of it ({listed})";
                findings.Add(Report(stream.Subjects.Origin ?? stream.Origin, Describe.Stream(stream), subject, why));
            }
        }
    }

    /// <summary>Every filter of the consumers; null when one is unknown or unfiltered (it takes everything).</summary>
    private static List<string>? Filters(IReadOnlyList<ConsumerModel> consumers)
    {
        var filters = new List<string>();
        foreach (var consumer in consumers)
        {
            if (EffectiveConsumer.Filters(consumer) is not { Count: > 0 } own)
            {
                return null;
            }

            filters.AddRange(own);
        }

        return filters.Where(Subjects.IsValid).Distinct().ToList();
    }
}
