using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Binding;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.ConfigFiles.Linting;

/// <summary>
/// Checks across all linted definitions (JS4004–JS4008). Each finding is reported at every definition involved,
/// naming the other one's file and position.
/// </summary>
internal sealed class CrossFileChecks
{
    private readonly Reporter reporter;
    private readonly Func<SourceSpan, string> display;
    private readonly ExistingStreams? existing;

    /// <param name="existing">The streams on the live check's server: a consumer of one of them has its stream (JS4005).</param>
    public CrossFileChecks(Reporter reporter, Func<SourceSpan, string> display, ExistingStreams? existing = null)
    {
        this.reporter = reporter;
        this.display = display;
        this.existing = existing;
    }

    public void Run(IReadOnlyList<StreamDefinition> streams, IReadOnlyList<ConsumerDefinition> consumers)
    {
        DuplicateStreams(streams);
        DuplicateConsumers(consumers);
        ConsumersWithoutStream(consumers, streams);
        OverlappingSubjects(streams);
        WorkQueueConsumers(consumers);
        FiltersOutsideStream(consumers);
    }

    private void DuplicateStreams(IReadOnlyList<StreamDefinition> streams)
    {
        foreach (var group in streams.Where(s => s.Name is not null).GroupBy(s => s.Name!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var all = group.ToList();
            foreach (var stream in all)
            {
                reporter.Add(RuleCatalog.DuplicateDefinition, stream.At, Describe.Stream(stream.Model), Locations(all.Where(o => o != stream).Select(o => o.At)));
            }
        }
    }

    private void DuplicateConsumers(IReadOnlyList<ConsumerDefinition> consumers)
    {
        var keyed = consumers.Where(c => c.StreamName is not null && c.Name is not null);
        foreach (var group in keyed.GroupBy(c => (c.StreamName!, c.Name!)).Where(g => g.Count() > 1))
        {
            var all = group.ToList();
            foreach (var consumer in all)
            {
                reporter.Add(RuleCatalog.DuplicateDefinition, consumer.At, Describe.Consumer(consumer.Model), Locations(all.Where(o => o != consumer).Select(o => o.At)));
            }
        }
    }

    private void ConsumersWithoutStream(IReadOnlyList<ConsumerDefinition> consumers, IReadOnlyList<StreamDefinition> streams)
    {
        foreach (var consumer in consumers)
        {
            if (consumer.Model.Stream is not null || consumer.Model.StreamName.IsUnknown)
            {
                continue;
            }

            var at = consumer.Model.StreamName.Origin as SourceSpan ?? consumer.At;
            if (consumer.StreamName is { } name)
            {
                if (existing?.Contains(name) == true)
                {
                    continue;
                }

                var server = existing is null ? string.Empty : $" and {existing.Where} doesn't have";
                var hint = streams.Count == 0 ? string.Empty : "; add the stream's file to the JetStreamConfig items, or check the name";
                reporter.Add(RuleCatalog.ConsumerWithoutStream, at, Describe.ConsumerName(consumer.Model),
                    $"is for stream '{name}', which no linted file defines{server}{hint}");
            }
            else
            {
                reporter.Add(RuleCatalog.ConsumerWithoutStream, at, Describe.ConsumerName(consumer.Model),
                    "names no stream: put a bare consumer config in a folder named after its stream (or next to its only stream), or use the create-request form {\"stream_name\": \"...\", \"config\": {...}}");
            }
        }
    }

    /// <summary>
    /// JS4006 through one subject trie over every stream's subjects: near-linear in the subjects plus the overlaps. A
    /// stream subject that overlaps other streams gets one finding naming the first and listing the rest up to a cap.
    /// </summary>
    private void OverlappingSubjects(IReadOnlyList<StreamDefinition> streams)
    {
        var entries = new List<(StreamDefinition Stream, string Subject)>();
        foreach (var stream in streams)
        {
            if (stream.Model.Subjects.TryGet(out var subjects) && subjects is not null)
            {
                entries.AddRange(subjects.Where(Subjects.IsValid).Distinct().Select(s => (stream, s)));
            }
        }

        var index = new SubjectIndex(entries.Select(e => e.Subject));
        var found = new List<int>();
        var named = new HashSet<object>();
        for (var i = 0; i < entries.Count; i++)
        {
            var self = entries[i];
            found.Clear();
            index.Colliding(i, found);
            found.Sort();

            // A stream's entries are adjacent; each other stream (by name: a duplicate is one stream) is named once per stream.
            if (i == 0 || entries[i - 1].Stream != self.Stream)
            {
                named.Clear();
            }

            var others = new List<(StreamDefinition Stream, string Subject)>();
            foreach (var j in found)
            {
                var other = entries[j];
                if (other.Stream != self.Stream && !(self.Stream.Name is not null && self.Stream.Name == other.Stream.Name) && named.Add((object?)other.Stream.Name ?? other.Stream))
                {
                    others.Add(other);
                }
            }

            if (others.Count > 0)
            {
                var first = others[0];
                var more = others.Count == 1 ? string.Empty : $"; it also overlaps {Describe.Plural(others.Count - 1, "more stream")}: {Locations(others.Skip(1).Select(o => o.Stream.At))}";
                reporter.Add(RuleCatalog.OverlappingStreamSubjects, SubjectSpan(self.Stream), Describe.Stream(self.Stream.Model), self.Subject, first.Subject,
                    Lower(Describe.Stream(first.Stream.Model)), display(first.Stream.At) + more);
            }
        }
    }

    /// <summary>Positions of other definitions for a message, up to <see cref="FindingCaps.RelatedLocations"/> ("and 1,997 more").</summary>
    private string Locations(IEnumerable<SourceSpan> spans)
    {
        var all = spans.ToList();
        var listed = string.Join(", ", all.Take(FindingCaps.RelatedLocations).Select(display));
        return all.Count > FindingCaps.RelatedLocations ? $"{listed} and {FindingCaps.Count(all.Count - FindingCaps.RelatedLocations)} more" : listed;
    }

    private void WorkQueueConsumers(IReadOnlyList<ConsumerDefinition> consumers)
    {
        foreach (var group in consumers.Where(c => c.Model.Stream?.Retention.Is(RetentionPolicy.WorkQueue) == true).GroupBy(c => c.Model.Stream!))
        {
            var members = group.Where(c => Filters(c) is not null).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    if (Conflict(members[i], members[j]) is { } why)
                    {
                        var stream = members[i].StreamName!;
                        reporter.Add(RuleCatalog.OverlappingWorkQueueConsumers, members[i].At, Describe.ConsumerName(members[i].Model), stream,
                            $"{why.ForFirst} consumer '{members[j].Name}' in {display(members[j].At)}; each message can go to only one consumer, so the server refuses the second");
                        reporter.Add(RuleCatalog.OverlappingWorkQueueConsumers, members[j].At, Describe.ConsumerName(members[j].Model), stream,
                            $"{why.ForSecond} consumer '{members[i].Name}' in {display(members[i].At)}; each message can go to only one consumer, so the server refuses the second");
                    }
                }
            }
        }
    }

    private static (string ForFirst, string ForSecond)? Conflict(ConsumerDefinition a, ConsumerDefinition b)
    {
        var fa = Filters(a)!;
        var fb = Filters(b)!;
        if (fa.Count == 0 && fb.Count == 0)
        {
            return ("is unfiltered, like", "is unfiltered, like");
        }

        if (fa.Count == 0 || fb.Count == 0)
        {
            return ("overlaps (one of them is unfiltered)", "overlaps (one of them is unfiltered)");
        }

        foreach (var x in fa)
        {
            foreach (var y in fb)
            {
                if (Subjects.IsValid(x) && Subjects.IsValid(y) && Subjects.Collide(x, y))
                {
                    return ($"has filter '{x}', which overlaps filter '{y}' of", $"has filter '{y}', which overlaps filter '{x}' of");
                }
            }
        }

        return null;
    }

    private void FiltersOutsideStream(IReadOnlyList<ConsumerDefinition> consumers)
    {
        foreach (var consumer in consumers)
        {
            var stream = consumer.Model.Stream;
            if (stream is null || stream.IsMirror || !stream.Subjects.TryGet(out var subjects) || subjects is not { Count: > 0 }
                || stream.Sources.IsUnknown || stream.Sources.IsKnown && stream.Sources.Value.Count > 0 || Filters(consumer, consumer.Context.ServerVersion) is not { } filters)
            {
                continue;
            }

            SubjectIndex? streamSubjects = null;
            foreach (var filter in filters)
            {
                if (Subjects.IsValid(filter) && !(streamSubjects ??= new SubjectIndex(subjects.Where(Subjects.IsValid))).AnyColliding(filter))
                {
                    var at = (consumer.Model.FilterSubjects.IsKnown ? consumer.Model.FilterSubjects.Origin : consumer.Model.FilterSubject.Origin) as SourceSpan ?? consumer.At;
                    reporter.Add(RuleCatalog.FilterOutsideStream, at, Describe.Consumer(consumer.Model), filter, consumer.StreamName, string.Join(", ", subjects));
                }
            }
        }
    }

    /// <summary>
    /// The consumer's filters; empty when unfiltered, null when unknown. With a target <paramref name="version"/>
    /// before 2.10, filter_subjects is left out: those servers drop the field (JS2101 reports it).
    /// </summary>
    private static IReadOnlyList<string>? Filters(ConsumerDefinition consumer, ServerVersion? version = null)
    {
        var model = consumer.Model;
        if (model.FilterSubject.IsUnknown || model.FilterSubjects.IsUnknown)
        {
            return null;
        }

        var filters = new List<string>();
        if (model.FilterSubject.TryGet(out var single) && !string.IsNullOrEmpty(single))
        {
            filters.Add(single);
        }

        if (model.FilterSubjects.TryGet(out var many) && many is not null && !(version is { } v && v.Before(2, 10)))
        {
            filters.AddRange(many.Where(f => !string.IsNullOrEmpty(f)));
        }

        return filters;
    }

    private static SourceSpan SubjectSpan(StreamDefinition stream) => stream.Model.Subjects.Origin as SourceSpan ?? stream.At;

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);
}
