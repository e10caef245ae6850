using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>
/// JS2011: settings the server accepts and ignores or overwrites: backoff under ack policy none, a written ack_wait
/// other than backoff[0] (every release replaces it), and idle_heartbeat under the flow_control ack policy (2.14+, 1s).
/// </summary>
public sealed class ConsumerSettingWithoutEffect : ConsumerRule
{
    public override RuleInfo Rule => RuleCatalog.ConsumerSettingWithoutEffect;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        var backoff = EffectiveConsumer.KnownBackoff(consumer);
        var backoffField = context.Field("backoff");
        var subject = Describe.Consumer(consumer);
        if (backoff is not null && Acknowledges(consumer) == false && !consumer.AckPolicy.Is(AckPolicy.FlowControl))
        {
            findings.Add(Report(consumer.Backoff.Origin ?? consumer.Origin, subject, backoffField,
                $"with ack policy none nothing is redelivered, so there is nothing to back off. Remove {backoffField}, or acknowledge messages ({context.Field("ack_policy")} explicit)"));
        }

        // Only an ack wait the definition writes: a front end's default (origin null) is not the user's.
        if (backoff is not null && Acknowledges(consumer) == true && consumer.AckWait.Origin is not null
            && consumer.AckWait.TryGet(out var ackWait) && ackWait != 0 && ackWait != backoff[0])
        {
            var ackWaitField = context.Field("ack_wait");
            findings.Add(new Finding(
                Rule,
                consumer.AckWait.Origin,
                new object?[]
                {
                    subject, $"{ackWaitField} {Durations.Format(ackWait)}",
                    $"the server replaces it with the first {backoffField} value, {Durations.Format(backoff[0])}, which is the wait before the first redelivery. Set {ackWaitField} to {Durations.Format(backoff[0])}, or remove it",
                },
                properties: Fix("ack_wait", Invariant(backoff[0]))));
        }

        if (context.ServerVersion.AtLeast(2, 14) && consumer.AckPolicy.Is(AckPolicy.FlowControl)
            && consumer.IdleHeartbeat.TryGet(out var heartbeat) && heartbeat > 0 && heartbeat != Durations.Second)
        {
            findings.Add(Report(consumer.IdleHeartbeat.Origin ?? consumer.Origin, subject, $"{context.Field("idle_heartbeat")} {Durations.Format(heartbeat)}",
                $"under the flow_control ack policy NATS server {context.ServerVersion} always uses a 1s heartbeat. Remove it"));
        }
    }
}
