using System.Collections.Generic;
using static JetStream.Analyzers.Tests.Server.ServerCase;

namespace JetStream.Analyzers.Tests.Server;

/// <summary>
/// JS2100 (ServerRejectsConsumer) against a real server, on the stream <see cref="Stream"/> (subjects "cs.>").
/// Consumer names are unique per case; accepted consumers are deleted again.
/// </summary>
public static class ConsumerCases
{
    public const string Stream = "CONSUMERS";

    private static readonly string Durable256 = new('d', 256);
    private static readonly string Durable255 = new('d', 255);
    private static readonly string Text4097 = new('t', 4097);
    private static readonly string Metadata128KiBPlus1 = new('m', 128 * 1024);

    public static IReadOnlyList<ServerCase> All { get; } = new[]
    {
        // Names. NATS.Net puts the name (else the durable name) into the API subject and refuses '.', '*', '>' and
        // whitespace itself; those cases are sent raw: a name-only config to the legacy CONSUMER.CREATE.<stream>
        // subject (the server then checks the name from the body), a durable one to CONSUMER.DURABLE.CREATE.
        Rejects("name contains '*'", """new ConsumerConfig("c01*")""",
            "durable name can not contain '.', '*', '>'", before: "2.12.8", raw: $"CONSUMER.CREATE.{Stream}.c01*"),
        Rejects("name contains '>'", """new ConsumerConfig { Name = "c02>" }""",
            "durable name can not contain '.', '*', '>'", before: "2.12.8", raw: $"CONSUMER.CREATE.{Stream}"),
        Rejects("name contains '.'", """new ConsumerConfig { Name = "c03.x" }""",
            "durable name can not contain '.', '*', '>'", before: "2.12.8", raw: $"CONSUMER.CREATE.{Stream}"),
        Rejects("name contains a space", """new ConsumerConfig { Name = "c04 x" }""",
            "durable name can not contain '.', '*', '>'", before: "2.12.8", raw: $"CONSUMER.CREATE.{Stream}"),
        Rejects("durable name contains '*'", """new ConsumerConfig { DurableName = "c05*" }""",
            "durable name can not contain '.', '*', '>'", before: "2.12.8", raw: $"CONSUMER.DURABLE.CREATE.{Stream}.c05*"),
        Rejects("name contains '/'", """new ConsumerConfig("c06/x")""",
            "Consumer name can not contain path separators", from: "2.9.0", before: "2.12.8"),
        Rejects("durable name contains '/'", """new ConsumerConfig { DurableName = "c06d/x" }""",
            "Consumer name can not contain path separators", from: "2.9.0", before: "2.12.8",
            note: "NATS.Net puts the durable name into the API subject when no name is set"),
        Rejects("durable name longer than 255 bytes", $$"""new ConsumerConfig("{{Durable256}}")""",
            "consumer name is too long, maximum allowed is 255"),
        Accepts("durable name of 255 bytes", $$"""new ConsumerConfig("{{Durable255}}")"""),
        Accepts("durable consumer", """new ConsumerConfig("k01")"""),
        Accepts("named ephemeral consumer", """new ConsumerConfig { Name = "k02" }"""),
        Accepts("name with '-' and '_'", """new ConsumerConfig("k03-x_y")"""),
        Rejects("name and durable name differ", """new ConsumerConfig { Name = "c08a", DurableName = "c08b" }""",
            "consumer name in subject does not match durable name in request",
            note: "NATS.Net sends the name in the subject; the server compares it with the durable name first (10017)"),
        Accepts("name and durable name equal", """new ConsumerConfig { Name = "k04", DurableName = "k04" }"""),

        Rejects("negative replicas", """new ConsumerConfig("c09") { NumReplicas = -1 }""", "replicas count cannot be negative"),
        Accepts("replicas inherited from the stream", """new ConsumerConfig("k09") { NumReplicas = 0 }"""),
        Rejects("description longer than 4096 bytes", $$"""new ConsumerConfig("c10") { Description = "{{Text4097}}" }""",
            "consumer description is too long, maximum allowed is 4096"),
        Rejects("flow_control ack policy", """new ConsumerConfig("c11") { AckPolicy = ConsumerConfigAckPolicy.FlowControl }""",
            "invalid JSON", before: "2.14.0", note: "the server can not decode the enum value"),

        // backoff versus max_deliver (2.9.10 to 2.10.12: an explicit max_deliver > len(backoff) is required).
        Rejects("backoff without max_deliver", """new ConsumerConfig("c12") { Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)] }""",
            "max deliver is required to be > length of backoff values", before: "2.10.14"),
        Rejects("backoff with max_deliver equal to its length", """new ConsumerConfig("c13") { Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], MaxDeliver = 2 }""",
            "max deliver is required to be > length of backoff values", before: "2.10.23"),
        Rejects("backoff with max_deliver -1", """new ConsumerConfig("c14") { Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], MaxDeliver = -1 }""",
            "max deliver is required to be > length of backoff values", before: "2.10.14"),
        Accepts("backoff with max_deliver above its length", """new ConsumerConfig("k14") { Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], MaxDeliver = 3 }"""),

        // Push consumers.
        Rejects("push: deliver subject with an empty token", """new ConsumerConfig("c15") { DeliverSubject = "d15..x" }""",
            "invalid push consumer deliver subject"),
        Rejects("push: wildcard deliver subject", """new ConsumerConfig("c16") { DeliverSubject = "d16.*" }""",
            "consumer deliver subject has wildcards"),
        Rejects("push: max_waiting", """new ConsumerConfig("c17") { DeliverSubject = "d17", MaxWaiting = 5 }""",
            "consumer in push mode can not set max waiting"),
        Rejects("push: max_ack_pending with ack none", """new ConsumerConfig("c18") { DeliverSubject = "d18", AckPolicy = ConsumerConfigAckPolicy.None, MaxAckPending = 5 }""",
            "consumer requires ack policy for max ack pending"),
        Accepts("push: max_ack_pending with explicit ack", """new ConsumerConfig("k18") { DeliverSubject = "e18", MaxAckPending = 5 }"""),
        Rejects("push: idle heartbeat below 100ms", """new ConsumerConfig("c19") { DeliverSubject = "d19", IdleHeartbeat = TimeSpan.FromMilliseconds(50) }""",
            "consumer idle heartbeat needs to be >= 100ms"),
        Rejects("push: flow control without heartbeat", """new ConsumerConfig("c20") { DeliverSubject = "d20", FlowControl = true }""",
            "consumer with flow control also needs heartbeats"),
        Accepts("push: flow control with a 100ms heartbeat", """new ConsumerConfig("k20") { DeliverSubject = "e20", FlowControl = true, IdleHeartbeat = TimeSpan.FromMilliseconds(100) }"""),
        Accepts("push: pull-only max_batch, max_expires and max_bytes", """new ConsumerConfig("k21") { DeliverSubject = "e21", MaxBatch = 10, MaxExpires = TimeSpan.FromSeconds(1), MaxBytes = 1024 }""",
            note: "the server does not check these request limits on push consumers"),
        Accepts("push: negative max_batch and max_expires", """new ConsumerConfig("k22") { DeliverSubject = "e22", MaxBatch = -1, MaxExpires = TimeSpan.FromSeconds(-1) }""",
            note: "the negative-value checks are pull-only (and 2.12 turns negatives into 0)"),

        // Pull consumers.
        Rejects("pull: rate limit", """new ConsumerConfig("c21") { RateLimitBps = 100 }""", "consumer in pull mode can not have rate limit set"),
        Rejects("pull: idle heartbeat", """new ConsumerConfig("c22") { IdleHeartbeat = TimeSpan.FromSeconds(1) }""", "consumer idle heartbeat requires a push based consumer"),
        Rejects("pull: flow control", """new ConsumerConfig("c23") { FlowControl = true }""", "consumer flow control requires a push based consumer"),
        Rejects("pull: negative max_waiting", """new ConsumerConfig("c24") { MaxWaiting = -1 }""", "consumer max waiting needs to be positive", before: "2.12.0"),
        Rejects("pull: negative max_batch", """new ConsumerConfig("c25") { MaxBatch = -1 }""", "consumer max request batch needs to be > 0", before: "2.12.0"),
        Rejects("pull: max_expires below 1ms", """new ConsumerConfig("c26") { MaxExpires = TimeSpan.FromTicks(5) }""", "consumer max request expires needs to be >= 1ms"),
        Rejects("pull: negative max_expires", """new ConsumerConfig("c27") { MaxExpires = TimeSpan.FromSeconds(-1) }""", "consumer max request expires needs to be >= 1ms", before: "2.12.0"),
        Accepts("pull: request limits", """new ConsumerConfig("k27") { MaxExpires = TimeSpan.FromMilliseconds(1), MaxBatch = 10, MaxBytes = 1024, MaxWaiting = 10 }"""),

        // Deliver policies.
        Rejects("deliver all with a start sequence", """new ConsumerConfig("c28") { DeliverPolicy = ConsumerConfigDeliverPolicy.All, OptStartSeq = 5 }""",
            "consumer delivery policy is deliver all, but optional start sequence is also set"),
        Rejects("deliver last with a start time", """new ConsumerConfig("c29") { DeliverPolicy = ConsumerConfigDeliverPolicy.Last, OptStartTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) }""",
            "consumer delivery policy is deliver last, but optional start time is also set"),
        Rejects("deliver new with a start sequence", """new ConsumerConfig("c30") { DeliverPolicy = ConsumerConfigDeliverPolicy.New, OptStartSeq = 5 }""",
            "consumer delivery policy is deliver new, but optional start sequence is also set"),
        Rejects("deliver last per subject without a filter", """new ConsumerConfig("c31") { DeliverPolicy = ConsumerConfigDeliverPolicy.LastPerSubject }""",
            "consumer delivery policy is deliver last per subject, but optional filter subject is not set"),
        Rejects("deliver last per subject with only filter_subjects", """new ConsumerConfig("c32") { DeliverPolicy = ConsumerConfigDeliverPolicy.LastPerSubject, FilterSubjects = ["cs.a", "cs.b"] }""",
            "consumer delivery policy is deliver last per subject, but optional filter subject is not set", before: "2.10.0",
            note: "servers before 2.10 drop filter_subjects"),
        Accepts("deliver last per subject with a filter", """new ConsumerConfig("k32") { DeliverPolicy = ConsumerConfigDeliverPolicy.LastPerSubject, FilterSubject = "cs.a" }"""),
        Rejects("deliver by start sequence without one", """new ConsumerConfig("c33") { DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartSequence }""",
            "consumer delivery policy is deliver by start sequence, but optional start sequence is not set"),
        Rejects("deliver by start sequence with a start time", """new ConsumerConfig("c34") { DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartSequence, OptStartSeq = 1, OptStartTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) }""",
            "consumer delivery policy is deliver by start sequence, but optional start time is also set"),
        Accepts("deliver by start sequence with one", """new ConsumerConfig("k34") { DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartSequence, OptStartSeq = 1 }"""),
        Rejects("deliver by start time without one", """new ConsumerConfig("c35") { DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartTime }""",
            "consumer delivery policy is deliver by start time, but optional start time is not set"),
        Rejects("deliver by start time with a start sequence", """new ConsumerConfig("c36") { DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartTime, OptStartSeq = 1, OptStartTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) }""",
            "consumer delivery policy is deliver by start time, but optional start start sequence is also set"),
        Accepts("deliver by start time with one", """new ConsumerConfig("k36") { DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartTime, OptStartTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) }"""),

        // Sampling: strconv.Atoi after removing one trailing '%'.
        Rejects("sample frequency not a number", """new ConsumerConfig("c37") { SampleFreq = "abc" }""", "failed to parse consumer sampling configuration"),
        Rejects("negative sample frequency", """new ConsumerConfig("c38") { SampleFreq = "-5%" }""", "failed to parse consumer sampling configuration"),
        Rejects("sample frequency with a leading space", """new ConsumerConfig("c39") { SampleFreq = " 50%" }""", "failed to parse consumer sampling configuration"),
        Rejects("sample frequency with two '%'", """new ConsumerConfig("c40") { SampleFreq = "50%%" }""", "failed to parse consumer sampling configuration"),
        Accepts("sample frequency 50%", """new ConsumerConfig("k40") { SampleFreq = "50%" }"""),
        Accepts("sample frequency with a sign and no '%'", """new ConsumerConfig("k41") { SampleFreq = "+50" }"""),
        Accepts("sample frequency beyond 32 bits", """new ConsumerConfig("k42") { SampleFreq = "3000000000" }"""),

        // Filter subject. NATS.Net appends the filter to the API subject, which an invalid filter breaks (no responders).
        Rejects("invalid filter subject", """new ConsumerConfig("c41") { FilterSubject = "cs..x" }""",
            "consumer filter subject is not a valid subset of the interest subjects", before: "2.10.0", raw: $"CONSUMER.CREATE.{Stream}.c41",
            note: "2.9 checks the filter against the stream's subjects, and an invalid subject is never inside them; 2.10 says 'invalid subject'"),
        Accepts("valid filter subject", """new ConsumerConfig("k43") { FilterSubject = "cs.a.*" }"""),

        // Rules from later releases, which 2.9.10 accepts (it drops fields it does not know).
        GatedFrom("2.12.0", "negative backoff", """new ConsumerConfig("h01") { Backoff = [TimeSpan.FromSeconds(-1)], MaxDeliver = 5 }""",
            "consumer backoff needs to be positive"),
        GatedFrom("2.12.0", "negative ack_wait", """new ConsumerConfig("h02") { AckWait = TimeSpan.FromSeconds(-1) }""",
            "consumer ack wait needs to be positive"),
        GatedFrom("2.10.0", "overlapping filter_subjects", """new ConsumerConfig("h03") { FilterSubjects = ["cs.a", "cs.>"] }""",
            "consumer subject filters cannot overlap"),
        GatedFrom("2.10.0", "empty entry in filter_subjects", """new ConsumerConfig("h04") { FilterSubjects = ["cs.a", ""] }""",
            "consumer filter in FilterSubjects cannot be empty"),
        GatedFrom("2.10.0", "invalid entry in filter_subjects", """new ConsumerConfig("h05") { FilterSubjects = ["cs..x"] }""",
            "invalid subject"),
        GatedFrom("2.10.0", "filter_subject and filter_subjects together", """new ConsumerConfig("h06") { FilterSubject = "cs.a", FilterSubjects = ["cs.b"] }""",
            "consumer cannot have both FilterSubject and FilterSubjects specified"),
        GatedFrom("2.10.0", "metadata above 128 KiB", $$"""new ConsumerConfig("h07") { Metadata = new Dictionary<string, string> { ["k"] = "{{Metadata128KiBPlus1}}" } }""",
            "consumer metadata exceeds maximum size of 128KB"),
    };
}
