using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Streams;

/// <summary>JS1001: fewer replicas than jetstream_min_replicas; unset means 1.</summary>
public sealed class ReplicasBelowMinimum : StreamRule
{
    public override RuleInfo Rule => RuleCatalog.ReplicasBelowMinimum;

    public override void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        var replicas = stream.NumReplicas.Effective(1);
        var minimum = context.Options.MinReplicas;
        if (replicas is not { } r || r < 0)
        {
            return;
        }

        var effective = r == 0 ? 1 : r;
        if (effective >= minimum)
        {
            return;
        }

        var field = context.Field("num_replicas", stream.Kind);
        var what = stream.NumReplicas.IsAbsent ? $"no {field}, so the server runs it with 1 replica"
            : r == 0 ? $"{field} 0, which the server turns into 1 replica"
            : Describe.Plural(effective, "replica");
        findings.Add(new Finding(
            Rule,
            stream.NumReplicas.Origin ?? stream.Origin,
            new object?[] { Describe.Stream(stream), what, minimum },
            properties: Fix("num_replicas", Invariant(minimum))));
    }
}
