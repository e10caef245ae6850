using System.Collections.Generic;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>Server-side defaults applied to a consumer, as setConsumerConfigDefaults does.</summary>
public static class EffectiveConsumer
{
    public const long DefaultAckWait = 30 * Durations.Second;

    /// <summary>The wait before the first redelivery: backoff[0] when backoff is set, else ack_wait (0 → 30s). Null when unknown.</summary>
    public static long? AckWait(ConsumerModel consumer)
    {
        if (consumer.Backoff.IsUnknown)
        {
            return null;
        }

        if (consumer.Backoff.TryGet(out var backoff) && backoff is { Count: > 0 })
        {
            return backoff[0];
        }

        return consumer.AckWait.Kind switch
        {
            ValueKind.Absent => DefaultAckWait,
            ValueKind.Known => consumer.AckWait.Value == 0 ? DefaultAckWait : consumer.AckWait.Value,
            _ => null,
        };
    }

    /// <summary>max_deliver after defaulting: 0 becomes -1 (unlimited); from 2.12 anything below -1 too.</summary>
    public static long? MaxDeliver(ConsumerModel consumer, ServerVersion version)
    {
        var value = consumer.MaxDeliver.Effective(0);
        if (value is not { } md)
        {
            return null;
        }

        return md == 0 || md < -1 && version.AtLeast(2, 12) ? -1 : md;
    }

    public static IReadOnlyList<long>? KnownBackoff(ConsumerModel consumer) =>
        consumer.Backoff.TryGet(out var backoff) && backoff is { Count: > 0 } ? backoff : null;
}
