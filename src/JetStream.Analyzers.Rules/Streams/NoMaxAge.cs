using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Streams;

/// <summary>JS1004: max_age unset or 0. Buckets are exempt: configuration and files are meant to stay.</summary>
public sealed class NoMaxAge : StreamRule
{
    public override RuleInfo Rule => RuleCatalog.NoMaxAge;

    public override void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        if (stream.Kind != StreamKind.Stream || stream.MaxAge.IsUnknown || stream.MaxAge.IsKnown && stream.MaxAge.Value != 0)
        {
            return;
        }

        var field = context.Field("max_age", stream.Kind);
        var what = stream.MaxAge.IsAbsent ? $"{field} is not set" : $"{field} is 0";
        findings.Add(new Finding(
            Rule,
            stream.MaxAge.Origin ?? stream.Origin,
            new object?[] { Describe.Stream(stream), what },
            properties: Fix("max_age", Invariant(context.Options.DefaultMaxAge))));
    }
}
