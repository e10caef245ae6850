using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Streams;

/// <summary>JS1005: storage memory.</summary>
public sealed class MemoryStorage : StreamRule
{
    public override RuleInfo Rule => RuleCatalog.MemoryStorage;

    public override void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        if (stream.Storage.Is(StorageType.Memory))
        {
            var origin = stream.Storage.Origin ?? stream.Origin;
            var note = stream.Storage.DefaultNote is { } n ? $" ({n}: set {context.Field("storage", stream.Kind)} explicitly)" : string.Empty;
            findings.Add(new Finding(Rule, origin, new object?[] { Describe.Stream(stream), note }, properties: Fix("storage", "file")));
        }
    }
}
