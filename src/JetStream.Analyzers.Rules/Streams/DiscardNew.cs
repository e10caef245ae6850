using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Streams;

/// <summary>JS1007: discard new on a plain stream (buckets use it by design).</summary>
public sealed class DiscardNew : StreamRule
{
    public override RuleInfo Rule => RuleCatalog.DiscardNew;

    public override void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        if (stream.Kind == StreamKind.Stream && stream.Discard.Is(DiscardPolicy.New))
        {
            findings.Add(Report(stream.Discard.Origin ?? stream.Origin, Describe.Stream(stream)));
        }
    }
}
