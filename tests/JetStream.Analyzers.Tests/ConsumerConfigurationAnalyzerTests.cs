using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.ConsumerConfigurationAnalyzer>;

namespace JetStream.Analyzers.Tests;

/// <summary>
/// Every consumer rule (JS2001–JS2006, JS2100, JS2101) through the C# front end: where it reports and what it says,
/// the variant it accepts, silence when the value is only known at run time, and the options that change it.
/// </summary>
public class ConsumerConfigurationAnalyzerTests
{
    private static readonly Dictionary<string, string> NoOptions = new();

    private static string Create(string config) => Code.InMethod($"        await js.CreateOrUpdateConsumerAsync(\"ORDERS\", {config});");

    private static Dictionary<string, string> Options(string key, string value) => new() { [key] = value };

    private static DiagnosticResult At(string id, int location, string message) =>
        Verify.Diagnostic(id).WithLocation(location).WithMessage(message);

    private const string ElevenFilters =
        "[\"orders.1\", \"orders.2\", \"orders.3\", \"orders.4\", \"orders.5\", \"orders.6\", \"orders.7\", \"orders.8\", \"orders.9\", \"orders.10\", \"orders.11\"]";

    // ---------------------------------------------------------------- positive control

    /// <summary>
    /// Positive control: ConsumerConfig resolves from the real NATS.Net assembly and a bare durable consumer is
    /// reported, so the "no diagnostic" tests in this class are not vacuous.
    /// </summary>
    [Fact]
    public async Task PositiveControl_NatsTypesResolveAndABareConsumerIsReported()
    {
        var source = Create("{|#0:new ConsumerConfig(\"worker\")|}");
        await Verify.AnalyzerAsync(
            source,
            At("JS2001", 0, "Consumer 'worker' on stream 'ORDERS' acknowledges messages but has no backoff; a failing message is redelivered every 30s (the default ack wait). Set a backoff schedule."),
            At("JS2002", 0, "Consumer 'worker' on stream 'ORDERS' has no max-deliver limit (MaxDeliver is not set); a message that always fails is redelivered forever. Set a maximum number of deliveries."),
            At("JS2009", 0, "Consumer 'worker' on stream 'ORDERS' caps neither the batch size, the batch bytes nor the expiry of a pull request (no MaxBatch, MaxBytes or MaxExpires); every waiting pull request holds memory on the server. Set MaxExpires (and MaxBatch or MaxBytes) to what the clients really ask for."));
    }

    [Fact]
    public async Task SafePullConsumer_NoDiagnostics() => await Verify.AnalyzerAsync(Create(Configs.Consumer()));

    [Fact]
    public async Task SafePushConsumer_NoDiagnostics() => await Verify.AnalyzerAsync(Create(Configs.PushConsumer()));

    // ---------------------------------------------------------------- JS2012 fixed pause_until

    [Theory]
    [InlineData("new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)", true)]
    [InlineData("DateTimeOffset.Parse(\"2030-01-01T00:00:00Z\")", true)]
    [InlineData("new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)", true)]
    [InlineData("DateTimeOffset.UtcNow.AddMinutes(5)", false)]
    [InlineData("DateTimeOffset.UnixEpoch", false)]
    [InlineData("DateTimeOffset.Parse(Environment.GetEnvironmentVariable(\"PAUSE\")!)", false)]
    public async Task JS2012_OnlyAFixedTimeIsReported(string value, bool reported)
    {
        var source = Create(Configs.Consumer("{|#0:PauseUntil = " + value + "|}"));
        var expected = reported
            ? new[] { At("JS2012", 0, "Consumer 'worker' on stream 'ORDERS' sets PauseUntil to a fixed time; every apply of this definition pauses the consumer again until then (or does nothing once the time has passed). Pause and resume consumers with the pause API instead.") }
            : new DiagnosticResult[0];
        await Verify.AnalyzerAsync(source.Replace("{|#0:", reported ? "{|#0:" : string.Empty).Replace("|}", reported ? "|}" : string.Empty), expected);
    }

    // ---------------------------------------------------------------- JS2001 no backoff

    [Fact]
    public async Task JS2001_NoBackoff_ReportedOnTheCreation()
    {
        var source = Create("{|#0:" + Configs.Consumer("-Backoff") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS2001", 0, "Consumer 'worker' on stream 'ORDERS' acknowledges messages but has no backoff; a failing message is redelivered every 30s. Set a backoff schedule."));
    }

    [Fact]
    public async Task JS2001_NoBackoffNoAckWait_MentionsTheDefault()
    {
        var source = Create("{|#0:" + Configs.Consumer("-Backoff", "-AckWait") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS2001", 0, "Consumer 'worker' on stream 'ORDERS' acknowledges messages but has no backoff; a failing message is redelivered every 30s (the default ack wait). Set a backoff schedule."));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("new List<TimeSpan>()")]
    [InlineData("Array.Empty<TimeSpan>()")]
    public async Task JS2001_EmptyBackoff_ReportedOnTheAssignment(string backoff)
    {
        var source = Create(Configs.Consumer($"{{|#0:Backoff = {backoff}|}}", "AckWait = TimeSpan.FromMinutes(2)"));
        await Verify.AnalyzerAsync(source,
            At("JS2001", 0, "Consumer 'worker' on stream 'ORDERS' acknowledges messages but has no backoff; a failing message is redelivered every 2m. Set a backoff schedule."));
    }

    [Fact]
    public async Task JS2001_AckAll_Reported()
    {
        var source = Create("{|#0:" + Configs.Consumer("-Backoff", "AckPolicy = ConsumerConfigAckPolicy.All") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS2001", 0, "Consumer 'worker' on stream 'ORDERS' acknowledges messages but has no backoff; a failing message is redelivered every 30s. Set a backoff schedule."));
    }

    [Theory]
    [InlineData("AckPolicy = ConsumerConfigAckPolicy.None", "-MaxDeliver")]
    [InlineData("MaxDeliver = 1", "AckWait = TimeSpan.FromSeconds(30)")]
    public async Task JS2001_NoRedelivery_NoDiagnostic(string change1, string change2) =>
        await Verify.AnalyzerAsync(Create(Configs.Consumer("-Backoff", change1, change2)));

    // ---------------------------------------------------------------- JS2002 unlimited max deliver

    [Fact]
    public async Task JS2002_MaxDeliverNotSet_ReportedOnTheCreation()
    {
        var source = Create("{|#0:" + Configs.Consumer("-MaxDeliver") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS2002", 0, "Consumer 'worker' on stream 'ORDERS' has no max-deliver limit (MaxDeliver is not set); a message that always fails is redelivered forever. Set a maximum number of deliveries."));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task JS2002_UnlimitedMaxDeliver_ReportedOnTheAssignment(string value)
    {
        var source = Create(Configs.Consumer($"{{|#0:MaxDeliver = {value}|}}"));
        await Verify.AnalyzerAsync(source,
            At("JS2002", 0, $"Consumer 'worker' on stream 'ORDERS' has no max-deliver limit (MaxDeliver is {value}); a message that always fails is redelivered forever. Set a maximum number of deliveries."));
    }

    [Fact]
    public async Task JS2002_NoAcks_NoDiagnostic() =>
        await Verify.AnalyzerAsync(Create(Configs.Consumer("-MaxDeliver", "-Backoff", "AckPolicy = ConsumerConfigAckPolicy.None")));

    // ---------------------------------------------------------------- JS2003 excessive filter subjects

    [Fact]
    public async Task JS2003_ElevenFilters_ReportedOnTheAssignment()
    {
        var source = Create(Configs.Consumer($"{{|#0:FilterSubjects = {ElevenFilters}|}}"));
        await Verify.AnalyzerAsync(source,
            At("JS2003", 0, "Consumer 'worker' on stream 'ORDERS' has 11 filter subjects (more than 10); each one adds matching work on the server for every message. Use fewer, broader filters or wildcards."));
    }

    [Fact]
    public async Task JS2003_TenFilters_NoDiagnostic() =>
        await Verify.AnalyzerAsync(Create(Configs.Consumer(
            "FilterSubjects = new[] { \"o.1\", \"o.2\", \"o.3\", \"o.4\", \"o.5\", \"o.6\", \"o.7\", \"o.8\", \"o.9\", \"o.10\" }")));

    [Fact]
    public async Task JS2003_MaxFilterSubjectsOption_LowersTheLimit()
    {
        var source = Create(Configs.Consumer("{|#0:FilterSubjects = new List<string> { \"orders.a\", \"orders.b\", \"orders.c\" }|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_max_filter_subjects", "2"),
            At("JS2003", 0, "Consumer 'worker' on stream 'ORDERS' has 3 filter subjects (more than 2); each one adds matching work on the server for every message. Use fewer, broader filters or wildcards."));
    }

    [Theory]
    [InlineData("20")]
    [InlineData("11")]
    public async Task JS2003_MaxFilterSubjectsOption_RaisesTheLimit(string limit) =>
        await Verify.AnalyzerAsync(Create(Configs.Consumer($"FilterSubjects = {ElevenFilters}")), Options("jetstream_max_filter_subjects", limit));

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public async Task JS2003_InvalidOption_FallsBackToTen(string limit)
    {
        var source = Create(Configs.Consumer($"{{|#0:FilterSubjects = {ElevenFilters}|}}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_max_filter_subjects", limit),
            At("JS2003", 0, "Consumer 'worker' on stream 'ORDERS' has 11 filter subjects (more than 10); each one adds matching work on the server for every message. Use fewer, broader filters or wildcards."));
    }

    // ---------------------------------------------------------------- JS2004 / JS2005 push consumers

    [Fact]
    public async Task JS2004_JS2005_BarePushConsumer_ReportedOnTheCreation()
    {
        var source = Create("{|#0:" + Configs.PushConsumer("-IdleHeartbeat", "-FlowControl") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS2004", 0, "Consumer 'worker' on stream 'ORDERS' is a push consumer without an idle heartbeat; a lost subscription or a stalled consumer goes unnoticed. Set an idle heartbeat."),
            At("JS2005", 0, "Consumer 'worker' on stream 'ORDERS' is a push consumer without flow control; a slow subscriber is overrun and becomes a slow consumer. Enable flow control."));
    }

    [Fact]
    public async Task JS2004_ZeroHeartbeat_ReportedOnTheAssignment()
    {
        var source = Create("{|#1:" + Configs.PushConsumer("{|#0:IdleHeartbeat = TimeSpan.Zero|}", "-FlowControl") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS2004", 0, "Consumer 'worker' on stream 'ORDERS' is a push consumer without an idle heartbeat; a lost subscription or a stalled consumer goes unnoticed. Set an idle heartbeat."),
            At("JS2005", 1, "Consumer 'worker' on stream 'ORDERS' is a push consumer without flow control; a slow subscriber is overrun and becomes a slow consumer. Enable flow control."));
    }

    [Fact]
    public async Task JS2005_FlowControlOff_ReportedOnTheAssignment()
    {
        var source = Create(Configs.PushConsumer("{|#0:FlowControl = false|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2005", 0, "Consumer 'worker' on stream 'ORDERS' is a push consumer without flow control; a slow subscriber is overrun and becomes a slow consumer. Enable flow control."));
    }

    [Theory]
    [InlineData("DeliverSubject = null")]
    [InlineData("DeliverSubject = \"\"")]
    [InlineData("-DeliverSubject")]
    public async Task JS2004_JS2005_PullConsumer_NoDiagnostic(string deliver) =>
        await Verify.AnalyzerAsync(Create(Configs.PushConsumer(deliver, "-IdleHeartbeat", "-FlowControl")));

    [Fact]
    public async Task JS2004_JS2005_DeliverSubjectUnknown_NoDiagnostic()
    {
        // Push or pull is decided at run time (js.NewBaseInbox()), so neither push rule may fire.
        await Verify.AnalyzerAsync(Create(Configs.PushConsumer("DeliverSubject = js.NewBaseInbox()", "-IdleHeartbeat", "-FlowControl")));
    }

    // ---------------------------------------------------------------- JS2006 short ack wait

    [Fact]
    public async Task JS2006_ShortAckWait_ReportedOnTheAssignment()
    {
        var source = Create(Configs.Consumer("{|#0:AckWait = TimeSpan.FromMilliseconds(10)|}", "-Backoff", "MaxDeliver = 1"));
        await Verify.AnalyzerAsync(source,
            At("JS2006", 0, "Consumer 'worker' on stream 'ORDERS' redelivers a message that is not acknowledged within 10ms, below the minimum of 1s; messages still being processed are delivered again"));
    }

    [Fact]
    public async Task JS2006_ShortFirstBackoff_ReportedOnTheBackoff()
    {
        var source = Create(Configs.Consumer("-AckWait", "{|#0:Backoff = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5)]|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2006", 0, "Consumer 'worker' on stream 'ORDERS' redelivers a message that is not acknowledged within 500ms, below the minimum of 1s; messages still being processed are delivered again; with a backoff schedule its first value is the ack wait"));
    }

    [Fact]
    public async Task JS2006_ShortAckWaitButLongBackoff_NoDiagnostic() =>
        await Verify.AnalyzerAsync(Create(Configs.Consumer("{|#0:AckWait = TimeSpan.FromMilliseconds(10)|}")),
            At("JS2011", 0, "Consumer 'worker' on stream 'ORDERS' sets AckWait 10ms, which has no effect: the server replaces it with the first Backoff value, 30s, which is the wait before the first redelivery. Set AckWait to 30s, or remove it"));

    [Fact]
    public async Task JS2006_MinAckWaitOption_RaisesTheMinimum()
    {
        var source = Create(Configs.Consumer("-AckWait", "{|#0:Backoff = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)]|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_min_ack_wait", "1m"),
            At("JS2006", 0, "Consumer 'worker' on stream 'ORDERS' redelivers a message that is not acknowledged within 10s, below the minimum of 1m; messages still being processed are delivered again; with a backoff schedule its first value is the ack wait"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5ms")]
    public async Task JS2006_MinAckWaitOption_LowersTheMinimum(string minimum) =>
        await Verify.AnalyzerAsync(
            Create(Configs.Consumer("AckWait = TimeSpan.FromMilliseconds(10)", "-Backoff", "MaxDeliver = 1")),
            Options("jetstream_min_ack_wait", minimum));

    [Theory]
    [InlineData("soon")]
    [InlineData("-5s")]
    public async Task JS2006_InvalidMinAckWaitOption_FallsBackToOneSecond(string minimum)
    {
        var source = Create(Configs.Consumer("{|#0:AckWait = TimeSpan.FromMilliseconds(999)|}", "-Backoff", "MaxDeliver = 1"));
        await Verify.AnalyzerAsync(source, Options("jetstream_min_ack_wait", minimum),
            At("JS2006", 0, "Consumer 'worker' on stream 'ORDERS' redelivers a message that is not acknowledged within 999ms, below the minimum of 1s; messages still being processed are delivered again"));
    }

    [Fact]
    public async Task JS2006_NoAcks_NoDiagnostic() =>
        await Verify.AnalyzerAsync(Create(Configs.Consumer("AckWait = TimeSpan.FromMilliseconds(10)", "-Backoff", "-MaxDeliver", "AckPolicy = ConsumerConfigAckPolicy.None")));

    // ---------------------------------------------------------------- JS2100 rejected by the server

    [Fact]
    public async Task JS2100_MaxDeliverNotAboveBackoffLength_ReportedOnMaxDeliver()
    {
        var source = Create(Configs.Consumer("{|#0:MaxDeliver = 2|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2100", 0, "Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.15.1: max deliver is required to be > length of backoff values (max deliver is 2, backoff has 3 values)"));
    }

    [Fact]
    public async Task JS2100_BackoffWithoutMaxDeliverOnOldServer_ReportedOnTheBackoff()
    {
        var source = Create("{|#1:" + Configs.Consumer("-AckWait", "-MaxDeliver", "{|#0:Backoff = [TimeSpan.FromSeconds(1)]|}") + "|}");
        await Verify.AnalyzerAsync(source, Options("jetstream_server_version", "2.10.0"),
            At("JS2100", 0, "Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.10.0: max deliver is required to be > length of backoff values (max deliver is not set, backoff has 1 value)"),
            At("JS2002", 1, "Consumer 'worker' on stream 'ORDERS' has no max-deliver limit (MaxDeliver is not set); a message that always fails is redelivered forever. Set a maximum number of deliveries."));
    }

    [Fact]
    public async Task JS2100_NameWithDot_ReportedOnTheConstructorArgument()
    {
        var source = Create(Configs.Consumer().Replace("\"worker\"", "{|#0:\"work.er\"|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2100", 0, "Consumer 'work.er' on stream 'ORDERS' is rejected by NATS server 2.15.1: consumer durable name can not contain '.', '*', '>', '\\', '/'"),
            At("JS2100", 0, "Consumer 'work.er' on stream 'ORDERS' is rejected by NATS server 2.15.1: consumer name can not contain '.', '*', '>', '\\', '/'"));
    }

    [Fact]
    public async Task JS2100_NameAndDurableDiffer()
    {
        var source = Create(Configs.Consumer("DurableName = \"other\"").Replace("\"worker\"", "{|#0:\"worker\"|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2100", 0, "Consumer 'other' on stream 'ORDERS' is rejected by NATS server 2.15.1: consumer name in subject does not match durable name in request"));
    }

    [Fact]
    public async Task JS2100_PullConsumerWithHeartbeat()
    {
        var source = Create(Configs.Consumer("{|#0:IdleHeartbeat = TimeSpan.FromSeconds(5)|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2100", 0, "Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.15.1: consumer idle heartbeat requires a push based consumer"));
    }

    [Fact]
    public async Task JS2100_PushFlowControlWithoutHeartbeat()
    {
        var source = Create("{|#1:" + Configs.PushConsumer("-IdleHeartbeat", "{|#0:FlowControl = true|}") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS2100", 0, "Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.15.1: consumer with flow control also needs heartbeats"),
            At("JS2004", 1, "Consumer 'worker' on stream 'ORDERS' is a push consumer without an idle heartbeat; a lost subscription or a stalled consumer goes unnoticed. Set an idle heartbeat."));
    }

    [Fact]
    public async Task JS2100_DeliverSubjectWithWildcard()
    {
        var source = Create(Configs.PushConsumer("{|#0:DeliverSubject = \"deliver.*\"|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2100", 0, "Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.15.1: consumer deliver subject has wildcards"));
    }

    [Fact]
    public async Task JS2100_FilterSubjectAndFilterSubjects()
    {
        var source = Create(Configs.Consumer("FilterSubject = \"orders.new\"", "{|#0:FilterSubjects = [\"orders.paid\"]|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2100", 0, "Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.15.1: consumer cannot have both FilterSubject and FilterSubjects specified"));
    }

    [Fact]
    public async Task JS2100_OverlappingFilters()
    {
        var source = Create(Configs.Consumer("{|#0:FilterSubjects = [\"orders.>\", \"orders.new\"]|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2100", 0, "Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.15.1: consumer subject filters cannot overlap ('orders.>' and 'orders.new')"));
    }

    [Fact]
    public async Task JS2100_DeliverByStartSequenceWithoutSequence()
    {
        var source = Create(Configs.Consumer("{|#0:DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartSequence|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2100", 0, "Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.15.1: consumer delivery policy is deliver by start sequence, but optional start sequence is not set"));
    }

    [Fact]
    public async Task JS2100_DeliverByStartSequenceWithSequence_NoDiagnostic() =>
        await Verify.AnalyzerAsync(Create(Configs.Consumer("DeliverPolicy = ConsumerConfigDeliverPolicy.ByStartSequence", "OptStartSeq = 42")));

    [Fact]
    public async Task JS2100_DeliverAllWithStartTime()
    {
        var source = Create(Configs.Consumer("{|#0:OptStartTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2100", 0, "Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.15.1: consumer delivery policy is deliver all, but optional start time is also set"));
    }

    [Fact]
    public async Task JS2100_StartTimeFromAVariable_Unknown()
    {
        // default(DateTimeOffset) is not sent by NATS.Net, so a variable start time may or may not be set.
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, DateTimeOffset since) =>
                    await js.CreateOrUpdateConsumerAsync("ORDERS", {{Configs.Consumer("OptStartTime = since")}});
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task JS2100_DeliverLastPerSubjectWithoutFilter()
    {
        var source = Create(Configs.Consumer("{|#0:DeliverPolicy = ConsumerConfigDeliverPolicy.LastPerSubject|}"));
        await Verify.AnalyzerAsync(source,
            At("JS2100", 0, "Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.15.1: consumer delivery policy is deliver last per subject, but optional filter subject is not set"));
    }

    [Fact]
    public async Task JS2100_ValidConsumer_NoDiagnostic() =>
        await Verify.AnalyzerAsync(Create(Configs.Consumer(
            "DeliverPolicy = ConsumerConfigDeliverPolicy.LastPerSubject", "FilterSubjects = [\"orders.new\", \"orders.paid\"]", "MaxAckPending = 100", "Description = \"orders worker\"")));

    // ---------------------------------------------------------------- JS2101 setting ignored by the target server

    [Fact]
    public async Task JS2101_OnlyFilterSubjectsOn29_ConsumerBecomesUnfiltered()
    {
        var source = Create(Configs.Consumer("{|#0:FilterSubjects = [\"orders.new\"]|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_server_version", "2.9.0"),
            At("JS2101", 0, "Consumer 'worker' on stream 'ORDERS' sets FilterSubjects, which NATS server 2.9.0 does not know and silently drops (it needs 2.10.0 or later); the consumer becomes unfiltered and receives every message of the stream"));
    }

    [Fact]
    public async Task JS2101_FilterSubjectsBesideFilterSubjectOn29_NoConsequenceClause()
    {
        var source = Create(Configs.Consumer("FilterSubject = \"orders.new\"", "{|#0:FilterSubjects = [\"orders.paid\"]|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_server_version", "2.9.0"),
            At("JS2101", 0, "Consumer 'worker' on stream 'ORDERS' sets FilterSubjects, which NATS server 2.9.0 does not know and silently drops (it needs 2.10.0 or later)"));
    }

    [Fact]
    public async Task JS2101_PauseUntilOn210()
    {
        var source = Create(Configs.Consumer("{|#0:PauseUntil = DateTimeOffset.UtcNow.AddHours(1)|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_server_version", "2.10.18"),
            At("JS2101", 0, "Consumer 'worker' on stream 'ORDERS' sets PauseUntil, which NATS server 2.10.18 does not know and silently drops (it needs 2.11.0 or later); the consumer starts delivering at once"));
    }

    [Fact]
    public async Task JS2101_PriorityPolicyAndMetadataOn29()
    {
        var source = Create(Configs.Consumer(
            "{|#0:PriorityPolicy = ConsumerConfigPriorityPolicy.Overflow|}", "PriorityGroups = [\"jobs\"]", "{|#1:Metadata = new Dictionary<string, string> { [\"team\"] = \"orders\" }|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_server_version", "2.9.0"),
            At("JS2101", 0, "Consumer 'worker' on stream 'ORDERS' sets PriorityPolicy, which NATS server 2.9.0 does not know and silently drops (it needs 2.11.0 or later)"),
            At("JS2101", 1, "Consumer 'worker' on stream 'ORDERS' sets Metadata, which NATS server 2.9.0 does not know and silently drops (it needs 2.10.0 or later)"));
    }

    [Fact]
    public async Task JS2101_NewestServerByDefault_NoDiagnostic() =>
        await Verify.AnalyzerAsync(Create(Configs.Consumer("FilterSubjects = [\"orders.new\"]", "PauseUntil = DateTimeOffset.UtcNow")));

    [Fact]
    public async Task JS2101_PauseUntilNull_NoDiagnostic() =>
        await Verify.AnalyzerAsync(Create(Configs.Consumer("PauseUntil = null")), Options("jetstream_server_version", "2.9.0"));

    [Fact]
    public async Task JS2101_VersionFromMSBuildProperty()
    {
        var source = Create(Configs.Consumer("{|#0:FilterSubjects = [\"orders.new\"]|}"));
        await Verify.AnalyzerWithGlobalOptionsAsync(source, new Dictionary<string, string> { ["build_property.JetStreamServerVersion"] = "2.9.7" },
            At("JS2101", 0, "Consumer 'worker' on stream 'ORDERS' sets FilterSubjects, which NATS server 2.9.7 does not know and silently drops (it needs 2.10.0 or later); the consumer becomes unfiltered and receives every message of the stream"));
    }

    [Fact]
    public async Task FixProperties_ReachTheDiagnostic()
    {
        var source = Create(Configs.Consumer("-Backoff", "-MaxDeliver"));
        var diagnostics = await AnalyzerRunner.RunAsync(source, options: new Dictionary<string, string>
        {
            ["jetstream_default_backoff"] = "5s,1m",
            ["jetstream_default_max_deliver"] = "7",
        });
        var properties = diagnostics.ToDictionary(d => d.Id, d => d.Properties);
        Assert.Equal(new[] { "JS2001", "JS2002" }, properties.Keys.OrderBy(k => k));
        Assert.Equal("backoff", properties["JS2001"]["field"]);
        Assert.Equal("5000000000,60000000000", properties["JS2001"]["value"]);
        Assert.False(properties["JS2001"].ContainsKey("field2")); // unlimited max deliver is fine with backoff on 2.14
        Assert.Equal("max_deliver", properties["JS2002"]["field"]);
        Assert.Equal("7", properties["JS2002"]["value"]);
    }

    // ---------------------------------------------------------------- how the consumer is named in messages

    [Theory]
    [InlineData("await js.CreateConsumerAsync(\"ORDERS\", {0});", "Consumer 'worker' on stream 'ORDERS'")]
    [InlineData("await js.UpdateConsumerAsync(\"ORDERS\", {0});", "Consumer 'worker' on stream 'ORDERS'")]
    [InlineData("await js.CreateOrUpdateConsumerAsync(stream: \"ORDERS\", config: {0});", "Consumer 'worker' on stream 'ORDERS'")]
    [InlineData("await js.CreateOrUpdateConsumerAsync(config: {0}, stream: \"ORDERS\");", "Consumer 'worker' on stream 'ORDERS'")]
    [InlineData("await js.CreateOrUpdateConsumerAsync(StreamName, {0});", "Consumer 'worker' on stream 'ORDERS'")]
    [InlineData("await js.CreateOrUpdateConsumerAsync(streamName, {0});", "Consumer 'worker'")]
    [InlineData("await stream.CreateOrUpdateConsumerAsync({0});", "Consumer 'worker'")]
    public async Task Subject_NamesTheConsumerAndTheStreamWhenKnown(string call, string subject)
    {
        var source = Code.InClass($$"""
                const string StreamName = "ORDERS";

                async Task Run(INatsJSContext js, INatsJSStream stream, string streamName)
                {
                    {{string.Format(call, Configs.Consumer("{|#0:MaxDeliver = -1|}"))}}
                }
            """);
        await Verify.AnalyzerAsync(source,
            At("JS2002", 0, $"{subject} has no max-deliver limit (MaxDeliver is -1); a message that always fails is redelivered forever. Set a maximum number of deliveries."));
    }

    [Theory]
    [InlineData("new ConsumerConfig { {0} }", "Ephemeral consumer on stream 'ORDERS'")]
    [InlineData("new ConsumerConfig { Name = \"eph\", {0} }", "Consumer 'eph' on stream 'ORDERS'")]
    [InlineData("new ConsumerConfig { DurableName = \"dur\", {0} }", "Consumer 'dur' on stream 'ORDERS'")]
    [InlineData("new ConsumerConfig(name) { {0} }", "Consumer on stream 'ORDERS'")]
    public async Task Subject_EphemeralNamedAndUnknownConsumers(string config, string subject)
    {
        var members = Configs.Members(Configs.SafeConsumerSettings, "{|#0:MaxDeliver = 0|}");
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, string name) =>
                    await js.CreateOrUpdateConsumerAsync("ORDERS", {{config.Replace("{0}", members)}});
            """);
        await Verify.AnalyzerAsync(source,
            At("JS2002", 0, $"{subject} has no max-deliver limit (MaxDeliver is 0); a message that always fails is redelivered forever. Set a maximum number of deliveries."));
    }

    // ---------------------------------------------------------------- every rule: silent when the value is unknown

    /// <summary>
    /// One rule, the property it reads, the property's C# type and a constant the rule reports. BaseChanges adjust the
    /// safe consumer; a base change marked {|#1:…|} is where the <see cref="AlsoAt1"/> diagnostics of the constant go.
    /// </summary>
    public sealed record Case(string Rule, string Property, string Type, string Bad, bool Push = false, string? Version = null, string[]? BaseChanges = null, string[]? AlsoAt1 = null);

    public static readonly Dictionary<string, Case> Cases = new()
    {
        ["JS2001"] = new("JS2001", "Backoff", "ICollection<TimeSpan>?", "null"),
        ["JS2002"] = new("JS2002", "MaxDeliver", "long", "-1"),
        ["JS2003"] = new("JS2003", "FilterSubjects", "ICollection<string>?", ElevenFilters),
        ["JS2004"] = new("JS2004", "IdleHeartbeat", "TimeSpan", "TimeSpan.Zero", Push: true, BaseChanges: ["{|#1:FlowControl = true|}"], AlsoAt1: ["JS2100"]),
        ["JS2005"] = new("JS2005", "FlowControl", "bool", "false", Push: true),
        ["JS2006 backoff"] = new("JS2006", "Backoff", "ICollection<TimeSpan>?", "[TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10)]", BaseChanges: ["-AckWait"]),
        ["JS2006 ack wait"] = new("JS2006", "AckWait", "TimeSpan", "TimeSpan.FromMilliseconds(10)", BaseChanges: ["-Backoff", "MaxDeliver = 1"]),
        ["JS2100 max deliver"] = new("JS2100", "MaxDeliver", "long", "2"),
        ["JS2100 heartbeat"] = new("JS2100", "IdleHeartbeat", "TimeSpan", "TimeSpan.FromSeconds(5)"),
        ["JS2100 deliver subject"] = new("JS2100", "DeliverSubject", "string?", "\"deliver.>\"", Push: true),
        ["JS2100 deliver policy"] = new("JS2100", "DeliverPolicy", "ConsumerConfigDeliverPolicy", "ConsumerConfigDeliverPolicy.ByStartTime"),
        ["JS2101 filters"] = new("JS2101", "FilterSubjects", "ICollection<string>?", "[\"orders.new\"]", Version: "2.9.0"),
        ["JS2101 pause"] = new("JS2101", "PauseUntil", "DateTimeOffset?", "DateTimeOffset.UnixEpoch", Version: "2.10.0"),
    };

    public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

    public static IEnumerable<object[]> CasesAndShapes =>
        from key in Cases.Keys
        from shape in new[] { "parameter", "options object", "server config", "conditional", "set in if", "set in switch", "set in while", "set in catch", "set in local function" }
        select new object[] { key, shape };

    /// <summary>The control for the theory below: with the constant, the rule reports at the assignment.</summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task EveryRule_ReportsTheConstant(string name)
    {
        var c = Cases[name];
        var body = $$"""
                    var cfg = {{Base(c, keepMarkup: true)}};
                    {|#0:cfg.{{c.Property}} = {{c.Bad}}|};
                    await js.CreateOrUpdateConsumerAsync("ORDERS", cfg);
            """;
        var expected = new List<DiagnosticResult> { Verify.DiagnosticWithAnyMessage(c.Rule).WithLocation(0) };
        expected.AddRange((c.AlsoAt1 ?? []).Select(id => Verify.DiagnosticWithAnyMessage(id).WithLocation(1)));
        await Verify.AnalyzerAsync(UnknownSource(c, body), VersionOption(c), expected.ToArray());
    }

    [Theory]
    [MemberData(nameof(CasesAndShapes))]
    public async Task EveryRule_SilentWhenTheValueIsUnknown(string name, string shape)
    {
        var c = Cases[name];
        var body = shape switch
        {
            "parameter" => Call($"{c.Property} = value"),
            "options object" => Call($"{c.Property} = settings.Value"),
            "server config" => Call($"{c.Property} = consumer.Info.Config.{c.Property}"),
            "conditional" => Call($"{c.Property} = flag ? value : {c.Bad}"),
            "set in if" => Build($"if (flag) cfg.{c.Property} = {c.Bad};"),
            "set in switch" => Build($"switch (settings.Value) {{ case var _ when flag: cfg.{c.Property} = {c.Bad}; break; }}"),
            "set in while" => Build($"while (flag) {{ cfg.{c.Property} = {c.Bad}; flag = false; }}"),
            "set in catch" => Build($"try {{ flag = !flag; }} catch {{ cfg.{c.Property} = {c.Bad}; }}"),
            "set in local function" => Build($"Change(); void Change() => cfg.{c.Property} = {c.Bad};"),
            _ => throw new System.ArgumentException(shape),
        };
        await Verify.AnalyzerAsync(UnknownSource(c, body), VersionOption(c));

        string Call(string member) => $$"""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", {{Base(c, keepMarkup: false, member)}});
            """;

        string Build(string statement) => $$"""
                    var cfg = {{Base(c, keepMarkup: false)}};
                    {{statement}}
                    await js.CreateOrUpdateConsumerAsync("ORDERS", cfg);
            """;
    }

    [Theory]
    [InlineData("consumer.Info.Config")]
    [InlineData("settings.Config")]
    [InlineData("config")]
    [InlineData("Make()")]
    [InlineData("consumer.Info.Config with { MaxDeliver = -1 }")]
    public async Task WholeConfigUnknown_NoDiagnostic(string config)
    {
        var source = Code.InClass($$"""
                public class Settings { public ConsumerConfig Config { get; set; } = new(); }

                protected virtual ConsumerConfig Make() => new ConsumerConfig("worker");

                async Task Run(INatsJSContext js, INatsJSStream stream, INatsJSConsumer consumer, Settings settings, ConsumerConfig config)
                {
                    await js.CreateOrUpdateConsumerAsync("ORDERS", {{config}});
                    await js.UpdateConsumerAsync("ORDERS", {{config}});
                    await stream.CreateOrUpdateConsumerAsync({{config}});
                }
            """);
        await Verify.AnalyzerAsync(source);
    }

    private static string Base(Case c, bool keepMarkup, string? member = null)
    {
        var changes = (c.BaseChanges ?? []).Append("-" + c.Property).ToList();
        if (member is not null)
        {
            changes.Add(member);
        }

        var text = c.Push ? Configs.PushConsumer(changes.ToArray()) : Configs.Consumer(changes.ToArray());
        return keepMarkup ? text : Regex.Replace(text, @"\{\|#\d+:|\|\}", string.Empty);
    }

    private static Dictionary<string, string> VersionOption(Case c) =>
        c.Version is null ? NoOptions : Options("jetstream_server_version", c.Version);

    private static string UnknownSource(Case c, string body) => Code.Usings + $$"""
        public class Settings { public {{c.Type}} Value { get; set; } = default!; }

        class Test
        {
            async Task Run(INatsJSContext js, INatsJSConsumer consumer, Settings settings, bool flag, {{c.Type}} value)
            {
        {{body}}
            }
        }
        """;
}
