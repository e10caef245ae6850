using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>JS2004: a push consumer (deliver subject set) without idle_heartbeat.</summary>
public sealed class PushWithoutHeartbeat : ConsumerRule
{
    public const long SuggestedHeartbeat = 5 * Durations.Second;

    public override RuleInfo Rule => RuleCatalog.PushWithoutHeartbeat;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        // The flow_control ack policy (2.14) sets a 1s heartbeat itself.
        if (consumer.IsPush == true && !consumer.AckPolicy.Is(AckPolicy.FlowControl) && (consumer.IdleHeartbeat.IsAbsent || consumer.IdleHeartbeat.Is(0)))
        {
            findings.Add(new Finding(
                Rule,
                consumer.IdleHeartbeat.Origin ?? consumer.Origin,
                new object?[] { Describe.Consumer(consumer) },
                properties: Fix("idle_heartbeat", Invariant(SuggestedHeartbeat))));
        }
    }
}
