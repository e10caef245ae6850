using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Definitions;

/// <summary>
/// JS1011: an interest-retention stream that nothing reads: no consumer is defined for it, no other reader (an ordered
/// consumer, a consumer looked up by name) reads it, and no defined stream mirrors or sources it (both read through a
/// consumer of their own); with the live check, the server's stream of that name has no consumers and no server stream
/// copies it. Only when the set knows every consumer.
/// </summary>
public sealed class InterestStreamWithoutConsumer : DefinitionSetRule
{
    public override RuleInfo Rule => RuleCatalog.InterestStreamWithoutConsumer;

    public override void Evaluate(DefinitionSet set, ICollection<Finding> findings)
    {
        if (!set.ConsumersComplete)
        {
            return;
        }

        foreach (var (stream, _) in set.Streams)
        {
            if (stream.Retention.Is(RetentionPolicy.Interest) && DefinitionSet.KnownName(stream.Name) is { } name
                && !set.IsRead(name) && !set.IsCopied(name) && set.Existing?.MayHaveConsumers(name) != true)
            {
                findings.Add(Report(stream.Retention.Origin ?? stream.Origin, Describe.Stream(stream), set.FrontEnd.NoDefinition,
                    set.Existing is { } existing ? $" and nothing on {existing.Where}" : string.Empty));
            }
        }
    }
}
