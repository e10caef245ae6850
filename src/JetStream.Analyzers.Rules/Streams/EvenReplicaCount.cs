using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Streams;

/// <summary>JS1002: 2 or 4 replicas. Left to JS1001 when the count is also below the minimum.</summary>
public sealed class EvenReplicaCount : StreamRule
{
    public override RuleInfo Rule => RuleCatalog.EvenReplicaCount;

    public override void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        if (!stream.NumReplicas.TryGet(out var replicas) || (replicas != 2 && replicas != 4) || replicas < context.Options.MinReplicas)
        {
            return;
        }

        var suggestion = replicas + 1;
        findings.Add(new Finding(
            Rule,
            stream.NumReplicas.Origin ?? stream.Origin,
            new object?[] { Describe.Stream(stream), replicas, replicas - 1, replicas == 2 ? "3" : "3 or 5" },
            properties: Fix("num_replicas", Invariant(suggestion))));
    }
}
