using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.CrossDefinitionAnalyzer>;

namespace JetStream.Analyzers.Tests;

/// <summary>
/// The checks across definitions (JS1008, JS1009, JS1011, JS1012, JS2007, JS4004–JS4008) over a whole compilation: definitions in several
/// documents, what a compilation that is not every stream there is may and may not conclude, and silence for names
/// and subjects known only at run time.
/// </summary>
public class CrossDefinitionAnalyzerTests
{
    private static readonly Dictionary<string, string> Critical = new() { ["jetstream_critical_streams"] = "ORDERS" };

    /// <summary>A document whose class <paramref name="type"/> runs <paramref name="statements"/> with a JetStream context.</summary>
    private static string Doc(string type, string statements) => Code.Usings + $$"""
        class {{type}}
        {
            async Task Run(INatsJSContext js, string name)
            {
        {{statements}}
            }
        }
        """;

    private static Task VerifyAsync(string first, string? second, IDictionary<string, string>? options, params DiagnosticResult[] expected) =>
        Verify.AnalyzerAsync(first, options, test =>
        {
            if (second is not null)
            {
                test.TestState.Sources.Add(("/0/Test1.cs", second));
            }
        }, expected);

    private static DiagnosticResult At(string id, int location, string message) =>
        Verify.Diagnostic(id).WithLocation(location).WithMessage(message);

    private const string Orders = """        await js.CreateStreamAsync(new StreamConfig({|#0:"ORDERS"|}, ["orders.>"]));""";

    // ---------------------------------------------------------------- JS1008 critical stream without copy

    [Fact]
    public async Task JS1008_CriticalStreamWithoutMirror_ReportedOnItsName()
    {
        await VerifyAsync(Doc("A", Orders), null, Critical,
            At(RuleIds.CriticalStreamWithoutCopy, 0, "Stream 'ORDERS' is listed in jetstream_critical_streams, but no defined stream mirrors or sources it; when its cluster or its storage is lost, there is no second copy to recover from. Define a mirror of it, ideally in another cluster or domain."));
    }

    [Fact]
    public async Task JS1008_EditorConfigSeverityNone_AndPragma_SilenceItAtCompilationEnd()
    {
        var options = new Dictionary<string, string>(Critical) { ["dotnet_diagnostic.JS1008.severity"] = "none" };
        await VerifyAsync(Doc("A", Orders.Replace("{|#0:", "").Replace("|}", "")), null, options);

        var suppressed = "#pragma warning disable JS1008\n" + Orders.Replace("{|#0:", "").Replace("|}", "") + "\n#pragma warning restore JS1008";
        await VerifyAsync(Doc("A", suppressed), null, Critical);
    }

    /// <summary>
    /// The compiler applies .editorconfig severities to compilation-end diagnostics as to any other (the testing
    /// library's project set-up does not raise them, so this test builds the compilation the way the compiler does).
    /// </summary>
    [Fact]
    public async Task JS1008_EditorConfigSeverityError_RaisesItAtCompilationEnd()
    {
        var config = AnalyzerConfigSet.Create(new[]
        {
            AnalyzerConfig.Parse("root = true\n[*.cs]\njetstream_critical_streams = ORDERS\ndotnet_diagnostic.JS1008.severity = error\n", "/src/.editorconfig"),
        });
        var options = config.GetOptionsForSourcePath("/src/A.cs");
        var tree = CSharpSyntaxTree.ParseText(Doc("A", Orders.Replace("{|#0:", "").Replace("|}", "")), new CSharpParseOptions(LanguageVersion.Latest), path: "/src/A.cs");
        var compilation = CSharpCompilation.Create(
            "Severity",
            new[] { tree },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSyntaxTreeOptionsProvider(new TreeSeverities(options.TreeOptions)));
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new InMemoryCompiler.OptionsProvider(options.AnalyzerOptions));

        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CrossDefinitionAnalyzer()), analyzerOptions).GetAnalyzerDiagnosticsAsync();

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(RuleIds.CriticalStreamWithoutCopy, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    private sealed class TreeSeverities : SyntaxTreeOptionsProvider
    {
        private readonly ImmutableDictionary<string, ReportDiagnostic> severities;

        public TreeSeverities(ImmutableDictionary<string, ReportDiagnostic> severities)
        {
            this.severities = severities;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            severities.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }
    }

    [Fact]
    public async Task JS1008_MirrorInAnotherDocument_NotReported()
    {
        var backup = Doc("B", """        await js.CreateStreamAsync(new StreamConfig { Name = "ORDERS_BACKUP", Mirror = new StreamSource { Name = "ORDERS" } });""");
        await VerifyAsync(Doc("A", Orders.Replace("{|#0:", "").Replace("|}", "")), backup, Critical);
    }

    [Fact]
    public async Task JS1008_MirrorOfAnUnknownStream_MightCopyIt_NotReported()
    {
        var backup = Doc("B", """        await js.CreateStreamAsync(new StreamConfig { Name = "BACKUP", Mirror = new StreamSource { Name = name } });""");
        await VerifyAsync(Doc("A", Orders.Replace("{|#0:", "").Replace("|}", "")), backup, Critical);
    }

    [Fact]
    public async Task JS1008_StreamNotListed_NotReported() => await VerifyAsync(Doc("A", Orders.Replace("{|#0:", "").Replace("|}", "")), null, options: null);

    // ---------------------------------------------------------------- JS1009 source not defined

    [Fact]
    public async Task JS1009_MirrorOfATypo_ReportedWithTheStreamItProbablyMeans()
    {
        var backup = Doc("B", """        await js.CreateStreamAsync(new StreamConfig { Name = "ORDERS_BACKUP", Mirror = new StreamSource { {|#1:Name = "ORDRES"|} } });""");
        await VerifyAsync(Doc("A", Orders.Replace("{|#0:", "").Replace("|}", "")), backup, null,
            At(RuleIds.SourceNotDefined, 1, "Stream 'ORDERS_BACKUP' mirrors (Mirror) stream 'ORDRES', which no definition in this compilation provides (did you mean 'ORDERS', defined at Test0.cs(13,53)?); the server accepts this and keeps retrying, so nothing is copied until a stream of that name exists. Define it, check the name, or set external.api when it lives in another account or domain."));
    }

    [Fact]
    public async Task JS1009_SourceDifferingInCase_Reported()
    {
        var all = Doc("B", """        await js.CreateStreamAsync(new StreamConfig { Name = "ALL", Sources = [new StreamSource { {|#1:Name = "orders"|} }] });""");
        await VerifyAsync(Doc("A", Orders.Replace("{|#0:", "").Replace("|}", "")), all, null,
            At(RuleIds.SourceNotDefined, 1, "Stream 'ALL' sources (Sources) stream 'orders', which no definition in this compilation provides (did you mean 'ORDERS', defined at Test0.cs(13,53)?); the server accepts this and keeps retrying, so nothing is copied until a stream of that name exists. Define it, check the name, or set external.api when it lives in another account or domain."));
    }

    [Theory]
    [InlineData("PAYMENTS")] // another service's stream: a compilation is not every stream there is
    [InlineData("ORDERS_2")] // a differing digit names another stream
    [InlineData("ORDERS")] // defined
    public async Task JS1009_NameThatIsNoTypo_NotReported(string origin)
    {
        var streams = """
                    await js.CreateStreamAsync(new StreamConfig("ORDERS_1", ["orders_1.>"]));
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]));
            """;
        var backup = Doc("B", $$"""        await js.CreateStreamAsync(new StreamConfig { Name = "BACKUP", Mirror = new StreamSource { Name = "{{origin}}" } });""");
        await VerifyAsync(Doc("A", streams), backup, null);
    }

    [Fact]
    public async Task JS1009_TypoInAnotherDomain_NotReported()
    {
        var backup = Doc("B", """        await js.CreateStreamAsync(new StreamConfig { Name = "BACKUP", Mirror = new StreamSource { Name = "ORDRES", External = new ExternalStreamSource { Api = "$JS.eu.API" } } });""");
        await VerifyAsync(Doc("A", Orders.Replace("{|#0:", "").Replace("|}", "")), backup, null);
    }

    // ---------------------------------------------------------------- JS1011 interest stream without consumer

    private const string Events = """        await js.CreateStreamAsync(new StreamConfig("EVENTS", ["events.>"]) { {|#0:Retention = StreamConfigRetention.Interest|} });""";

    private const string JobsConsumer = """        await js.CreateOrUpdateConsumerAsync("JOBS", new ConsumerConfig("worker"));""";

    [Fact]
    public async Task JS1011_CompilationDefinesConsumersButNoneForTheInterestStream_Reported()
    {
        await VerifyAsync(Doc("A", Events), Doc("B", JobsConsumer), null,
            At(RuleIds.InterestStreamWithoutConsumer, 0, "Stream 'EVENTS' has interest retention, but no definition in this compilation reads it (no consumer, mirror or source); the server drops each message as soon as it is stored. Define its consumers, or use limits retention."));
    }

    [Fact]
    public async Task JS1011_CompilationDefinesNoConsumer_NotReported() => await VerifyAsync(Doc("A", Events.Replace("{|#0:", "").Replace("|}", "")), null, null);

    [Fact]
    public async Task JS1011_ConsumerInAnotherDocument_NotReported()
    {
        await VerifyAsync(Doc("A", Events.Replace("{|#0:", "").Replace("|}", "")), Doc("B", JobsConsumer.Replace("\"JOBS\"", "\"EVENTS\"")), null);
    }

    [Fact]
    public async Task JS1011_ConsumerOfAStreamKnownOnlyAtRunTime_MightReadIt_NotReported()
    {
        await VerifyAsync(Doc("A", Events.Replace("{|#0:", "").Replace("|}", "")), Doc("B", JobsConsumer.Replace("\"JOBS\"", "name")), null);
    }

    [Fact]
    public async Task JS1011_MirroredInterestStream_NotReported()
    {
        var mirror = Doc("B", JobsConsumer + "\n" + """        await js.CreateStreamAsync(new StreamConfig { Name = "EVENTS_COPY", Mirror = new StreamSource { Name = "EVENTS" } });""");
        await VerifyAsync(Doc("A", Events.Replace("{|#0:", "").Replace("|}", "")), mirror, null);
    }

    [Theory]
    [InlineData("""await js.CreateOrderedConsumerAsync("EVENTS");""")]
    [InlineData("""await js.CreateOrderedPushConsumerAsync("EVENTS");""")]
    [InlineData("""await js.CreatePushConsumerAsync("EVENTS", new NatsJSPushConsumerOpts { DeliverSubject = "audit.deliver" });""")]
    [InlineData("""await js.GetConsumerAsync("EVENTS", "audit");""")]
    [InlineData("""await js.CreateOrderedConsumerAsync(name);""")]
    [InlineData("""var audit = await js.GetStreamAsync("AUDIT"); await audit.CreateOrderedConsumerAsync();""")]
    public async Task JS1011_ReaderThatIsNoConsumerDefinition_OfTheStreamOrOfAnUnknownOne_NotReported(string reader)
    {
        await VerifyAsync(Doc("A", Events.Replace("{|#0:", "").Replace("|}", "")), Doc("B", JobsConsumer + "\n        " + reader), null);
    }

    [Fact]
    public async Task JS1011_OrderedConsumerOfAnotherStream_Reported()
    {
        await VerifyAsync(Doc("A", Events), Doc("B", JobsConsumer + "\n" + """        await js.CreateOrderedConsumerAsync("AUDIT");"""), null,
            At(RuleIds.InterestStreamWithoutConsumer, 0, "Stream 'EVENTS' has interest retention, but no definition in this compilation reads it (no consumer, mirror or source); the server drops each message as soon as it is stored. Define its consumers, or use limits retention."));
    }

    // ---------------------------------------------------------------- JS1012 work-queue subjects not consumed

    private const string Jobs = """        await js.CreateStreamAsync(new StreamConfig("JOBS", {|#0:["jobs.email.>", "jobs.sms.>"]|}) { Retention = StreamConfigRetention.Workqueue });""";

    private static string Worker(string name, string filter) =>
        $$"""        await js.CreateOrUpdateConsumerAsync("JOBS", new ConsumerConfig("{{name}}") { FilterSubject = {{filter}} });""";

    [Fact]
    public async Task JS1012_SubjectNoConsumerTakes_ReportedOnTheSubjects()
    {
        await VerifyAsync(Doc("A", Jobs), Doc("B", Worker("email", "\"jobs.email.>\"")), null,
            At(RuleIds.WorkQueueSubjectsNotConsumed, 0, "Stream 'JOBS' has subject 'jobs.sms.>', but no consumer's filter matches it; those messages are never consumed and pile up until the stream's limits drop them. Add a consumer for them, or narrow the stream's subjects."));
    }

    [Fact]
    public async Task JS1012_EverySubjectConsumed_AcrossDocuments_NotReported()
    {
        await VerifyAsync(Doc("A", Jobs.Replace("{|#0:", "").Replace("|}", "") + "\n" + Worker("sms", "\"jobs.sms.>\"")), Doc("B", Worker("email", "\"jobs.email.>\"")), null);
    }

    [Fact]
    public async Task JS1012_ConsumerLookedUpByName_MightTakeTheRest_NotReported()
    {
        await VerifyAsync(Doc("A", Jobs.Replace("{|#0:", "").Replace("|}", "")), Doc("B", Worker("email", "\"jobs.email.>\"") + "\n" + """        await js.GetConsumerAsync("JOBS", "sms");"""), null);
    }

    [Fact]
    public async Task JS1012_FilterKnownOnlyAtRunTime_NotReported()
    {
        await VerifyAsync(Doc("A", Jobs.Replace("{|#0:", "").Replace("|}", "")), Doc("B", Worker("email", "\"jobs.email.>\"") + "\n" + Worker("other", "name")), null);
    }

    // ---------------------------------------------------------------- JS4004 defined more than once

    private static string Stream(string name, string subjects, string settings = "", int? mark = null, int? subjectsMark = null) =>
        $$"""        await js.CreateStreamAsync({{Mark(mark, $$"""new StreamConfig({{name}}, {{Mark(subjectsMark, $"[{subjects}]")}}) { {{settings}} }""")}});""";

    private static string Consumer(string stream, string name, string settings = "", int? mark = null) =>
        $$"""        await js.CreateOrUpdateConsumerAsync({{stream}}, {{Mark(mark, $$"""new ConsumerConfig("{{name}}") { {{settings}} }""")}});""";

    private static string Mark(int? mark, string code) => mark is { } m ? $"{{|#{m}:{code}|}}" : code;

    private static string Lines(params string[] statements) => string.Join("\n", statements);

    [Fact]
    public async Task JS4004_StreamCreatedTwiceWithDifferentSettings_InOneMethod_ReportedAtBoth()
    {
        var source = Doc("A", Lines(
            Stream("\"ORDERS\"", "\"orders.>\"", "MaxMsgs = 1000", mark: 0),
            Stream("\"ORDERS\"", "\"orders.>\"", "MaxMsgs = 5000", mark: 1)));
        await VerifyAsync(source, null, null,
            At(RuleIds.DuplicateDefinition, 0, "Stream 'ORDERS' is defined more than once: here and in Test0.cs(14,36), with different MaxMsgs"),
            At(RuleIds.DuplicateDefinition, 1, "Stream 'ORDERS' is defined more than once: here and in Test0.cs(13,36), with different MaxMsgs"));
    }

    [Fact]
    public async Task JS4004_ConsumerCreatedInTwoDocumentsWithDifferentSettings_ReportedAtBoth()
    {
        await VerifyAsync(
            Doc("A", Consumer("\"JOBS\"", "worker", "MaxDeliver = 5", mark: 0)),
            Doc("B", Consumer("\"JOBS\"", "worker", "MaxDeliver = 10", mark: 1)),
            null,
            At(RuleIds.DuplicateDefinition, 0, "Consumer 'worker' on stream 'JOBS' is defined more than once: here and in Test1.cs(13,54), with different MaxDeliver"),
            At(RuleIds.DuplicateDefinition, 1, "Consumer 'worker' on stream 'JOBS' is defined more than once: here and in Test0.cs(13,54), with different MaxDeliver"));
    }

    [Fact]
    public async Task JS4004_OneDefinitionInGeneratedCode_ReportedAtTheOtherOnly()
    {
        var generated = Code.Usings + """
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            class B
            {
                async Task Run(INatsJSContext js) => await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { MaxMsgs = 5000 });
            }
            """;
        await VerifyAsync(
            Doc("A", Stream("\"ORDERS\"", "\"orders.>\"", "MaxMsgs = 1000", mark: 0)),
            generated,
            null,
            At(RuleIds.DuplicateDefinition, 0, "Stream 'ORDERS' is defined more than once: here and in Test1.cs(12,69), with different MaxMsgs"));
    }

    [Fact]
    public async Task JS4004_IdenticalDefinitionsInTwoDocuments_NotReported()
    {
        var orders = Stream("\"ORDERS\"", "\"orders.>\"", "MaxMsgs = 1000");
        await VerifyAsync(Doc("A", orders), Doc("B", orders), null);
    }

    [Theory]
    [InlineData("name", "\"orders.>\"", "MaxMsgs = 5000")] // the name is known only at run time
    [InlineData("\"ORDERS\"", "\"orders.>\"", "MaxMsgs = name.Length")] // the differing setting is known only at run time
    [InlineData("\"ORDERS\"", "\"orders.>\"", "Retention = StreamConfigRetention.Limits")] // limits is what an absent retention means
    public async Task JS4004_NoKnownSettingDiffers_NotReported(string name, string subjects, string settings)
    {
        await VerifyAsync(Doc("A", Stream("\"ORDERS\"", "\"orders.>\"", "MaxMsgs = 1000")), Doc("B", Stream(name, subjects, settings.Replace("MaxMsgs = 5000", "MaxMsgs = 1000"))), null);
    }

    // ---------------------------------------------------------------- JS4005 consumer for a stream no definition creates

    [Fact]
    public async Task JS4005_ConsumerOnATypoOfADefinedStream_ReportedOnTheStreamName()
    {
        var consumer = """        await js.CreateOrUpdateConsumerAsync({|#1:"ORDRES"|}, new ConsumerConfig("processor"));""";
        await VerifyAsync(Doc("A", Orders.Replace("{|#0:", "").Replace("|}", "")), Doc("B", consumer), null,
            At(RuleIds.ConsumerWithoutStream, 1, "Consumer 'processor' is for stream 'ORDRES' (did you mean 'ORDERS', defined at Test0.cs(13,53)?), which is not created or updated in this compilation; check the name"));
    }

    [Fact]
    public async Task JS4005_ConsumerOnATypo_InOneMethod_Reported()
    {
        var source = Doc("A", Lines(
            Orders.Replace("{|#0:", "").Replace("|}", ""),
            """        await js.CreateOrUpdateConsumerAsync({|#1:"ORDERS "|}, new ConsumerConfig("processor"));"""));
        await VerifyAsync(source, null, null,
            At(RuleIds.ConsumerWithoutStream, 1, "Consumer 'processor' is for stream 'ORDERS ' (did you mean 'ORDERS', defined at Test0.cs(13,53)?), which is not created or updated in this compilation; check the name"));
    }

    [Theory]
    [InlineData("\"PAYMENTS\"")] // another service's stream: a compilation is not every stream there is
    [InlineData("\"ORDERS_2\"")] // a differing digit names another stream
    [InlineData("\"ORDERS\"")] // defined
    [InlineData("name")] // known only at run time
    public async Task JS4005_StreamThatIsNoTypo_NotReported(string stream)
    {
        await VerifyAsync(Doc("A", Orders.Replace("{|#0:", "").Replace("|}", "")), Doc("B", Consumer(stream, "processor")), null);
    }

    // ---------------------------------------------------------------- JS4006 overlapping stream subjects

    [Fact]
    public async Task JS4006_TwoStreamsCapturingOneSubject_InOneMethod_ReportedAtBoth()
    {
        var source = Doc("A", Lines(
            Stream("\"ORDERS\"", "\"orders.>\"", subjectsMark: 0),
            Stream("\"EU_ORDERS\"", "\"orders.eu.*\"", subjectsMark: 1)));
        await VerifyAsync(source, null, null,
            At(RuleIds.OverlappingStreamSubjects, 0, "Stream 'ORDERS' has subject 'orders.>', which overlaps subject 'orders.eu.*' of stream 'EU_ORDERS' in Test0.cs(14,36); the server refuses the second stream ('subjects overlap with an existing stream')"),
            At(RuleIds.OverlappingStreamSubjects, 1, "Stream 'EU_ORDERS' has subject 'orders.eu.*', which overlaps subject 'orders.>' of stream 'ORDERS' in Test0.cs(13,36); the server refuses the second stream ('subjects overlap with an existing stream')"));
    }

    [Fact]
    public async Task JS4006_StreamsInTwoDocuments_ReportedAtBoth()
    {
        await VerifyAsync(
            Doc("A", Stream("\"ORDERS\"", "\"orders.*\", \"refunds.>\"", subjectsMark: 0)),
            Doc("B", Stream("\"ALL\"", "\"*.created\"", subjectsMark: 1)),
            null,
            At(RuleIds.OverlappingStreamSubjects, 0, "Stream 'ORDERS' has subject 'orders.*', which overlaps subject '*.created' of stream 'ALL' in Test1.cs(13,36); the server refuses the second stream ('subjects overlap with an existing stream')"),
            At(RuleIds.OverlappingStreamSubjects, 1, "Stream 'ALL' has subject '*.created', which overlaps subject 'orders.*' of stream 'ORDERS' in Test0.cs(13,36); the server refuses the second stream ('subjects overlap with an existing stream')"));
    }

    [Theory]
    [InlineData("\"EU_ORDERS\"", "\"orders-eu.>\"")] // distinct subjects
    [InlineData("\"ORDERS\"", "\"orders.>\"")] // the same stream, created again
    [InlineData("name", "\"orders.eu.*\"")] // a stream known only at run time
    [InlineData("\"EU_ORDERS\"", "name")] // subjects known only at run time
    public async Task JS4006_NoKnownOverlap_NotReported(string name, string subjects)
    {
        await VerifyAsync(Doc("A", Stream("\"ORDERS\"", "\"orders.>\"")), Doc("B", Stream(name, subjects)), null);
    }

    // ---------------------------------------------------------------- JS4007 overlapping work-queue consumers

    private static string WorkQueue(string subjects = "\"jobs.>\"") => Stream("\"JOBS\"", subjects, "Retention = StreamConfigRetention.Workqueue");

    /// <summary>
    /// The NATS.Net documentation's work-queue example: a second unfiltered consumer on a work-queue stream, which the
    /// server refuses ("multiple non-filtered consumers not allowed on workqueue stream").
    /// </summary>
    [Fact]
    public async Task JS4007_TwoUnfilteredConsumersOfAWorkQueueStream_InOneMethod_ReportedAtBoth()
    {
        var source = Doc("A", Lines(
            WorkQueue(),
            Consumer("\"JOBS\"", "processor-1", mark: 0),
            Consumer("\"JOBS\"", "processor-2", mark: 1)));
        await VerifyAsync(source, null, null,
            At(RuleIds.OverlappingWorkQueueConsumers, 0, "Consumer 'processor-1' on work-queue stream 'JOBS' is unfiltered, like consumer 'processor-2' in Test0.cs(15,54); each message can go to only one consumer, so the server refuses the second"),
            At(RuleIds.OverlappingWorkQueueConsumers, 1, "Consumer 'processor-2' on work-queue stream 'JOBS' is unfiltered, like consumer 'processor-1' in Test0.cs(14,54); each message can go to only one consumer, so the server refuses the second"));
    }

    [Fact]
    public async Task JS4007_OverlappingFiltersInTwoDocuments_ReportedAtBoth()
    {
        await VerifyAsync(
            Doc("A", Lines(WorkQueue("\"jobs.email.>\""), Consumer("\"JOBS\"", "mailer", "FilterSubject = \"jobs.email.>\"", mark: 0))),
            Doc("B", Consumer("\"JOBS\"", "urgent", "FilterSubject = \"jobs.*.high\"", mark: 1)),
            null,
            At(RuleIds.OverlappingWorkQueueConsumers, 0, "Consumer 'mailer' on work-queue stream 'JOBS' has filter 'jobs.email.>', which overlaps filter 'jobs.*.high' of consumer 'urgent' in Test1.cs(13,54); each message can go to only one consumer, so the server refuses the second"),
            At(RuleIds.OverlappingWorkQueueConsumers, 1, "Consumer 'urgent' on work-queue stream 'JOBS' has filter 'jobs.*.high', which overlaps filter 'jobs.email.>' of consumer 'mailer' in Test0.cs(14,54); each message can go to only one consumer, so the server refuses the second"));
    }

    /// <summary>A stream created where it is used, the same in both places, is one stream to its consumers.</summary>
    [Fact]
    public async Task JS4007_StreamCreatedIdenticallyInBothDocuments_StillOneStream_ReportedAtBoth()
    {
        await VerifyAsync(
            Doc("A", Lines(WorkQueue(), Consumer("\"JOBS\"", "worker-1", mark: 0))),
            Doc("B", Lines(WorkQueue(), Consumer("\"JOBS\"", "worker-2", mark: 1))),
            null,
            At(RuleIds.OverlappingWorkQueueConsumers, 0, "Consumer 'worker-1' on work-queue stream 'JOBS' is unfiltered, like consumer 'worker-2' in Test1.cs(14,54); each message can go to only one consumer, so the server refuses the second"),
            At(RuleIds.OverlappingWorkQueueConsumers, 1, "Consumer 'worker-2' on work-queue stream 'JOBS' is unfiltered, like consumer 'worker-1' in Test0.cs(14,54); each message can go to only one consumer, so the server refuses the second"));
    }

    /// <summary>Each worker creates the consumer it reads: one consumer on the server, not two.</summary>
    [Fact]
    public async Task JS4007_OneConsumerCreatedIdenticallyInTwoDocuments_NotReported()
    {
        await VerifyAsync(Doc("A", Lines(WorkQueue(), Consumer("\"JOBS\"", "worker"))), Doc("B", Consumer("\"JOBS\"", "worker")), null);
    }

    [Fact]
    public async Task JS4007_ConsumerNamedOnlyAtRunTime_MayBeTheOther_NotReported()
    {
        var named = """        await js.CreateOrUpdateConsumerAsync("JOBS", new ConsumerConfig(name));""";
        await VerifyAsync(Doc("A", Lines(WorkQueue(), Consumer("\"JOBS\"", "worker"))), Doc("B", named), null);
    }

    [Theory]
    [InlineData("\"jobs.email.>\"", "\"jobs.report.>\"")] // disjoint filters
    [InlineData("\"jobs.email.>\"", "name")] // a filter known only at run time
    public async Task JS4007_NoKnownOverlap_NotReported(string first, string second)
    {
        await VerifyAsync(
            Doc("A", Lines(WorkQueue("\"jobs.email.>\", \"jobs.report.>\""), Consumer("\"JOBS\"", "mailer", $"FilterSubject = {first}"))),
            Doc("B", Consumer("\"JOBS\"", "reports", $"FilterSubject = {second}")),
            null);
    }

    [Theory]
    [InlineData("Retention = StreamConfigRetention.Limits", "\"JOBS\"")] // not a work queue: consumers may share messages
    [InlineData("Retention = StreamConfigRetention.Workqueue", "name")] // a consumer of a stream known only at run time
    public async Task JS4007_UnfilteredConsumersTheServerAccepts_OrMayAccept_NotReported(string retention, string stream)
    {
        await VerifyAsync(
            Doc("A", Lines(Stream("\"JOBS\"", "\"jobs.>\"", retention), Consumer("\"JOBS\"", "worker-1"))),
            Doc("B", Consumer(stream, "worker-2")),
            null);
    }

    // ---------------------------------------------------------------- JS2007 consumer less durable than its stream

    [Fact]
    public async Task JS2007_ConsumerWithFewerReplicasThanTheStreamInAnotherDocument_ReportedOnTheReplicas()
    {
        var consumer = """        await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { MaxDeliver = 5, {|#0:NumReplicas = 1|} });""";
        await VerifyAsync(Doc("A", Stream("\"ORDERS\"", "\"orders.>\"", "NumReplicas = 3")), Doc("B", consumer), null,
            At(RuleIds.ConsumerLessDurableThanStream, 0, "Consumer 'processor' on stream 'ORDERS' has 1 replica (NumReplicas), while its stream 'ORDERS' has 3; when the servers holding its state fail, it loses its position and pending acknowledgements although the messages survive. Leave NumReplicas unset (0) to follow the stream, or set it to 3."));
    }

    [Fact]
    public async Task JS2007_MemoryStateOnAFileStream_ReportedOnMemStorage()
    {
        var source = Doc("A", Lines(
            Stream("\"ORDERS\"", "\"orders.>\""),
            """        await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { MaxDeliver = 5, {|#0:MemStorage = true|} });"""));
        await VerifyAsync(source, null, null,
            At(RuleIds.ConsumerLessDurableThanStream, 0, "Consumer 'processor' on stream 'ORDERS' keeps its state in memory (MemStorage), while its stream 'ORDERS' is stored in files; a restart of its servers loses the consumer's position and pending acknowledgements although the messages survive. Remove MemStorage."));
    }

    /// <summary>No stream to compare with (another service's, a name known at run time), and a consumer that follows its stream.</summary>
    [Fact]
    public async Task JS2007_StreamNotKnownHere_Silent()
    {
        var consumers = Lines(
            """        await js.CreateOrUpdateConsumerAsync("PAYMENTS", new ConsumerConfig("a") { MaxDeliver = 5, NumReplicas = 1 });""",
            """        await js.CreateOrUpdateConsumerAsync(name, new ConsumerConfig("b") { MaxDeliver = 5, NumReplicas = 1 });""",
            """        await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("c") { MaxDeliver = 5, NumReplicas = 3 });""",
            """        await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("d") { MaxDeliver = 5 });""");
        await VerifyAsync(Doc("A", Stream("\"ORDERS\"", "\"orders.>\"", "NumReplicas = 3")), Doc("B", consumers), null);
    }

    // ---------------------------------------------------------------- JS4008 filter outside the stream

    [Fact]
    public async Task JS4008_FilterNoSubjectOfTheStreamMatches_InOneMethod_ReportedOnTheFilter()
    {
        var source = Doc("A", Lines(
            Stream("\"ORDERS\"", "\"orders.>\""),
            """        await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("refunds") { {|#0:FilterSubject = "refunds.>"|} });"""));
        await VerifyAsync(source, null, null,
            At(RuleIds.FilterOutsideStream, 0, "Consumer 'refunds' on stream 'ORDERS' filters on 'refunds.>', which no subject of stream 'ORDERS' (orders.>) can match; the consumer would never receive a message"));
    }

    [Fact]
    public async Task JS4008_StreamInAnotherDocument_CreatedThereTwiceTheSame_ReportedOnTheFilter()
    {
        var consumer = """        await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("eu") { {|#0:FilterSubjects = ["orders.eu.>", "order.eu.>"]|} });""";
        await VerifyAsync(Doc("A", Lines(Stream("\"ORDERS\"", "\"orders.>\""), Stream("\"ORDERS\"", "\"orders.>\""))), Doc("B", consumer), null,
            At(RuleIds.FilterOutsideStream, 0, "Consumer 'eu' on stream 'ORDERS' filters on 'order.eu.>', which no subject of stream 'ORDERS' (orders.>) can match; the consumer would never receive a message"));
    }

    /// <summary>Which consumer it is doesn't matter: no message can match the filter.</summary>
    [Fact]
    public async Task JS4008_ConsumerNamedOnlyAtRunTime_StillReported()
    {
        var consumer = """        await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig(name) { {|#0:FilterSubject = "refunds.>"|} });""";
        await VerifyAsync(Doc("A", Stream("\"ORDERS\"", "\"orders.>\"")), Doc("B", consumer), null,
            At(RuleIds.FilterOutsideStream, 0, "Consumer on stream 'ORDERS' filters on 'refunds.>', which no subject of stream 'ORDERS' (orders.>) can match; the consumer would never receive a message"));
    }

    [Theory]
    [InlineData("\"orders.>\"", "\"orders.eu.>\"")] // inside
    [InlineData("\"orders.>\"", "name")] // a filter known only at run time
    [InlineData("name", "\"refunds.>\"")] // the stream's subjects known only at run time
    public async Task JS4008_FilterThatMayMatch_NotReported(string subjects, string filter)
    {
        await VerifyAsync(Doc("A", Stream("\"ORDERS\"", subjects)), Doc("B", Consumer("\"ORDERS\"", "eu", $"FilterSubject = {filter}")), null);
    }

    [Fact]
    public async Task JS4008_StreamDefinedTwiceWithDifferentSubjects_WhichAppliesIsUnknown_OnlyTheDuplicateReported()
    {
        await VerifyAsync(
            Doc("A", Stream("\"ORDERS\"", "\"orders.>\"", mark: 0)),
            Doc("B", Lines(Stream("\"ORDERS\"", "\"refunds.>\"", mark: 1), Consumer("\"ORDERS\"", "refunds", "FilterSubject = \"refunds.>\""))),
            null,
            At(RuleIds.DuplicateDefinition, 0, "Stream 'ORDERS' is defined more than once: here and in Test1.cs(13,36), with different Subjects"),
            At(RuleIds.DuplicateDefinition, 1, "Stream 'ORDERS' is defined more than once: here and in Test0.cs(13,36), with different Subjects"));
    }

    // ---------------------------------------------------------------- unknown names, no NATS.Net

    [Fact]
    public async Task StreamNameKnownOnlyAtRunTime_TakesPartInNothing()
    {
        var source = Doc("A", """
                    await js.CreateStreamAsync(new StreamConfig(name, ["orders.>"]) { Retention = StreamConfigRetention.Interest });
                    await js.CreateStreamAsync(new StreamConfig { Name = name, Mirror = new StreamSource { Name = "ORDRES" } });
                    await js.CreateOrUpdateConsumerAsync("JOBS", new ConsumerConfig("worker"));
            """);
        await VerifyAsync(source, null, new Dictionary<string, string> { ["jetstream_critical_streams"] = "*" });
    }

    [Fact]
    public async Task WithoutNatsNet_NothingIsRegistered()
    {
        var plain = await ActionCounts(TestReferences.Framework, "class A { }");
        var nats = await ActionCounts(TestReferences.All, Doc("A", Orders.Replace("{|#0:", "").Replace("|}", "")));

        Assert.Equal((0, 0), plain);
        Assert.Equal((1, 1), nats); // positive control: the counts do see the registrations
    }

    private static async Task<(int SemanticModel, int CompilationEnd)> ActionCounts(ImmutableArray<MetadataReference> references, string source)
    {
        var compilation = CSharpCompilation.Create(
            "Counts",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzer = new CrossDefinitionAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        return (telemetry.SemanticModelActionsCount, telemetry.CompilationEndActionsCount);
    }

    [Fact]
    public void CompilationEndDescriptors_CarryTheTag()
    {
        Assert.All(new CrossDefinitionAnalyzer().SupportedDiagnostics, d => Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, d.CustomTags));
        Assert.All(new StreamConfigurationAnalyzer().SupportedDiagnostics, d => Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, d.CustomTags));
    }
}
