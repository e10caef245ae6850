using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>JS2005: a push consumer without flow_control. The fix also adds a heartbeat, which the server requires with it.</summary>
public sealed class PushWithoutFlowControl : ConsumerRule
{
    public override RuleInfo Rule => RuleCatalog.PushWithoutFlowControl;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        if (consumer.IsPush != true || consumer.AckPolicy.Is(AckPolicy.FlowControl) || !(consumer.FlowControl.IsAbsent || consumer.FlowControl.Is(false)))
        {
            return;
        }

        var needsHeartbeat = consumer.IdleHeartbeat.IsAbsent || consumer.IdleHeartbeat.Is(0);
        findings.Add(new Finding(
            Rule,
            consumer.FlowControl.Origin ?? consumer.Origin,
            new object?[] { Describe.Consumer(consumer) },
            properties: needsHeartbeat
                ? Fix("flow_control", "true", "idle_heartbeat", Invariant(PushWithoutHeartbeat.SuggestedHeartbeat))
                : Fix("flow_control", "true")));
    }
}
