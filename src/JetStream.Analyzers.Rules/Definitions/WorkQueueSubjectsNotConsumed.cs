using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Definitions;

/// <summary>
/// JS1012: a work-queue stream with consumers, none unfiltered, where a stream subject is not inside any consumer's
/// filter. Only when the set knows every consumer, and only when every consumer's filters are known: one unknown filter
/// (a consumer looked up by name, a push consumer made from options) might take the rest. With the live check, the
/// consumers on the server's stream of that name count too (those the files don't define by name), and their consumer
/// list is read only for such a stream. Per stream the cost is its subjects times its consumers' filters (a handful
/// each in practice).
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
                || set.IsReadWithoutDefinition(name)
                || !stream.Subjects.TryGet(out var subjects) || subjects is not { Count: > 0 }
                || Consumers(set, name) is not { Count: > 0 } consumers || Filters(consumers) is not { Count: > 0 } filters)
            {
                continue;
            }

            var counted = set.Existing is { } existing ? $", counting the consumers on {existing.Where}" : string.Empty;

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
                why += counted;
                findings.Add(Report(stream.Subjects.Origin ?? stream.Origin, Describe.Stream(stream), subject, why));
            }
        }
    }

    /// <summary>
    /// The stream's defined consumers and the existing ones the definitions don't replace (same name); null when the
    /// existing ones can't be told.
    /// </summary>
    private static List<ConsumerModel>? Consumers(DefinitionSet set, string stream)
    {
        var consumers = new List<ConsumerModel>(set.ConsumersOf(stream));
        if (set.Existing is not { } existing || !existing.MayHaveConsumers(stream))
        {
            return consumers;
        }

        if (existing.ConsumersOf(stream) is not { } onServer)
        {
            return null;
        }

        var defined = new HashSet<string>(consumers.Select(c => c.DisplayName).Where(n => n is not null)!, StringComparer.Ordinal);
        consumers.AddRange(onServer.Where(c => c.DisplayName is not { } name || !defined.Contains(name)));
        return consumers;
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
