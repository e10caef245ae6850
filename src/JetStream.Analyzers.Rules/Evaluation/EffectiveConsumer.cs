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

    /// <summary>
    /// ack_wait as the server stores it: <see cref="AckWait"/>, except that a consumer without acknowledgements keeps
    /// the 0 it was given (the 30 s default is for explicit and all). Null when unknown.
    /// </summary>
    public static long? StoredAckWait(ConsumerModel consumer)
    {
        if (consumer.AckPolicy.Effective(AckPolicy.None) is not { } ack || consumer.AckWait.IsUnknown)
        {
            return null;
        }

        return ack == AckPolicy.None && KnownBackoff(consumer) is null && !consumer.Backoff.IsUnknown ? consumer.AckWait.Effective(0) : AckWait(consumer);
    }

    /// <summary>
    /// max_waiting of a pull consumer after defaulting: 0 becomes 512, and from 2.12 a negative value is 0 first. Null
    /// for push, or when unknown.
    /// </summary>
    public static long? MaxWaiting(ConsumerModel consumer, ServerVersion version) =>
        consumer.IsPush == false && NotNegative(consumer.MaxWaiting, version) is { } waiting ? (waiting == 0 ? DefaultMaxWaiting : waiting) : null;

    /// <summary>
    /// A size, count or duration the server doesn't let go negative: from 2.12 a negative max_waiting, max_batch,
    /// max_expires, max_bytes, idle_heartbeat, inactive_threshold or priority_timeout becomes 0. Null when unknown.
    /// </summary>
    public static long? NotNegative(ConfigValue<long> value, ServerVersion version) =>
        value.Effective(0) is { } v ? (v < 0 && version.AtLeast(2, 12) ? 0 : v) : null;

    /// <summary>The ack policy flow_control (2.14) turns flow control on, with a 1s heartbeat.</summary>
    public static bool? FlowControl(ConsumerModel consumer) =>
        consumer.AckPolicy.Is(AckPolicy.FlowControl) ? true : consumer.FlowControl.Effective(false);

    /// <inheritdoc cref="FlowControl"/>
    public static long? IdleHeartbeat(ConsumerModel consumer, ServerVersion version) =>
        consumer.AckPolicy.Is(AckPolicy.FlowControl) ? Durations.Second : NotNegative(consumer.IdleHeartbeat, version);

    public const long DefaultMaxWaiting = 512;

    public const long DefaultMaxAckPending = 1000;

    /// <summary>
    /// max_ack_pending before the server's own default: a consumer that leaves it unset (or 0) takes the stream's
    /// consumer_limits.max_ack_pending (2.10), whatever its ack policy. Null when unknown, or when the stream is.
    /// </summary>
    public static long? InheritedMaxAckPending(ConsumerModel consumer, StreamModel? stream, ServerVersion version)
    {
        if (consumer.MaxAckPending.Effective(0) is not { } own)
        {
            return null;
        }

        if (own != 0 || version.Before(2, 10))
        {
            return own;
        }

        return stream?.ConsumerLimitMaxAckPending.Effective(0);
    }

    /// <summary>
    /// max_ack_pending after defaulting: the stream's limit (<see cref="InheritedMaxAckPending"/>), then 1000 (lowered to
    /// <paramref name="accountLimit"/> when that is smaller) for acknowledged consumers (before 2.12 only explicit and
    /// all); from 2.12 anything below -1 is -1. Null when unknown.
    /// </summary>
    public static long? MaxAckPending(ConsumerModel consumer, StreamModel? stream, ServerVersion version, long accountLimit)
    {
        if (InheritedMaxAckPending(consumer, stream, version) is not { } pending || consumer.AckPolicy.Effective(AckPolicy.None) is not { } ack)
        {
            return null;
        }

        if (pending < -1 && version.AtLeast(2, 12))
        {
            return -1;
        }

        var defaulted = version.AtLeast(2, 12) ? ack != AckPolicy.None : ack is AckPolicy.Explicit or AckPolicy.All;
        if (pending != 0 || !defaulted)
        {
            return pending;
        }

        return accountLimit is > 0 and < DefaultMaxAckPending ? accountLimit : DefaultMaxAckPending;
    }

    public static IReadOnlyList<long>? KnownBackoff(ConsumerModel consumer) =>
        consumer.Backoff.TryGet(out var backoff) && backoff is { Count: > 0 } ? backoff : null;

    /// <summary>
    /// The consumer's filters; empty when unfiltered, null when unknown. With a target <paramref name="version"/>
    /// before 2.10, filter_subjects is left out: those servers drop the field (JS2101 reports it).
    /// </summary>
    public static IReadOnlyList<string>? Filters(ConsumerModel consumer, ServerVersion? version = null)
    {
        if (consumer.FilterSubject.IsUnknown || consumer.FilterSubjects.IsUnknown)
        {
            return null;
        }

        var filters = new List<string>();
        if (consumer.FilterSubject.TryGet(out var single) && !string.IsNullOrEmpty(single))
        {
            filters.Add(single);
        }

        if (consumer.FilterSubjects.TryGet(out var many) && many is not null && !(version is { } v && v.Before(2, 10)))
        {
            foreach (var filter in many)
            {
                if (!string.IsNullOrEmpty(filter))
                {
                    filters.Add(filter);
                }
            }
        }

        return filters;
    }
}
