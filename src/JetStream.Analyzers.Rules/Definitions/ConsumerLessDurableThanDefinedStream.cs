using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Rules.Definitions;

/// <summary>
/// JS2007 for consumers whose front end could not hand them their stream's configuration: in C# the stream and the
/// consumer are created by different calls, so the stream is found by name among the definitions
/// (<see cref="DefinitionSet.StreamOf"/>). Consumers already linked (config files) were checked on their own.
/// </summary>
public sealed class ConsumerLessDurableThanDefinedStream : DefinitionSetRule
{
    private static readonly ConsumerLessDurableThanStream PerConsumer = new();

    public override RuleInfo Rule => RuleCatalog.ConsumerLessDurableThanStream;

    public override void Evaluate(DefinitionSet set, ICollection<Finding> findings)
    {
        foreach (var (consumer, context) in set.Consumers)
        {
            if (consumer.Stream is null && set.StreamOf(consumer) is { } stream)
            {
                PerConsumer.Evaluate(consumer, stream, context, findings);
            }
        }
    }
}
