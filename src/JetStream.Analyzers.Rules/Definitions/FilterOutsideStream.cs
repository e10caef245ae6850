using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Definitions;

/// <summary>
/// JS4008: a consumer filter that no subject of its stream can match. Only when the stream's subjects are all it
/// stores: a mirror or a sourcing stream also holds the subjects it copies.
/// </summary>
public sealed class FilterOutsideStream : DefinitionSetRule
{
    public override RuleInfo Rule => RuleCatalog.FilterOutsideStream;

    public override void Evaluate(DefinitionSet set, ICollection<Finding> findings)
    {
        foreach (var (consumer, context) in set.Consumers)
        {
            var stream = set.StreamOf(consumer);
            if (stream is null || stream.IsMirror || !stream.Subjects.TryGet(out var subjects) || subjects is not { Count: > 0 }
                || stream.Sources.IsUnknown || stream.Sources.IsKnown && stream.Sources.Value.Count > 0
                || EffectiveConsumer.Filters(consumer, context.ServerVersion) is not { } filters)
            {
                continue;
            }

            SubjectIndex? streamSubjects = null;
            foreach (var filter in filters)
            {
                if (Subjects.IsValid(filter) && !(streamSubjects ??= new SubjectIndex(subjects.Where(Subjects.IsValid))).AnyColliding(filter))
                {
                    var at = (consumer.FilterSubjects.IsKnown ? consumer.FilterSubjects.Origin : consumer.FilterSubject.Origin) ?? consumer.Origin;
                    findings.Add(Report(at, Describe.Consumer(consumer), filter, DefinitionSet.KnownName(consumer.StreamName), string.Join(", ", subjects)));
                }
            }
        }
    }
}
