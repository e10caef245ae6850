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
/// The checks across definitions (JS1008, JS1009, JS1011, JS1012) over a whole compilation: definitions in several
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
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TreeAnalyzerOptions(options.AnalyzerOptions));

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

    private sealed class TreeAnalyzerOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Values values;

        public TreeAnalyzerOptions(ImmutableDictionary<string, string> options)
        {
            values = new Values(options);
        }

        public override AnalyzerConfigOptions GlobalOptions => values;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => values;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => values;

        private sealed class Values : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> options;

            public Values(ImmutableDictionary<string, string> options)
            {
                this.options = options;
            }

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => options.TryGetValue(key, out value);
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
                    await js.CreateStreamAsync(new StreamConfig("ORDERS_1", ["orders.one.>"]));
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
    public async Task JS1012_FilterKnownOnlyAtRunTime_NotReported()
    {
        await VerifyAsync(Doc("A", Jobs.Replace("{|#0:", "").Replace("|}", "")), Doc("B", Worker("email", "\"jobs.email.>\"") + "\n" + Worker("other", "name")), null);
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
