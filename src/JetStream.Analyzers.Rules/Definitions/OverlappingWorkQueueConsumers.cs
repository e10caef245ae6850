using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Definitions;

/// <summary>
/// JS4007: two consumers of one work-queue stream whose filters overlap, or two unfiltered ones; reported at both.
/// Definitions of the same consumer name are one consumer, not two that overlap; one whose name is unknown takes no part.
/// Per stream, one subject trie over its consumers' filters finds the overlapping ones without comparing every pair.
/// </summary>
public sealed class OverlappingWorkQueueConsumers : DefinitionSetRule
{
    private const string Refused = "; each message can go to only one consumer, so the server refuses the second";

    public override RuleInfo Rule => RuleCatalog.OverlappingWorkQueueConsumers;

    public override void Evaluate(DefinitionSet set, ICollection<Finding> findings)
    {
        // The work-queue streams' consumers with known filters, grouped by stream in the order the streams are first met.
        var groups = new Dictionary<StreamModel, List<(ConsumerModel Consumer, IReadOnlyList<string> Filters)>>();
        var order = new List<List<(ConsumerModel Consumer, IReadOnlyList<string> Filters)>>();
        foreach (var (consumer, _) in set.Consumers)
        {
            // A consumer whose name is known only at run time may be any of the others, defined again.
            if (set.StreamOf(consumer) is not { } stream || !stream.Retention.Is(RetentionPolicy.WorkQueue)
                || consumer.DisplayName is null && (consumer.Name.IsUnknown || consumer.DurableName.IsUnknown))
            {
                continue;
            }

            if (!groups.TryGetValue(stream, out var group))
            {
                groups[stream] = group = new List<(ConsumerModel, IReadOnlyList<string>)>();
                order.Add(group);
            }

            if (EffectiveConsumer.Filters(consumer) is { } filters)
            {
                group.Add((consumer, filters));
            }
        }

        foreach (var group in order)
        {
            if (group.Count > 1)
            {
                EvaluateStream(set, group, findings);
            }
        }
    }

    private void EvaluateStream(DefinitionSet set, List<(ConsumerModel Consumer, IReadOnlyList<string> Filters)> members, ICollection<Finding> findings)
    {
        var owners = new List<int>();
        var subjects = new List<string>();
        var unfiltered = new List<int>();
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Filters.Count == 0)
            {
                unfiltered.Add(i);
            }

            foreach (var filter in members[i].Filters)
            {
                if (Subjects.IsValid(filter))
                {
                    owners.Add(i);
                    subjects.Add(filter);
                }
            }
        }

        var index = new SubjectIndex(subjects);
        var found = new List<int>();
        var entry = 0;
        for (var i = 0; i < members.Count; i++)
        {
            // The first of i's filters (in order) that overlaps a later consumer's, with the first of that consumer's it overlaps.
            var overlaps = new SortedDictionary<int, (string? Mine, string? Theirs)>();
            for (; entry < owners.Count && owners[entry] == i; entry++)
            {
                found.Clear();
                index.Colliding(entry, found);
                found.Sort();
                foreach (var other in found)
                {
                    if (owners[other] > i && !overlaps.ContainsKey(owners[other]))
                    {
                        overlaps[owners[other]] = (subjects[entry], subjects[other]);
                    }
                }
            }

            if (members[i].Filters.Count == 0)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var why = members[j].Filters.Count == 0 ? "is unfiltered, like" : OneUnfiltered;
                    Report(set, members, i, j, why, why, findings);
                }

                continue;
            }

            foreach (var j in unfiltered)
            {
                if (j > i)
                {
                    overlaps[j] = default;
                }
            }

            foreach (var pair in overlaps)
            {
                var (mine, theirs) = pair.Value;
                if (mine is null || theirs is null)
                {
                    Report(set, members, i, pair.Key, OneUnfiltered, OneUnfiltered, findings);
                }
                else
                {
                    Report(set, members, i, pair.Key, $"has filter '{mine}', which overlaps filter '{theirs}' of", $"has filter '{theirs}', which overlaps filter '{mine}' of", findings);
                }
            }
        }
    }

    private const string OneUnfiltered = "overlaps (one of them is unfiltered)";

    private void Report(DefinitionSet set, List<(ConsumerModel Consumer, IReadOnlyList<string> Filters)> members, int i, int j, string forFirst, string forSecond, ICollection<Finding> findings)
    {
        var (first, second) = (members[i].Consumer, members[j].Consumer);

        // Two definitions of one consumer are one consumer on the server (the second updates it): JS4004's business.
        if (first.DisplayName is { } name && name == second.DisplayName)
        {
            return;
        }

        var stream = DefinitionSet.KnownName(first.StreamName);
        findings.Add(Report(first.Origin, Describe.ConsumerName(first), stream, $"{forFirst} {Other(second)} in {set.FrontEnd.Display(second.Origin)}{Refused}"));
        findings.Add(Report(second.Origin, Describe.ConsumerName(second), stream, $"{forSecond} {Other(first)} in {set.FrontEnd.Display(first.Origin)}{Refused}"));
    }

    private static string Other(ConsumerModel consumer) => consumer.DisplayName is { } name ? $"consumer '{name}'" : "an unnamed consumer";
}
