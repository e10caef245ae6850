using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Definitions;

/// <summary>
/// JS4006: subjects of two streams overlap. One subject trie over every stream's subjects keeps this near-linear in
/// the subjects plus the overlaps; a subject that overlaps several streams gets one finding naming the first and
/// listing the rest up to a cap. Definitions of the same name are one stream (JS4004's business), not an overlap, and a
/// stream whose name is unknown takes part in nothing.
/// </summary>
public sealed class OverlappingStreamSubjects : DefinitionSetRule
{
    public override RuleInfo Rule => RuleCatalog.OverlappingStreamSubjects;

    public override void Evaluate(DefinitionSet set, ICollection<Finding> findings)
    {
        var entries = new List<(StreamModel Stream, string Subject)>();
        foreach (var (stream, _) in set.Streams)
        {
            // A stream whose name is known only at run time may be one of the others, created again.
            if (!stream.Name.IsUnknown && stream.Subjects.TryGet(out var subjects) && subjects is not null)
            {
                entries.AddRange(subjects.Where(Subjects.IsValid).Distinct().Select(s => (stream, s)));
            }
        }

        var index = new SubjectIndex(entries.Select(e => e.Subject));
        var found = new List<int>();
        var named = new HashSet<object>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (self, subject) = entries[i];
            found.Clear();
            index.Colliding(i, found);
            found.Sort();

            // A stream's entries are adjacent; each other stream (by name) is named once per stream.
            if (i == 0 || entries[i - 1].Stream != self)
            {
                named.Clear();
            }

            var selfName = DefinitionSet.KnownName(self.Name);
            var others = new List<(StreamModel Stream, string Subject)>();
            foreach (var j in found)
            {
                var (other, otherSubject) = entries[j];
                var otherName = DefinitionSet.KnownName(other.Name);
                if (other != self && !(selfName is not null && selfName == otherName) && named.Add((object?)otherName ?? other))
                {
                    others.Add((other, otherSubject));
                }
            }

            if (others.Count > 0)
            {
                var (first, firstSubject) = others[0];
                var more = others.Count == 1
                    ? string.Empty
                    : $"; it also overlaps {Describe.Plural(others.Count - 1, "more stream")}: {set.FrontEnd.DisplayAll(others.Skip(1).Select(o => o.Stream.Origin), others.Count - 1)}";
                findings.Add(Report(self.Subjects.Origin ?? self.Origin, Describe.Stream(self), subject, firstSubject,
                    Lower(Describe.Stream(first)), set.FrontEnd.Display(first.Origin) + more));
            }
        }
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);
}
