using System.Collections.Generic;
using static JetStream.Analyzers.Tests.Server.ServerCase;

namespace JetStream.Analyzers.Tests.Server;

/// <summary>
/// JS1100 (ServerRejectsStream) against a real server. Every stream has its own name and subjects, so a case that
/// leaves something behind cannot change another case's answer. Versions are the range each expectation is
/// claimed for; a run proves it for the installed server (nats-server 2.9.10 from Debian in this repository's CI).
/// </summary>
public static class StreamCases
{
    private static readonly string Name256 = new('N', 256);
    private static readonly string Name255 = new('N', 255);
    private static readonly string Text4097 = new('d', 4097);
    private static readonly string Text4096 = new('d', 4096);
    private static readonly string Metadata128KiBPlus1 = new('m', 128 * 1024);

    public static IReadOnlyList<ServerCase> All { get; } = new[]
    {
        // Names. NATS.Net refuses only ' ' and '.' itself; '*', '>', form feed and path separators reach the server.
        Rejects("name contains '*'", """new StreamConfig("R01*", ["r01.>"])""",
            "stream name is required and can not contain '.', '*', '>'", before: "2.12.8"),
        Rejects("name contains '>'", """new StreamConfig("R02>", ["r02.>"])""",
            "stream name is required and can not contain '.', '*', '>'", before: "2.12.8"),
        Rejects("name contains a form feed", """new StreamConfig("R03\f", ["r03.>"])""",
            "stream name is required and can not contain '.', '*', '>'", before: "2.12.8"),
        Rejects("name contains '/'", """new StreamConfig("R04/x", ["r04.>"])""",
            "Stream name can not contain path separators", from: "2.9.0", before: "2.12.8"),
        Rejects("name contains '\\'", """new StreamConfig("R05\\x", ["r05.>"])""",
            "Stream name can not contain path separators", from: "2.9.0", before: "2.12.8"),
        Rejects("name longer than 255 bytes", $$"""new StreamConfig("{{Name256}}", ["r06.>"])""",
            "stream name is too long, maximum allowed is 255"),
        Accepts("name of 255 bytes", $$"""new StreamConfig("{{Name255}}", ["a06.>"])"""),
        Accepts("name with '-' and '_'", """new StreamConfig("A01-x_y", ["a01.>"])"""),

        Rejects("description longer than 4096 bytes", $$"""new StreamConfig("R07", ["r07.>"]) { Description = "{{Text4097}}" }""",
            "stream description is too long, maximum allowed is 4096"),
        Accepts("description of 4096 bytes", $$"""new StreamConfig("A07", ["a07.>"]) { Description = "{{Text4096}}" }"""),

        // Replicas. A standalone server refuses any replicas > 1 (10074) after these checks, so R1 is the accepted form.
        Rejects("more than 5 replicas", """new StreamConfig("R08", ["r08.>"]) { NumReplicas = 6 }""",
            "maximum replicas is 5"),
        Rejects("negative replicas", """new StreamConfig("R09", ["r09.>"]) { NumReplicas = -1 }""",
            "replicas count cannot be negative"),
        Accepts("one replica", """new StreamConfig("A08", ["a08.>"]) { NumReplicas = 1 }"""),

        // max_age and duplicate_window.
        Rejects("max_age below 100ms", """new StreamConfig("R10", ["r10.>"]) { MaxAge = TimeSpan.FromMilliseconds(50) }""",
            "max age needs to be >= 100ms"),
        Accepts("max_age of 100ms (duplicate window defaults to it)", """new StreamConfig("A10", ["a10.>"]) { MaxAge = TimeSpan.FromMilliseconds(100) }"""),
        Rejects("negative max_age without a duplicate window", """new StreamConfig("R11", ["r11.>"]) { MaxAge = TimeSpan.FromSeconds(-1) }""",
            "duplicates window can not be negative", before: "2.12.0",
            note: "2.12 added its own check, 'max age can not be negative'; before it the defaulted window (= max_age) fails"),
        Rejects("negative max_age with a duplicate window", """new StreamConfig("R12", ["r12.>"]) { MaxAge = TimeSpan.FromSeconds(-1), DuplicateWindow = TimeSpan.FromSeconds(1) }""",
            "duplicates window can not be larger then max age", before: "2.12.0"),
        Rejects("mirror with negative max_age", """new StreamConfig { Name = "R12M", Mirror = new StreamSource { Name = "R12M_ORIGIN" }, MaxAge = TimeSpan.FromSeconds(-1) }""",
            "duplicates window can not be larger then max age", before: "2.12.0", note: "mirrors get no defaulted duplicate window"),
        Rejects("negative duplicate window", """new StreamConfig("R13", ["r13.>"]) { DuplicateWindow = TimeSpan.FromSeconds(-1) }""",
            "duplicates window can not be negative"),
        Rejects("duplicate window above max_age", """new StreamConfig("R14", ["r14.>"]) { MaxAge = TimeSpan.FromSeconds(5), DuplicateWindow = TimeSpan.FromSeconds(10) }""",
            "duplicates window can not be larger then max age"),
        Accepts("duplicate window equal to max_age", """new StreamConfig("A14", ["a14.>"]) { MaxAge = TimeSpan.FromSeconds(5), DuplicateWindow = TimeSpan.FromSeconds(5) }"""),
        Rejects("duplicate window below 100ms", """new StreamConfig("R15", ["r15.>"]) { DuplicateWindow = TimeSpan.FromMilliseconds(50) }""",
            "duplicates window needs to be >= 100ms"),
        Accepts("duplicate window of 100ms", """new StreamConfig("A15", ["a15.>"]) { MaxAge = TimeSpan.FromSeconds(1), DuplicateWindow = TimeSpan.FromMilliseconds(100) }"""),

        // Flag combinations.
        Rejects("deny_purge with roll-ups", """new StreamConfig("R16", ["r16.>"]) { DenyPurge = true, AllowRollupHdrs = true }""",
            "roll-ups require the purge permission"),
        Accepts("roll-ups without deny_purge", """new StreamConfig("A16", ["a16.>"]) { AllowRollupHdrs = true, DenyDelete = true }"""),
        Rejects("discard_new_per_subject without discard new", """new StreamConfig("R17", ["r17.>"]) { DiscardNewPerSubject = true, MaxMsgsPerSubject = 5 }""",
            "discard new per subject requires discard new policy to be set", from: "2.9.1"),
        Rejects("discard_new_per_subject without max_msgs_per_subject", """new StreamConfig("R18", ["r18.>"]) { DiscardNewPerSubject = true, Discard = StreamConfigDiscard.New }""",
            "discard new per subject requires max msgs per subject > 0", from: "2.9.1"),
        Accepts("discard_new_per_subject with discard new and max_msgs_per_subject",
            """new StreamConfig("A18", ["a18.>"]) { DiscardNewPerSubject = true, Discard = StreamConfigDiscard.New, MaxMsgsPerSubject = 5 }""", from: "2.9.1"),

        // Mirrors. The origin streams do not exist; a standalone server accepts a mirror of a missing origin.
        Rejects("mirror with subjects", """new StreamConfig("R19", ["r19.>"]) { Mirror = new StreamSource { Name = "R19_ORIGIN" } }""",
            "stream mirrors can not contain subjects"),
        Rejects("mirror with sources", """new StreamConfig { Name = "R20", Mirror = new StreamSource { Name = "R20_ORIGIN" }, Sources = [new StreamSource { Name = "R20_OTHER" }] }""",
            "stream mirrors can not also contain other sources"),
        Accepts("mirror without subjects", """new StreamConfig { Name = "A20", Mirror = new StreamSource { Name = "A20_ORIGIN" } }"""),
        Accepts("sources without a mirror", """new StreamConfig { Name = "A20S", Sources = [new StreamSource { Name = "A20_ONE" }, new StreamSource { Name = "A20_TWO" }] }"""),

        // Create-only checks.
        Rejects("sealed on create", """new StreamConfig("R21", ["r21.>"]) { Sealed = true }""",
            "stream configuration for create can not be sealed"),
        Rejects("mirror_direct without a mirror", """new StreamConfig("R22", ["r22.>"]) { MirrorDirect = true }""",
            "stream has no mirror but does have mirror direct"),
        Accepts("mirror_direct with a mirror", """new StreamConfig { Name = "A22", Mirror = new StreamSource { Name = "A22_ORIGIN" }, MirrorDirect = true }"""),

        // Subjects.
        Rejects("subject with an empty token", """new StreamConfig("R23", ["r23..x"])""", "invalid subject"),
        Rejects("empty subject", """new StreamConfig("R23E", [""])""", "invalid subject"),
        Rejects("subject with a space", """new StreamConfig("R24", ["r24 x"])""", "invalid subject"),
        Rejects("'>' before the last token", """new StreamConfig("R25", ["r25.>.x"])""", "invalid subject"),
        Rejects("the same subject twice", """new StreamConfig("R26", ["r26.x", "r26.x"])""", "duplicate subjects detected"),
        Rejects("subject inside $JS.API", """new StreamConfig("R27", ["$JS.API.R27.>"])""",
            "subjects overlap with jetstream api", before: "2.10.17",
            note: "2.10.17 replaced it with the no-ack rules (see the gated cases)"),
        Accepts("subject under $JS.EVENT", """new StreamConfig("A27", ["$JS.EVENT.A27.>"])"""),
        Rejects("overlapping subjects: wildcard and literal", """new StreamConfig("R28", ["r28.*", "r28.x"])""",
            "subject \"r28.*\" overlaps with \"r28.x\""),
        Rejects("overlapping subjects: two partial wildcards", """new StreamConfig("R29", ["r29.*.x", "r29.y.*"])""",
            "subject \"r29.*.x\" overlaps with \"r29.y.*\""),
        Rejects("overlapping subjects: '>' and a deeper literal", """new StreamConfig("R30", ["r30.>", "r30.a.b"])""",
            "subject \"r30.>\" overlaps with \"r30.a.b\""),
        Accepts("disjoint subjects with wildcards", """new StreamConfig("A30", ["a30.*", "a30.x.y", "a30x.>"])"""),

        // Republish.
        Rejects("republish destination captured by the stream", """new StreamConfig("R31", ["r31.>"]) { Republish = new Republish { Src = "r31.>", Dest = "r31.out.>" } }""",
            "stream configuration for republish destination forms a cycle"),
        Rejects("republish source outside the stream's subjects", """new StreamConfig("R32", ["r32.>"]) { Republish = new Republish { Src = "other32.>", Dest = "out32.>" } }""",
            "stream configuration for republish source is not valid subset of subjects", before: "2.10.0"),
        Accepts("republish to subjects outside the stream", """new StreamConfig("A32", ["a32.>"]) { Republish = new Republish { Src = "a32.>", Dest = "out.a32.>" } }"""),

        // Rules from later releases: 2.9.10 accepts the configuration (it ignores fields it does not know), and the
        // analyzer stays silent for versions before the gate; from the gate on it reports the reason.
        GatedFrom("2.10.0", "metadata above 128 KiB", $$"""new StreamConfig("G01", ["g01.>"]) { Metadata = new Dictionary<string, string> { ["k"] = "{{Metadata128KiBPlus1}}" } }""",
            "stream metadata exceeds maximum size of 131072 bytes"),
        GatedFrom("2.10.0", "mirror with a filter and subject transforms",
            """new StreamConfig { Name = "G02", Mirror = new StreamSource { Name = "G02_ORIGIN", FilterSubject = "g02.>", SubjectTransforms = [new SubjectTransform { Src = "g02.>", Dest = "x.>" }] } }""",
            "mirror with multiple subject transforms cannot also have a single subject filter"),
        GatedFrom("2.10.0", "source name with a '.'", """new StreamConfig { Name = "G03", Sources = [new StreamSource { Name = "G03.ORIGIN" }] }""",
            "sourced stream name is invalid"),
        GatedFrom("2.10.0", "the same source twice", """new StreamConfig { Name = "G04", Sources = [new StreamSource { Name = "G04_ORIGIN" }, new StreamSource { Name = "G04_ORIGIN" }] }""",
            "duplicate source configuration detected"),
        GatedFrom("2.10.17", "subject colliding with $JSC without no_ack", """new StreamConfig("G06", ["$JSC.G06.>"])""",
            "subjects that overlap with jetstream api require no-ack to be true"),
        GatedFrom("2.10.17", "subject colliding with $SYS without no_ack", """new StreamConfig("G07", ["$SYS.G07.>"])""",
            "subjects that overlap with system api require no-ack to be true"),
        GatedFrom("2.11.0", "subject delete marker TTL below 1s", """new StreamConfig("G08", ["g08.>"]) { AllowMsgTTL = true, AllowRollupHdrs = true, SubjectDeleteMarkerTTL = TimeSpan.FromMilliseconds(500) }""",
            "subject delete marker TTL must be at least 1 second"),
        GatedFrom("2.11.0", "negative subject delete marker TTL", """new StreamConfig("G09", ["g09.>"]) { AllowMsgTTL = true, SubjectDeleteMarkerTTL = TimeSpan.FromSeconds(-1) }""",
            "subject delete marker TTL must not be negative"),
        GatedFrom("2.11.0", "mirror with subject delete markers", """new StreamConfig { Name = "G10", Mirror = new StreamSource { Name = "G10_ORIGIN" }, SubjectDeleteMarkerTTL = TimeSpan.FromMinutes(1) }""",
            "subject delete markers forbidden on mirrors"),
        GatedFrom("2.12.0", "counter stream with discard new", """new StreamConfig("G11", ["g11.>"]) { AllowMsgCounter = true, Discard = StreamConfigDiscard.New }""",
            "counter stream cannot use discard new"),
        GatedFrom("2.12.0", "counter stream with message TTLs", """new StreamConfig("G12", ["g12.>"]) { AllowMsgCounter = true, AllowMsgTTL = true }""",
            "counter stream cannot use message TTLs"),
        GatedFrom("2.12.0", "counter stream with interest retention", """new StreamConfig("G13", ["g13.>"]) { AllowMsgCounter = true, Retention = StreamConfigRetention.Interest }""",
            "counter stream can only use limits retention"),
        GatedFrom("2.12.0", "mirror with counters", """new StreamConfig { Name = "G14", Mirror = new StreamSource { Name = "G14_ORIGIN" }, AllowMsgCounter = true }""",
            "stream mirrors can not also calculate counters"),
        GatedFrom("2.12.0", "mirror with atomic publish", """new StreamConfig { Name = "G15", Mirror = new StreamSource { Name = "G15_ORIGIN" }, AllowAtomicPublish = true }""",
            "stream mirrors can not also use atomic publishing"),
        GatedFrom("2.12.0", "mirror with message schedules", """new StreamConfig { Name = "G16", Mirror = new StreamSource { Name = "G16_ORIGIN" }, AllowMsgSchedules = true }""",
            "stream mirrors can not also schedule messages"),
        GatedFrom("2.12.0", "async persist on memory storage", """new StreamConfig("G17", ["g17.>"]) { PersistMode = StreamConfigPersistMode.Async, Storage = StreamConfigStorage.Memory }""",
            "async persist mode is only supported on file storage"),
        GatedFrom("2.12.0", "async persist with atomic publish", """new StreamConfig("G18", ["g18.>"]) { PersistMode = StreamConfigPersistMode.Async, AllowAtomicPublish = true }""",
            "async persist mode is not supported with atomic batch publish"),
        GatedFrom("2.14.0", "mirror with batch publish", """new StreamConfig { Name = "G19", Mirror = new StreamSource { Name = "G19_ORIGIN" }, AllowBatchPublish = true }""",
            "stream mirrors can not also use batch publishing"),
    };

    /// <summary>
    /// Capturing every subject with acks on: accepted before 2.10.17. Kept out of <see cref="All"/> because the stream
    /// would store (and ack) every API request of other cases; its test runs it on a server of its own.
    /// </summary>
    public static ServerCase CaptureAll { get; } = GatedFrom("2.10.17", "capture '>' without no_ack", """new StreamConfig("G05", [">"])""",
        "capturing all subjects requires no-ack to be true");
}
