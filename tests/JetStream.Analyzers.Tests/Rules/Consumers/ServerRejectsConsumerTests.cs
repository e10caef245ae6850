using System.Linq;
using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

/// <summary>JS2100: nats-server's own checks of a consumer configuration, per server version.</summary>
public class ServerRejectsConsumerTests
{
    private static readonly ServerRejectsConsumer Rule = new();

    private static string[] Check(ConsumerModel consumer, string version = "2.14.5") => Reasons(Run(Rule, consumer, Context(version)));

    [Fact]
    public void SafeConsumers_Accepted()
    {
        Assert.Empty(Check(SafeConsumer()));
        Assert.Empty(Check(SafePushConsumer()));
        Assert.Empty(Check(SafeConsumer(), "2.9.0"));
    }

    [Fact]
    public void Finding_NamesTheConsumerAndTheVersion()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.NumReplicas = Known(-1L, "here")), Context("2.11.4")));
        Assert.Equal(RuleIds.ConsumerRejectedByServer, finding.Rule.Id);
        Assert.Equal(RuleSeverity.Error, finding.Severity);
        Assert.Equal("here", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.11.4: replicas count cannot be negative", finding.Message);
    }

    // ---------------------------------------------------------------- names and sizes

    [Theory]
    [InlineData("work.er", "2.12.8", "consumer name can not contain '.', '*', '>', '\\', '/'")]
    [InlineData("work*", "2.12.7", "durable name can not contain '.', '*', '>'")]
    [InlineData("work/er", "2.12.7", "Consumer name can not contain path separators")]
    [InlineData("work/er", "2.12.8", "consumer name can not contain '.', '*', '>', '\\', '/'")]
    public void InvalidNames(string name, string version, string reason)
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => { c.Name = Known(name, "here"); c.DurableName = default; }), Context(version)));
        Assert.Equal("here", finding.Origin);
        Assert.Equal(reason, finding.Arguments[2]);
    }

    [Theory]
    [InlineData("dur.able", "2.12.8", "consumer durable name can not contain '.', '*', '>', '\\', '/'")]
    [InlineData("dur able", "2.10.0", "durable name can not contain '.', '*', '>'")]
    [InlineData("dur\\able", "2.12.8", "consumer durable name can not contain '.', '*', '>', '\\', '/'")]
    public void InvalidDurableNames(string durable, string version, string reason) =>
        Assert.Equal(new[] { reason }, Check(SafeConsumer().With(c => { c.Name = default; c.DurableName = Known(durable, "d"); }), version));

    [Fact]
    public void DurableNameTooLong() =>
        Assert.Equal(new[] { "consumer name is too long, maximum allowed is 255" },
            Check(SafeConsumer().With(c => { c.Name = default; c.DurableName = Known(new string('d', 256), "d"); })));

    [Fact]
    public void NameAndDurableDiffer()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.Name = Known("other", "here"))));
        Assert.Equal("here", finding.Origin);
        Assert.Equal("consumer name in subject does not match durable name in request", finding.Arguments[2]);
        Assert.Empty(Check(SafeConsumer().With(c => c.Name = Known("", "n"))));
        Assert.Empty(Check(SafeConsumer().With(c => c.Name = Unknown<string>("n"))));
    }

    [Fact]
    public void DescriptionAndMetadataSizes()
    {
        Assert.Equal(new[] { "consumer description is too long, maximum allowed is 4096" },
            Check(SafeConsumer().With(c => c.Description = Known(new string('x', 4097), "d"))));
        var metadata = SafeConsumer().With(c => c.MetadataBytes = Known(128L * 1024 + 1, "m"));
        Assert.Equal(new[] { "consumer metadata exceeds maximum size of 128KB" }, Check(metadata, "2.10.0"));
        Assert.Empty(Check(metadata, "2.9.0"));
    }

    [Fact]
    public void FlowControlAckPolicy_NeedsServer214()
    {
        var consumer = SafePushConsumer().With(c => c.AckPolicy = Known(AckPolicy.FlowControl, "ack"));
        Assert.Equal(new[] { "invalid JSON (the flow_control ack policy needs server 2.14)" }, Check(consumer, "2.12.0"));
        Assert.DoesNotContain("invalid JSON (the flow_control ack policy needs server 2.14)", Check(consumer, "2.14.0"));
    }

    // ---------------------------------------------------------------- timing

    [Fact]
    public void NegativeBackoffAndAckWait_From212()
    {
        var consumer = SafeConsumer().With(c => { c.Backoff = List("b", -Durations.Second); c.AckWait = Known(-1L, "w"); });
        Assert.Equal(new[] { "consumer backoff needs to be positive" }, Check(consumer, "2.12.0"));
        Assert.Empty(Check(consumer, "2.11.0"));
        Assert.Equal(new[] { "consumer ack wait needs to be positive" }, Check(SafeConsumer().With(c => { c.Backoff = default; c.AckWait = Known(-1L, "w"); }), "2.12.0"));
    }

    [Fact]
    public void PushMaxWaitingNegative_TurnedIntoZeroFrom212()
    {
        var consumer = SafePushConsumer().With(c => c.MaxWaiting = Known(-1L, "w"));
        Assert.Empty(Check(consumer, "2.12.0"));
        Assert.Equal(new[] { "consumer in push mode can not set max waiting" }, Check(consumer, "2.11.0"));
    }

    [Fact]
    public void PriorityGroups_From211()
    {
        ConsumerModel Prioritized(params string[] groups) => SafeConsumer().With(c =>
        {
            c.HasPriorityPolicy = Known(true, "policy");
            c.PriorityGroups = groups.Length == 0 ? default : List("groups", groups);
        });

        Assert.Equal(new[] { "Setting PriorityPolicy requires at least one PriorityGroup to be set" }, Check(Prioritized(), "2.11.0"));
        Assert.Equal(new[] { "Group name cannot be an empty string" }, Check(Prioritized(""), "2.15.1"));
        Assert.Equal(new[] { "Valid priority group name must match A-Z, a-z, 0-9, -_/=)+ and may not exceed 16 characters ('a.b')" }, Check(Prioritized("a.b"), "2.15.1"));
        Assert.Empty(Check(Prioritized("jobs", "a/b=c-d_e"), "2.15.1"));
        Assert.Empty(Check(Prioritized(), "2.10.27"));
        Assert.Equal(new[] { "priority groups can not be used with push consumers" },
            Check(SafePushConsumer().With(c => { c.HasPriorityPolicy = Known(true, "p"); c.PriorityGroups = List("g", "jobs"); }), "2.12.0"));
        Assert.Equal(new[] { "consumer can not have priority groups when policy is none" },
            Check(SafeConsumer().With(c => { c.HasPriorityPolicy = Known(false, "p"); c.PriorityGroups = List("g", "jobs"); }), "2.12.0"));
        Assert.Equal(new[] { "PinnedTTL cannot be set when PriorityPolicy is none" },
            Check(SafeConsumer().With(c => c.PriorityTimeout = Known(Durations.Second, "t")), "2.15.1"));
    }

    [Fact]
    public void FlowControlAckPolicy_From214()
    {
        var consumer = SafePushConsumer().With(c => { c.AckPolicy = Known(AckPolicy.FlowControl, "ack"); c.FlowControl = default; c.IdleHeartbeat = default; c.AckWait = default; c.Backoff = default; c.MaxDeliver = default; });
        Assert.Empty(Check(consumer, "2.15.1"));
        Assert.Equal(
            new[] { "flow control ack policy requires max ack pending", "flow control ack policy requires unset ack wait", "flow control ack policy requires unset max deliver" },
            Check(consumer.With(c => { c.MaxAckPending = Known(-1L, "m"); c.AckWait = Known(Durations.Second, "w"); c.MaxDeliver = Known(3L, "d"); }), "2.15.1"));
    }

    [Fact]
    public void ConsumerLimits_From210()
    {
        var stream = SafeStream().With(s => { s.ConsumerLimitMaxAckPending = Known(100L, "lm"); s.ConsumerLimitInactiveThreshold = Known(10 * Durations.Second, "li"); });
        Assert.Empty(Check(SafeConsumer().With(c => { c.Stream = stream; c.MaxAckPending = default; }), "2.10.27")); // inherits the limit
        Assert.Equal(
            new[] { "consumer max ack pending exceeds system limit of 100 (the stream's consumer_limits; max ack pending is 1000)", "consumer inactive threshold exceeds system limit of 10s (the stream's consumer_limits; inactive threshold is 1m)" },
            Check(SafeConsumer().With(c => { c.Stream = stream; c.MaxAckPending = Known(1000L, "m"); c.InactiveThreshold = Known(60 * Durations.Second, "i"); }), "2.10.27"));
        Assert.Empty(Check(SafeConsumer().With(c => { c.Stream = stream; c.MaxAckPending = Known(1000L, "m"); }), "2.9.10"));
    }

    [Theory]
    [InlineData(RetentionPolicy.Interest, "2.9.12", true)]
    [InlineData(RetentionPolicy.WorkQueue, "2.15.1", true)]
    [InlineData(RetentionPolicy.Interest, "2.9.11", false)]
    [InlineData(RetentionPolicy.Limits, "2.15.1", false)]
    public void ReplicasMustMatchTheStream_OnInterestAndWorkQueue(RetentionPolicy retention, string version, bool rejected)
    {
        var consumer = SafeConsumer().With(c =>
        {
            c.NumReplicas = Known(1L, "r");
            c.AckPolicy = Known(AckPolicy.Explicit, "a");
            c.Stream = SafeStream().With(s => { s.NumReplicas = Known(3L, "sr"); s.Retention = Known(retention, "ret"); });
        });
        Assert.Equal(rejected, Check(consumer, version).Contains("consumer config replicas must match interest retention stream's replicas (1 replicas, the stream has 3)"));
    }

    // With a backoff list the server takes the ack wait from its first value.
    [Fact]
    public void NegativeAckWaitWithBackoff_Accepted() =>
        Assert.Empty(Check(SafeConsumer().With(c => { c.Backoff = List("b", Durations.Second); c.AckWait = Known(-Durations.Second, "w"); }), "2.15.1"));

    [Theory]
    [InlineData("2.10.13", null, 3, true)] // unset max deliver (-1) is not > 3 before 2.10.14
    [InlineData("2.10.14", null, 3, false)]
    [InlineData("2.10.14", 3L, 3, true)] // 2.10.14 to 2.10.22: max deliver must exceed the backoff length
    [InlineData("2.10.22", 3L, 3, true)]
    [InlineData("2.10.23", 3L, 3, false)] // from 2.10.23 it may equal it
    [InlineData("2.14.5", 3L, 3, false)]
    [InlineData("2.14.5", 2L, 3, true)]
    [InlineData("2.14.5", 0L, 3, false)] // 0 means unlimited
    [InlineData("2.11.0", -5L, 3, true)] // below -1 is rejected before 2.12 ...
    [InlineData("2.12.0", -5L, 3, false)] // ... and means unlimited from 2.12
    public void BackoffVersusMaxDeliver(string version, long? maxDeliver, int backoffCount, bool rejected)
    {
        var backoff = new long[backoffCount];
        for (var i = 0; i < backoffCount; i++)
        {
            backoff[i] = (i + 1) * Durations.Second;
        }

        var consumer = SafeConsumer().With(c => { c.Backoff = List("backoff", backoff); c.MaxDeliver = maxDeliver is { } md ? Known(md, "max_deliver") : default; });
        var findings = Run(Rule, consumer, Context(version));
        Assert.Equal(rejected, findings.Count == 1);
        if (rejected)
        {
            var shown = maxDeliver is null ? "not set" : maxDeliver == 0 ? "-1" : maxDeliver.ToString();
            Assert.Equal($"max deliver is required to be > length of backoff values (max deliver is {shown}, backoff has {backoffCount} values)", findings[0].Arguments[2]);
            Assert.Equal(maxDeliver is null ? "backoff" : "max_deliver", findings[0].Origin);
            Assert.Equal("max_deliver", findings[0].Properties[FixProperties.Field]);
            Assert.Equal((backoffCount + 1).ToString(), findings[0].Properties[FixProperties.Value]);
            Assert.Equal(ServerRejectsConsumer.BackoffReason, findings[0].Properties["reason"]);
        }
    }

    [Fact]
    public void BackoffVersusMaxDeliver_UnknownValues_NotChecked()
    {
        Assert.Empty(Check(SafeConsumer().With(c => c.MaxDeliver = Unknown<long>("md")), "2.10.0"));
        Assert.Empty(Check(SafeConsumer().With(c => { c.MaxDeliver = Known(1L, "md"); c.Backoff = Unknown<IReadOnlyList<long>>("b"); })));
    }

    // ---------------------------------------------------------------- push consumers

    [Theory]
    [InlineData("deliver..orders", "invalid push consumer deliver subject")]
    [InlineData("deliver.*", "consumer deliver subject has wildcards")]
    [InlineData("deliver.>", "consumer deliver subject has wildcards")]
    public void InvalidDeliverSubjects(string deliver, string reason)
    {
        var finding = Single(Run(Rule, SafePushConsumer().With(c => c.DeliverSubject = Known(deliver, "here"))));
        Assert.Equal("here", finding.Origin);
        Assert.Equal(reason, finding.Arguments[2]);
    }

    [Fact]
    public void PushOnlyChecks()
    {
        Assert.Equal(new[] { "consumer in push mode can not set max waiting" }, Check(SafePushConsumer().With(c => c.MaxWaiting = Known(10L, "w"))));
        Assert.Equal(new[] { "consumer requires ack policy for max ack pending" },
            Check(SafePushConsumer().With(c => { c.AckPolicy = Known(AckPolicy.None, "a"); c.MaxAckPending = Known(10L, "p"); })));
        Assert.Equal(new[] { "consumer idle heartbeat needs to be >= 100ms" }, Check(SafePushConsumer().With(c => c.IdleHeartbeat = Known(50 * Durations.Millisecond, "h"))));
        Assert.Equal(new[] { "consumer with flow control also needs heartbeats" }, Check(SafePushConsumer().With(c => c.IdleHeartbeat = default)));
        Assert.Empty(Check(SafePushConsumer().With(c => { c.FlowControl = default; c.IdleHeartbeat = default; c.MaxAckPending = Known(10L, "p"); })));
    }

    // ---------------------------------------------------------------- pull consumers

    [Fact]
    public void PullOnlyChecks()
    {
        Assert.Equal(new[] { "consumer in pull mode can not have rate limit set" }, Check(SafeConsumer().With(c => c.RateLimitBps = Known(1000L, "r"))));
        Assert.Equal(new[] { "consumer idle heartbeat requires a push based consumer" }, Check(SafeConsumer().With(c => c.IdleHeartbeat = Known(Durations.Second, "h"))));
        Assert.Equal(new[] { "consumer flow control requires a push based consumer" }, Check(SafeConsumer().With(c => c.FlowControl = Known(true, "f"))));
        Assert.Equal(new[] { "flow control ack policy requires a push based consumer" }, Check(SafeConsumer().With(c => c.AckPolicy = Known(AckPolicy.FlowControl, "a"))));
        Assert.Equal(new[] { "consumer max request expires needs to be >= 1ms" }, Check(SafeConsumer().With(c => c.MaxExpires = Known(Durations.Microsecond, "e"))));
        Assert.Empty(Check(SafeConsumer().With(c => { c.MaxExpires = Known(Durations.Millisecond, "e"); c.MaxWaiting = Known(512L, "w"); c.MaxBatch = Known(100L, "b"); })));
    }

    [Fact]
    public void PullNegativeLimits_RejectedBefore212()
    {
        var consumer = SafeConsumer().With(c => { c.MaxWaiting = Known(-1L, "w"); c.MaxBatch = Known(-1L, "b"); c.MaxExpires = Known(-1L, "e"); });
        Assert.Equal(new[]
        {
            "consumer max waiting needs to be positive",
            "consumer max request batch needs to be > 0",
            "consumer max request expires needs to be >= 1ms",
        }, Check(consumer, "2.11.0"));
        Assert.Empty(Check(consumer, "2.12.0"));
    }

    [Fact]
    public void UnknownDeliverSubject_NeitherPushNorPullChecks()
    {
        var consumer = SafeConsumer().With(c =>
        {
            c.DeliverSubject = Unknown<string>("d");
            c.IdleHeartbeat = Known(Durations.Second, "h");
            c.MaxWaiting = Known(10L, "w");
            c.FlowControl = Known(true, "f");
        });
        Assert.Empty(Check(consumer));
    }

    // ---------------------------------------------------------------- filters

    [Fact]
    public void Filters_From210()
    {
        var both = SafeConsumer().With(c => { c.FilterSubject = Known("orders.new", "f"); c.FilterSubjects = List("here", "orders.paid"); });
        Assert.Equal(new[] { "consumer cannot have both FilterSubject and FilterSubjects specified" }, Check(both));
        Assert.Empty(Check(both, "2.9.25"));

        Assert.Equal(new[] { "invalid subject" }, Check(SafeConsumer().With(c => c.FilterSubject = Known("orders..new", "f"))));
        Assert.Equal(new[] { "consumer filter in FilterSubjects cannot be empty", "invalid subject 'a b'" },
            Check(SafeConsumer().With(c => c.FilterSubjects = List("fs", "", "a b"))));
    }

    [Theory]
    [InlineData("orders.>", "orders.new", "2.14.5", true)]
    [InlineData("orders.*", "orders.new", "2.10.0", true)]
    [InlineData("orders.*", "*.new", "2.10.13", false)] // containment only
    [InlineData("orders.*", "*.new", "2.10.14", true)] // 2.10.14 to 2.12.4: any overlap
    [InlineData("orders.*", "*.new", "2.12.4", true)]
    [InlineData("orders.*", "*.new", "2.12.5", false)]
    [InlineData("orders.new", "orders.paid", "2.14.5", false)]
    public void OverlappingFilters(string a, string b, string version, bool rejected)
    {
        var reasons = Check(SafeConsumer().With(c => c.FilterSubjects = List("fs", a, b)), version);
        Assert.Equal(rejected ? new[] { $"consumer subject filters cannot overlap ('{a}' and '{b}')" } : System.Array.Empty<string>(), reasons);
    }

    // ---------------------------------------------------------------- deliver policy

    public static IEnumerable<object[]> DeliverPolicies => new[]
    {
        new object[] { DeliverPolicy.All, true, false, "consumer delivery policy is deliver all, but optional start sequence is also set" },
        new object[] { DeliverPolicy.Last, false, true, "consumer delivery policy is deliver last, but optional start time is also set" },
        new object[] { DeliverPolicy.New, true, false, "consumer delivery policy is deliver new, but optional start sequence is also set" },
        new object[] { DeliverPolicy.ByStartSequence, false, false, "consumer delivery policy is deliver by start sequence, but optional start sequence is not set" },
        new object[] { DeliverPolicy.ByStartSequence, true, true, "consumer delivery policy is deliver by start sequence, but optional start time is also set" },
        new object[] { DeliverPolicy.ByStartTime, false, false, "consumer delivery policy is deliver by start time, but optional start time is not set" },
        new object[] { DeliverPolicy.ByStartTime, true, true, "consumer delivery policy is deliver by start time, but optional start start sequence is also set" },
    };

    [Theory]
    [MemberData(nameof(DeliverPolicies))]
    public void DeliverPolicyCombinations(DeliverPolicy policy, bool sequence, bool time, string reason)
    {
        var consumer = SafeConsumer().With(c =>
        {
            c.DeliverPolicy = Known(policy, "policy");
            c.OptStartSeq = sequence ? Known(10UL, "seq") : default;
            c.HasOptStartTime = time ? Known(true, "time") : default;
        });
        Assert.Equal(new[] { reason }, Check(consumer));
    }

    [Fact]
    public void DeliverPolicy_ValidCombinations()
    {
        Assert.Empty(Check(SafeConsumer().With(c => { c.DeliverPolicy = Known(DeliverPolicy.ByStartSequence, "p"); c.OptStartSeq = Known(1UL, "s"); })));
        Assert.Empty(Check(SafeConsumer().With(c => { c.DeliverPolicy = Known(DeliverPolicy.ByStartTime, "p"); c.HasOptStartTime = Known(true, "t"); })));
        Assert.Empty(Check(SafeConsumer().With(c => { c.DeliverPolicy = Known(DeliverPolicy.LastPerSubject, "p"); c.FilterSubject = Known("orders.*", "f"); })));
        Assert.Empty(Check(SafeConsumer().With(c => { c.DeliverPolicy = Known(DeliverPolicy.All, "p"); c.OptStartSeq = Known(0UL, "s"); c.HasOptStartTime = Known(false, "t"); })));
    }

    [Fact]
    public void DeliverLastPerSubject_NeedsAFilter()
    {
        var consumer = SafeConsumer().With(c => { c.DeliverPolicy = Known(DeliverPolicy.LastPerSubject, "p"); c.FilterSubjects = List("fs", "orders.*"); });
        Assert.Empty(Check(consumer, "2.10.0"));
        Assert.Equal(new[] { "consumer delivery policy is deliver last per subject, but optional filter subject is not set" }, Check(consumer, "2.9.25"));
        Assert.Empty(Check(consumer.With(c => c.FilterSubjects = Unknown<IReadOnlyList<string>>("fs")), "2.9.25"));
    }

    [Fact]
    public void DeliverPolicy_UnknownParts_NotChecked()
    {
        Assert.Empty(Check(SafeConsumer().With(c => { c.DeliverPolicy = Unknown<DeliverPolicy>("p"); c.OptStartSeq = Known(1UL, "s"); })));
        Assert.Empty(Check(SafeConsumer().With(c => { c.DeliverPolicy = Known(DeliverPolicy.ByStartTime, "p"); c.HasOptStartTime = Unknown<bool>("t"); })));
        Assert.Empty(Check(SafeConsumer().With(c => { c.DeliverPolicy = Known(DeliverPolicy.ByStartSequence, "p"); c.OptStartSeq = Unknown<ulong>("s"); })));
    }

    // ---------------------------------------------------------------- sampling

    [Theory]
    [InlineData("100", false)]
    [InlineData("50%", false)]
    [InlineData(" 5 ", true)]
    [InlineData("3000000000", false)]
    [InlineData("", false)]
    [InlineData("half", true)]
    [InlineData("-5", true)]
    [InlineData("1.5", true)]
    public void SampleFrequency(string frequency, bool rejected)
    {
        var reasons = Check(SafeConsumer().With(c => c.SampleFrequency = Known(frequency, "s")));
        Assert.Equal(rejected ? new[] { $"failed to parse consumer sampling configuration: '{frequency}' is not a whole percentage" } : System.Array.Empty<string>(), reasons);
    }

    // ---------------------------------------------------------------- checks that need the stream

    [Fact]
    public void StreamChecks_RunOnlyWhenTheStreamIsKnown()
    {
        var consumer = SafePushConsumer().With(c =>
        {
            c.NumReplicas = Known(3L, "r");
            c.DeliverSubject = Known("orders.deliver", "d");
            c.DeliverPolicy = Known(DeliverPolicy.New, "p");
        });
        Assert.Empty(Check(consumer));

        consumer.Stream = SafeStream().With(s => { s.NumReplicas = Known(1L, "sr"); s.Retention = Known(RetentionPolicy.WorkQueue, "ret"); });
        consumer.AckPolicy = Known(AckPolicy.All, "ack");
        Assert.Equal(new[]
        {
            "consumer config replica count exceeds parent stream",
            "consumer deliver subject forms a cycle",
            "workqueue stream requires explicit ack",
            "consumer must be deliver all on workqueue stream",
        }, Check(consumer));
    }

    [Theory]
    [InlineData("2.11.0", "consumer in pull mode requires explicit ack policy on workqueue stream")]
    [InlineData("2.10.0", "consumer in pull mode requires ack policy")]
    public void WorkQueuePullWithoutAcks(string version, string reason)
    {
        var consumer = SafeConsumer().With(c =>
        {
            c.AckPolicy = Known(AckPolicy.None, "ack");
            c.Stream = SafeStream().With(s => s.Retention = Known(RetentionPolicy.WorkQueue, "ret"));
        });
        Assert.Equal(new[] { reason }, Check(consumer, version));
    }
}
