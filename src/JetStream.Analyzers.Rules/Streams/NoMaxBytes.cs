using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Streams;

/// <summary>JS1003: max_bytes unset, 0 or negative: bounded only by the disk.</summary>
public sealed class NoMaxBytes : StreamRule
{
    public override RuleInfo Rule => RuleCatalog.NoMaxBytes;

    public override void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        if (stream.MaxBytes.IsUnknown || stream.MaxBytes.IsKnown && stream.MaxBytes.Value > 0)
        {
            return;
        }

        var field = context.Field("max_bytes", stream.Kind);
        var what = stream.MaxBytes.IsAbsent ? $"{field} is not set" : $"{field} is {stream.MaxBytes.Value}";
        findings.Add(new Finding(
            Rule,
            stream.MaxBytes.Origin ?? stream.Origin,
            new object?[] { Describe.Stream(stream), what },
            properties: Fix("max_bytes", Invariant(context.Options.DefaultMaxBytes))));
    }
}
