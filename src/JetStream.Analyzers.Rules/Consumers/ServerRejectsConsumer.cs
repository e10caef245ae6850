using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>
/// JS2100: the checks nats-server applies to a consumer configuration on create or update, for the target
/// server version. Checks that need the stream run only when the front end knows the stream's configuration.
/// </summary>
public sealed class ServerRejectsConsumer : ConsumerRule
{
    /// <summary>Finding property that marks the max-deliver-vs-backoff reason, which has a code fix.</summary>
    public const string BackoffReason = "backoff";

    private const int MaxNameLength = 255;
    private const int MaxDescriptionLength = 4096;
    private const int MaxMetadataBytes = 128 * 1024;
    private static readonly char[] NameBreakers = { '.', '*', '>', ' ', '\t', '\r', '\n', '\f' };
    private static readonly char[] PathSeparators = { '\\', '/' };

    public override RuleInfo Rule => RuleCatalog.ConsumerRejectedByServer;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        var checker = new Checker(this, consumer, context, findings);
        checker.Names();
        checker.Sizes();
        checker.Timing();
        checker.BackoffVersusMaxDeliver();
        checker.PushOrPull();
        checker.Direct();
        checker.Filters();
        checker.DeliverPolicy();
        checker.SampleFrequency();
        checker.FlowControlAckPolicy();
        checker.Priority();
        checker.Stream();
    }

    private readonly struct Checker
    {
        private readonly ServerRejectsConsumer rule;
        private readonly ConsumerModel c;
        private readonly ServerVersion v;
        private readonly ICollection<Finding> findings;
        private readonly string subject;

        public Checker(ServerRejectsConsumer rule, ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
        {
            this.rule = rule;
            c = consumer;
            v = context.ServerVersion;
            this.findings = findings;
            subject = Describe.Consumer(consumer);
        }

        public void Names()
        {
            var strict = v.AtLeast(2, 12, 8);
            if (c.Name.TryGet(out var name) && !string.IsNullOrEmpty(name))
            {
                if (name.IndexOfAny(NameBreakers) >= 0 || strict && name.IndexOfAny(PathSeparators) >= 0)
                {
                    // Before 2.12.8 the server checks the resulting consumer name with the durable-name check (10103).
                    Reject(c.Name, strict
                        ? "consumer name can not contain '.', '*', '>', '\\', '/'"
                        : "durable name can not contain '.', '*', '>'");
                }
                else if (name.IndexOfAny(PathSeparators) >= 0)
                {
                    Reject(c.Name, "Consumer name can not contain path separators");
                }
            }

            if (c.DurableName.TryGet(out var durable) && !string.IsNullOrEmpty(durable))
            {
                if (durable.IndexOfAny(NameBreakers) >= 0 || strict && durable.IndexOfAny(PathSeparators) >= 0)
                {
                    Reject(c.DurableName, strict
                        ? "consumer durable name can not contain '.', '*', '>', '\\', '/'"
                        : "durable name can not contain '.', '*', '>'");
                }
                else if (durable.IndexOfAny(PathSeparators) >= 0 && (c.Name.IsAbsent || c.Name.IsKnown && string.IsNullOrEmpty(c.Name.Value)))
                {
                    // Without a name, the durable name is the consumer token of the API subject.
                    Reject(c.DurableName, "Consumer name can not contain path separators");
                }

                if (Encoding.UTF8.GetByteCount(durable) > MaxNameLength)
                {
                    Reject(c.DurableName, $"consumer name is too long, maximum allowed is {MaxNameLength}");
                }

                // The client sends the name in the API subject, and the server compares it with the durable name
                // before its own "Consumer Durable and Name have to be equal" check (10132) is reached.
                if (c.Name.TryGet(out var n) && !string.IsNullOrEmpty(n) && n != durable)
                {
                    Reject(c.Name, "consumer name in subject does not match durable name in request");
                }
            }

            if (c.NumReplicas.TryGet(out var replicas) && replicas < 0)
            {
                Reject(c.NumReplicas, "replicas count cannot be negative");
            }
        }

        public void Sizes()
        {
            if (c.Description.TryGet(out var description) && description is not null && Encoding.UTF8.GetByteCount(description) > MaxDescriptionLength)
            {
                Reject(c.Description, $"consumer description is too long, maximum allowed is {MaxDescriptionLength}");
            }

            if (v.AtLeast(2, 10) && Describe.ServerMetadataBytes(c.MetadataBytes, c.MetadataServerKeyBytes, v) is { } metadata && metadata > MaxMetadataBytes)
            {
                Reject(c.MetadataBytes, "consumer metadata exceeds maximum size of 128KB");
            }

            if (v.Before(2, 14) && c.AckPolicy.Is(AckPolicy.FlowControl))
            {
                Reject(c.AckPolicy, "invalid JSON (the flow_control ack policy needs server 2.14)");
            }
        }

        public void Timing()
        {
            if (v.Before(2, 12))
            {
                return;
            }

            if (c.Backoff.TryGet(out var backoff) && backoff is not null && backoff.Any(b => b < 0))
            {
                Reject(c.Backoff, "consumer backoff needs to be positive");
            }

            // With a backoff list the server takes the ack wait from its first value.
            if (c.AckWait.TryGet(out var ackWait) && ackWait < 0 && (c.Backoff.IsAbsent || c.Backoff.TryGet(out var list) && list is { Count: 0 }))
            {
                Reject(c.AckWait, "consumer ack wait needs to be positive");
            }
        }

        public void BackoffVersusMaxDeliver()
        {
            if (EffectiveConsumer.KnownBackoff(c) is not { } backoff || EffectiveConsumer.MaxDeliver(c, v) is not { } md)
            {
                return;
            }

            var count = backoff.Count;
            var fails = v.Before(2, 10, 14) ? md <= count
                : v.Before(2, 10, 23) ? md != -1 && md <= count
                : md != -1 && count > md;
            if (!fails)
            {
                return;
            }

            var shown = c.MaxDeliver.IsAbsent ? "not set" : md.ToString(CultureInfo.InvariantCulture);
            var properties = FixProperties.Create("max_deliver", (count + 1).ToString(CultureInfo.InvariantCulture));
            findings.Add(new Finding(
                rule.Rule,
                c.MaxDeliver.Origin ?? c.Backoff.Origin ?? c.Origin,
                new object?[] { subject, v, $"max deliver is required to be > length of backoff values (max deliver is {shown}, backoff has {Describe.Plural(count, "value")})" },
                properties: WithReason(properties, BackoffReason)));
        }

        public void PushOrPull()
        {
            switch (c.IsPush)
            {
                case true:
                    Push();
                    break;
                case false:
                    Pull();
                    break;
            }
        }

        private void Push()
        {
            var deliver = c.DeliverSubject.Value;
            if (!Subjects.IsValid(deliver))
            {
                Reject(c.DeliverSubject, "invalid push consumer deliver subject");
            }
            else if (Subjects.HasWildcard(deliver))
            {
                Reject(c.DeliverSubject, "consumer deliver subject has wildcards");
            }

            // From 2.12 the server turns a negative max waiting into 0 first.
            if (c.MaxWaiting.TryGet(out var maxWaiting) && (maxWaiting > 0 || maxWaiting < 0 && v.Before(2, 12)))
            {
                Reject(c.MaxWaiting, "consumer in push mode can not set max waiting");
            }

            if (EffectiveConsumer.InheritedMaxAckPending(c, c.Stream, v) is > 0 and var maxAckPending && (c.AckPolicy.IsAbsent || c.AckPolicy.Is(AckPolicy.None)))
            {
                Reject(c.MaxAckPending, c.MaxAckPending.IsKnown && c.MaxAckPending.Value == maxAckPending
                    ? "consumer requires ack policy for max ack pending"
                    : $"consumer requires ack policy for max ack pending (it inherits {maxAckPending} from the stream's consumer_limits)");
            }

            // The flow_control ack policy (2.14) sets flow control and a 1s heartbeat itself.
            if (v.AtLeast(2, 14) && c.AckPolicy.Is(AckPolicy.FlowControl))
            {
                return;
            }

            if (c.IdleHeartbeat.TryGet(out var heartbeat) && heartbeat > 0 && heartbeat < 100 * Durations.Millisecond)
            {
                Reject(c.IdleHeartbeat, "consumer idle heartbeat needs to be >= 100ms");
            }

            // From 2.12 a negative heartbeat is turned into 0 first.
            if (c.FlowControl.Is(true) && (c.IdleHeartbeat.IsAbsent || c.IdleHeartbeat.Is(0) || v.AtLeast(2, 12) && c.IdleHeartbeat.TryGet(out var hb) && hb < 0))
            {
                Reject(c.FlowControl, "consumer with flow control also needs heartbeats");
            }
        }

        private void Pull()
        {
            if (c.RateLimitBps.TryGet(out var rate) && rate > 0)
            {
                Reject(c.RateLimitBps, "consumer in pull mode can not have rate limit set");
            }

            if (c.IdleHeartbeat.TryGet(out var heartbeat) && heartbeat > 0)
            {
                Reject(c.IdleHeartbeat, "consumer idle heartbeat requires a push based consumer");
            }

            if (c.FlowControl.Is(true))
            {
                Reject(c.FlowControl, "consumer flow control requires a push based consumer");
            }

            if (v.AtLeast(2, 14) && c.AckPolicy.Is(AckPolicy.FlowControl))
            {
                Reject(c.AckPolicy, "flow control ack policy requires a push based consumer");
            }

            // From 2.12 the server turns negative values into 0 instead of rejecting them.
            var negativesRejected = v.Before(2, 12);
            if (negativesRejected && c.MaxWaiting.TryGet(out var maxWaiting) && maxWaiting < 0)
            {
                Reject(c.MaxWaiting, "consumer max waiting needs to be positive");
            }

            if (negativesRejected && c.MaxBatch.TryGet(out var maxBatch) && maxBatch < 0)
            {
                Reject(c.MaxBatch, "consumer max request batch needs to be > 0");
            }

            if (c.MaxExpires.TryGet(out var expires) && expires != 0 && expires < Durations.Millisecond && (expires > 0 || negativesRejected))
            {
                Reject(c.MaxExpires, "consumer max request expires needs to be >= 1ms");
            }
        }

        /// <summary>"direct" marks the server's own mirror and source consumers: push and ephemeral only.</summary>
        public void Direct()
        {
            if (!c.Direct.Is(true))
            {
                return;
            }

            if (c.IsPush == false)
            {
                Reject(c.Direct, "consumer direct requires a push based consumer");
            }
            else if (c.DurableName.TryGet(out var durable) && !string.IsNullOrEmpty(durable))
            {
                Reject(c.Direct, "consumer direct requires an ephemeral consumer");
            }
        }

        public void Filters()
        {
            if (v.Before(2, 10))
            {
                // 2.9 checks that filter_subject lies inside the stream's subjects (10093): an invalid subject never
                // does, a valid one must be a subset of one of them (a wildcard filter may also cover one). The server
                // skips that check when a source or the mirror is external; with local sources or a mirror it adds
                // their streams' subjects, which only the server can see.
                if (c.FilterSubject.TryGet(out var filter) && !string.IsNullOrEmpty(filter) && !MayHaveExternalOrigin()
                    && (!Subjects.IsValid(filter) || OwnSubjects() is { } subjects && !subjects.Any(subj => Subjects.IsValid(subj)
                        && (Subjects.IsSubsetOf(filter, subj) || Subjects.HasWildcard(filter) && Subjects.IsSubsetOf(subj, filter)))))
                {
                    Reject(c.FilterSubject, "consumer filter subject is not a valid subset of the interest subjects");
                }

                return;
            }

            var hasSingle = c.FilterSubject.TryGet(out var single) && !string.IsNullOrEmpty(single);
            if (hasSingle && !Subjects.IsValid(single))
            {
                Reject(c.FilterSubject, "invalid subject");
            }

            if (!c.FilterSubjects.TryGet(out var filters) || filters is not { Count: > 0 })
            {
                return;
            }

            if (hasSingle)
            {
                Reject(c.FilterSubjects, "consumer cannot have both FilterSubject and FilterSubjects specified");
            }

            var valid = new List<string>();
            foreach (var filter in filters)
            {
                if (string.IsNullOrEmpty(filter))
                {
                    Reject(c.FilterSubjects, "consumer filter in FilterSubjects cannot be empty");
                }
                else if (!Subjects.IsValid(filter))
                {
                    Reject(c.FilterSubjects, $"invalid subject '{filter}'");
                }
                else
                {
                    valid.Add(filter);
                }
            }

            OverlappingFilters(valid);
        }

        /// <summary>
        /// 2.10.14 to 2.12.4 compared filters for any collision; other releases for containment either way (which
        /// implies a collision). Pairs come from a subject trie; past <see cref="FindingCaps.PerRule"/>, one reason counts the rest.
        /// </summary>
        private void OverlappingFilters(List<string> valid)
        {
            var collide = v.AtLeast(2, 10, 14) && v.Before(2, 12, 5);
            var listed = 0;
            var more = 0;
            var pairs = new SubjectIndex(valid).CollidingPairs(
                (i, j) => collide || Subjects.IsSubsetOf(valid[i], valid[j]) || Subjects.IsSubsetOf(valid[j], valid[i]));
            foreach (var (i, j) in pairs)
            {
                if (listed++ < FindingCaps.PerRule)
                {
                    Reject(c.FilterSubjects, $"consumer subject filters cannot overlap ('{valid[i]}' and '{valid[j]}')");
                }
                else if (++more >= FindingCaps.Counted)
                {
                    break;
                }
            }

            if (more > 0)
            {
                Reject(c.FilterSubjects, $"{FindingCaps.Count(more)} more pairs of filters overlap");
            }
        }

        public void DeliverPolicy()
        {
            if (c.DeliverPolicy.IsUnknown || c.OptStartSeq.IsUnknown || c.HasOptStartTime.IsUnknown)
            {
                return;
            }

            var policy = c.DeliverPolicy.IsAbsent ? Model.DeliverPolicy.All : c.DeliverPolicy.Value;
            var hasSeq = c.OptStartSeq.IsKnown && c.OptStartSeq.Value > 0;
            var hasTime = c.HasOptStartTime.Is(true);
            var at = c.DeliverPolicy.Origin ?? c.Origin;
            switch (policy)
            {
                case Model.DeliverPolicy.All or Model.DeliverPolicy.Last or Model.DeliverPolicy.New or Model.DeliverPolicy.LastPerSubject:
                    var name = policy switch
                    {
                        Model.DeliverPolicy.All => "all",
                        Model.DeliverPolicy.Last => "last",
                        Model.DeliverPolicy.New => "new",
                        _ => "last per subject",
                    };
                    if (hasSeq)
                    {
                        RejectAt(c.OptStartSeq.Origin ?? at, $"consumer delivery policy is deliver {name}, but optional start sequence is also set");
                    }

                    if (hasTime)
                    {
                        RejectAt(c.HasOptStartTime.Origin ?? at, $"consumer delivery policy is deliver {name}, but optional start time is also set");
                    }

                    if (policy == Model.DeliverPolicy.LastPerSubject && HasNoFilter())
                    {
                        RejectAt(at, "consumer delivery policy is deliver last per subject, but optional filter subject is not set");
                    }

                    break;
                case Model.DeliverPolicy.ByStartSequence:
                    if (!hasSeq)
                    {
                        RejectAt(at, "consumer delivery policy is deliver by start sequence, but optional start sequence is not set");
                    }

                    if (hasTime)
                    {
                        RejectAt(c.HasOptStartTime.Origin ?? at, "consumer delivery policy is deliver by start sequence, but optional start time is also set");
                    }

                    break;
                case Model.DeliverPolicy.ByStartTime:
                    if (!hasTime)
                    {
                        RejectAt(at, "consumer delivery policy is deliver by start time, but optional start time is not set");
                    }

                    if (hasSeq)
                    {
                        RejectAt(c.OptStartSeq.Origin ?? at, "consumer delivery policy is deliver by start time, but optional start start sequence is also set");
                    }

                    break;
            }
        }

        /// <summary>The subjects of the consumer's stream when they are all it captures (no mirror, no sources); else null.</summary>
        private IReadOnlyList<string>? OwnSubjects()
        {
            if (c.Stream is not { } stream || !stream.Mirror.IsAbsent || !stream.Sources.IsAbsent && !(stream.Sources.IsKnown && stream.Sources.Value is { Count: 0 }))
            {
                return null;
            }

            return stream.Subjects.TryGet(out var subjects) ? subjects : null;
        }

        private bool MayHaveExternalOrigin()
        {
            if (c.Stream is not { } stream)
            {
                return false;
            }

            if (stream.Mirror.IsUnknown || stream.Sources.IsUnknown)
            {
                return true;
            }

            var mirrorExternal = stream.Mirror.TryGet(out var mirror) && mirror is not null && !mirror.IsExternal.Is(false);
            var sourceExternal = stream.Sources.TryGet(out var sources) && sources is not null && sources.Any(source => !source.IsExternal.Is(false));
            return mirrorExternal || sourceExternal;
        }

        private bool HasNoFilter()
        {
            if (c.FilterSubject.IsUnknown || c.FilterSubjects.IsUnknown)
            {
                return false;
            }

            var single = c.FilterSubject.IsKnown && !string.IsNullOrEmpty(c.FilterSubject.Value);
            var many = v.AtLeast(2, 10) && c.FilterSubjects.IsKnown && c.FilterSubjects.Value is { Count: > 0 };
            return !single && !many;
        }

        /// <summary>
        /// The flow_control ack policy (2.14) on a push consumer: the server fills in flow control and its heartbeat,
        /// but an ack wait, a backoff, a max deliver or an unlimited max ack pending are refused.
        /// </summary>
        public void FlowControlAckPolicy()
        {
            if (v.Before(2, 14) || !c.AckPolicy.Is(AckPolicy.FlowControl) || c.IsPush != true)
            {
                return;
            }

            if (c.MaxAckPending.TryGet(out var maxAckPending) && maxAckPending < 0)
            {
                Reject(c.MaxAckPending, "flow control ack policy requires max ack pending");
            }

            if (c.AckWait.TryGet(out var ackWait) && ackWait != 0 || c.Backoff.TryGet(out var backoff) && backoff is { Count: > 0 })
            {
                RejectAt(c.AckWait.Origin ?? c.Backoff.Origin, "flow control ack policy requires unset ack wait");
            }

            if (c.MaxDeliver.TryGet(out var maxDeliver) && maxDeliver > 0)
            {
                Reject(c.MaxDeliver, "flow control ack policy requires unset max deliver");
            }
        }

        /// <summary>Priority groups (2.11): a policy needs valid group names and (from 2.12) a pull consumer; no policy takes no groups or timeout.</summary>
        public void Priority()
        {
            if (v.Before(2, 11) || c.HasPriorityPolicy.IsUnknown)
            {
                return;
            }

            var groups = c.PriorityGroups.TryGet(out var list) && list is not null ? list : null;
            if (c.HasPriorityPolicy.Is(true))
            {
                if (v.AtLeast(2, 12) && c.IsPush == true)
                {
                    Reject(c.HasPriorityPolicy, "priority groups can not be used with push consumers");
                }
                else if (c.PriorityGroups.IsAbsent || groups is { Count: 0 })
                {
                    Reject(c.HasPriorityPolicy, "Setting PriorityPolicy requires at least one PriorityGroup to be set");
                }
                else if (groups?.FirstOrDefault(g => !IsValidGroupName(g)) is { } bad)
                {
                    Reject(c.PriorityGroups, bad.Length == 0
                        ? "Group name cannot be an empty string"
                        : $"Valid priority group name must match A-Z, a-z, 0-9, -_/=)+ and may not exceed 16 characters ('{bad}')");
                }

                return;
            }

            if (v.Before(2, 12))
            {
                return;
            }

            if (groups is { Count: > 0 })
            {
                Reject(c.PriorityGroups, "consumer can not have priority groups when policy is none");
            }
            else if (c.PriorityTimeout.TryGet(out var timeout) && timeout > 0)
            {
                Reject(c.PriorityTimeout, "PinnedTTL cannot be set when PriorityPolicy is none");
            }
        }

        private static bool IsValidGroupName(string name) =>
            name.Length is > 0 and <= 16 && name.All(ch => ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '/' or '_' or '=' or '-');

        public void SampleFrequency()
        {
            if (!c.SampleFrequency.TryGet(out var text) || string.IsNullOrEmpty(text))
            {
                return;
            }

            // strconv.Atoi after removing one trailing '%': no whitespace, 64-bit.
            var number = text.EndsWith("%", System.StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : text;
            if (!long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent) || percent < 0)
            {
                Reject(c.SampleFrequency, $"failed to parse consumer sampling configuration: '{text}' is not a whole percentage");
            }
        }

        public void Stream()
        {
            if (c.Stream is not { } stream)
            {
                return;
            }

            if (c.NumReplicas.TryGet(out var replicas) && stream.NumReplicas.Effective(1) is { } streamReplicas && replicas > System.Math.Max(1, streamReplicas))
            {
                Reject(c.NumReplicas, "consumer config replica count exceeds parent stream");
            }
            else if (v.AtLeast(2, 9, 12) && replicas > 0 && stream.NumReplicas.Effective(1) is { } r && replicas != System.Math.Max(1, r)
                && (stream.Retention.Is(RetentionPolicy.Interest) || stream.Retention.Is(RetentionPolicy.WorkQueue)))
            {
                Reject(c.NumReplicas, $"consumer config replicas must match interest retention stream's replicas ({replicas} replicas, the stream has {System.Math.Max(1, r)})");
            }

            ConsumerLimits(stream);

            // The consumer's directory in a file-storage stream is named after it; a file name has at most 255 bytes.
            // (A durable name that long is refused earlier, as "consumer name is too long"; memory-storage and
            // "direct" consumers have no directory.)
            if (c.Name.TryGet(out var name) && name is not null && Encoding.UTF8.GetByteCount(name) > MaxNameLength
                && (c.DurableName.IsAbsent || c.DurableName.Is(string.Empty)) && !c.MemStorage.Is(true) && !c.MemStorage.IsUnknown
                && !c.Direct.Is(true) && !c.Direct.IsUnknown
                && (stream.Storage.IsAbsent || stream.Storage.Is(StorageType.File)))
            {
                Reject(c.Name, $"error creating store for consumer (a name of more than {MaxNameLength} bytes can't be the name of its directory in the stream's file storage)");
            }

            var deliver = c.DeliverSubject.Value;
            if (c.IsPush == true && stream.Subjects.TryGet(out var subjects) && subjects is not null && Subjects.IsValid(deliver)
                && subjects.Any(s => Subjects.IsValid(s) && Subjects.IsSubsetOf(deliver, s)))
            {
                Reject(c.DeliverSubject, "consumer deliver subject forms a cycle");
            }

            // The work-queue rules don't apply to "direct" consumers (the server's own mirror and source consumers).
            if (!stream.Retention.Is(RetentionPolicy.WorkQueue) || c.AckPolicy.IsUnknown || !c.Direct.Is(false) && !c.Direct.IsAbsent)
            {
                return;
            }

            var explicitAck = c.AckPolicy.Is(AckPolicy.Explicit) || v.AtLeast(2, 14) && c.AckPolicy.Is(AckPolicy.FlowControl);
            if (!explicitAck)
            {
                Reject(c.AckPolicy, c.IsPush == false && (c.AckPolicy.IsAbsent || c.AckPolicy.Is(AckPolicy.None))
                    ? (v.AtLeast(2, 11) ? "consumer in pull mode requires explicit ack policy on workqueue stream" : "consumer in pull mode requires ack policy")
                    : "workqueue stream requires explicit ack");
            }

            if (c.DeliverPolicy.IsKnown && c.DeliverPolicy.Value != Model.DeliverPolicy.All)
            {
                Reject(c.DeliverPolicy, "consumer must be deliver all on workqueue stream");
            }
        }

        /// <summary>
        /// The stream's consumer_limits (2.10): a consumer that leaves max_ack_pending or inactive_threshold unset
        /// inherits the limit; a larger value is refused.
        /// </summary>
        private void ConsumerLimits(StreamModel stream)
        {
            if (v.Before(2, 10))
            {
                return;
            }

            if (stream.ConsumerLimitMaxAckPending.TryGet(out var limit) && limit > 0 && c.MaxAckPending.TryGet(out var maxAckPending) && maxAckPending > limit)
            {
                Reject(c.MaxAckPending, $"consumer max ack pending exceeds system limit of {limit} (the stream's consumer_limits; max ack pending is {maxAckPending})");
            }

            if (stream.ConsumerLimitInactiveThreshold.TryGet(out var threshold) && threshold > 0 && c.InactiveThreshold.TryGet(out var inactive) && inactive > threshold)
            {
                Reject(c.InactiveThreshold, $"consumer inactive threshold exceeds system limit of {Durations.Format(threshold)} (the stream's consumer_limits; inactive threshold is {Durations.Format(inactive)})");
            }
        }

        private void Reject<T>(ConfigValue<T> value, string reason) => RejectAt(value.Origin ?? c.Origin, reason);

        private void RejectAt(object? origin, string reason) =>
            findings.Add(new Finding(rule.Rule, origin ?? c.Origin, new object?[] { subject, v, reason }));

        private static IReadOnlyDictionary<string, string> WithReason(IReadOnlyDictionary<string, string> properties, string reason) =>
            new Dictionary<string, string>(properties.ToDictionary(p => p.Key, p => p.Value)) { ["reason"] = reason };
    }
}
