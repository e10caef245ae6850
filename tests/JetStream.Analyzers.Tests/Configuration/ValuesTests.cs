using System.Collections.Generic;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Consumers = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.ConsumerConfigurationAnalyzer>;
using Streams = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.StreamConfigurationAnalyzer>;

namespace JetStream.Analyzers.Tests.Configuration;

/// <summary>
/// Which C# expressions Values reads as compile-time values. The value shows up in the messages (a replica count, a
/// duration, a list length), so each test checks that it was read exactly; expressions it cannot read stay silent.
/// </summary>
public class ValuesTests
{
    private static string StreamIn(string members) => Code.InClass($$"""
            const int Three = 3;
            const long GiB = 1L << 30;
            const string Prefix = "ORD";
            const StreamConfigStorage InMemory = StreamConfigStorage.Memory;
            static readonly int NotConstant = 1;

            async Task Run(INatsJSContext js, bool flag, int count, string[] others)
            {
                await js.CreateStreamAsync({{members}});
            }
        """);

    private static DiagnosticResult Rejected(int location, string reason, string stream = "ORDERS") =>
        Streams.Diagnostic("JS1100").WithLocation(location).WithMessage($"Stream '{stream}' is rejected by NATS server 2.15.1: {reason}");

    // ---------------------------------------------------------------- integers

    [Theory]
    [InlineData("7", "7")]
    [InlineData("Three + 4", "7")]
    [InlineData("(int)7L", "7")]
    [InlineData("unchecked((int)4294967303L)", "7")]
    [InlineData("int.MaxValue", "2147483647")]
    [InlineData("sizeof(long)", "8")]
    public async Task IntegerConstants(string expression, string shown)
    {
        var source = StreamIn(Configs.Stream($"{{|#0:NumReplicas = {expression}|}}"));
        await Streams.AnalyzerAsync(source, Rejected(0, $"maximum replicas is 5 (this stream asks for {shown})"));
    }

    [Theory]
    [InlineData("NotConstant")]
    [InlineData("count")]
    [InlineData("Environment.ProcessorCount")]
    [InlineData("flag ? 1 : 7")]
    [InlineData("unchecked((int)4294967299L)")] // 3 after the conversion: nothing to report
    public async Task IntegersNotKnownOrFine_Silent(string expression) =>
        await Streams.AnalyzerAsync(StreamIn(Configs.Stream($"NumReplicas = {expression}")));

    [Theory]
    [InlineData("GiB")]
    [InlineData("10L * 1024 * 1024")]
    [InlineData("checked(1 << 20)")]
    public async Task LongConstants_Positive_Silent(string expression) =>
        await Streams.AnalyzerAsync(StreamIn(Configs.Stream($"MaxBytes = {expression}")));

    // ---------------------------------------------------------------- enums, strings, booleans

    [Theory]
    [InlineData("StreamConfigStorage.Memory")]
    [InlineData("InMemory")]
    [InlineData("NATS.Client.JetStream.Models.StreamConfigStorage.Memory")]
    public async Task EnumMembers(string expression)
    {
        var source = StreamIn(Configs.Stream($"{{|#0:Storage = {expression}|}}"));
        await Streams.AnalyzerAsync(source,
            Streams.Diagnostic("JS1005").WithLocation(0)
                .WithMessage("Stream 'ORDERS' uses memory storage; its messages are lost when the servers restart. Use file storage unless the data is disposable."));
    }

    [Theory]
    [InlineData("flag ? StreamConfigStorage.Memory : StreamConfigStorage.File")]
    [InlineData("Enum.Parse<StreamConfigStorage>(\"Memory\")")]
    public async Task EnumsNotKnown_Silent(string expression) =>
        await Streams.AnalyzerAsync(StreamIn(Configs.Stream($"Storage = {expression}")));

    [Theory]
    [InlineData("\"ORD.ERS\"", "ORD.ERS")]
    [InlineData("Prefix + \".ERS\"", "ORD.ERS")]
    [InlineData("$\"{Prefix}.ERS\"", "ORD.ERS")]
    [InlineData("nameof(System.String) + \".x\"", "String.x")]
    public async Task StringConstants(string expression, string name)
    {
        var source = StreamIn($"new StreamConfig {{ {{|#0:Name = {expression}|}}, Subjects = [\"orders.>\"], {Configs.Members(Configs.SafeStreamSettings)} }}");
        await Streams.AnalyzerAsync(source,
            Rejected(0, "stream name is required and can not contain '.', '*', '>', '\\', '/'", name));
    }

    [Theory]
    [InlineData("!true")]
    [InlineData("1 > 2")]
    [InlineData("default")]
    public async Task BooleanConstants(string expression)
    {
        var source = StreamIn(Configs.Stream($"{{|#0:DenyDelete = {expression}|}}"));
        await Streams.AnalyzerAsync(source,
            Streams.Diagnostic("JS1006").WithLocation(0).WithMessage("Stream 'ORDERS' allows message deletion; one API call can erase its messages. Set DenyDelete."));
    }

    [Theory]
    [InlineData("flag")]
    [InlineData("!flag")]
    [InlineData("count > 0")]
    public async Task BooleansNotKnown_Silent(string expression) =>
        await Streams.AnalyzerAsync(StreamIn(Configs.Stream($"DenyDelete = {expression}")));

    // ---------------------------------------------------------------- durations

    [Theory]
    [InlineData("TimeSpan.FromMilliseconds(50)", "50ms")]
    [InlineData("TimeSpan.FromMilliseconds(50.5)", "50.5ms")]
    [InlineData("TimeSpan.FromMilliseconds(50, 500)", "50.5ms")]
    [InlineData("TimeSpan.FromSeconds(0.05)", "50ms")]
    [InlineData("TimeSpan.FromSeconds(0, 40)", "40ms")]
    [InlineData("TimeSpan.FromTicks(100_000)", "10ms")]
    [InlineData("TimeSpan.FromMicroseconds(20_000)", "20ms")]
    [InlineData("TimeSpan.FromMinutes(0.0005)", "30ms")]
    [InlineData("new TimeSpan(200_000)", "20ms")]
    [InlineData("new TimeSpan(0, 0, 0, 0, 30)", "30ms")]
    [InlineData("TimeSpan.FromMilliseconds(1) * 1", null)]
    public async Task ShortDurations(string expression, string? shown)
    {
        var source = StreamIn(Configs.Stream($"{{|#0:MaxAge = {expression}|}}"));
        if (shown is null)
        {
            // An operator on TimeSpan is not read: unknown, so nothing is reported.
            await Streams.AnalyzerAsync(source);
            return;
        }

        await Streams.AnalyzerAsync(source, Rejected(0, $"max age needs to be >= 100ms (is {shown})"));
    }

    [Theory]
    [InlineData("TimeSpan.FromHours(1)", "1h")]
    [InlineData("TimeSpan.FromDays(1.5)", "1d12h")]
    [InlineData("TimeSpan.FromHours(1, 2, 3)", "1h2m3s")]
    [InlineData("new TimeSpan(1, 2, 3)", "1h2m3s")]
    [InlineData("new TimeSpan(2, 0, 0, 0)", "2d")]
    [InlineData("new TimeSpan(0, 0, 1, 30, 500)", "1m30.5s")]
    [InlineData("TimeSpan.FromSeconds(90)", "1m30s")]
    public async Task LongDurations(string expression, string shown)
    {
        var source = StreamIn(Configs.Stream("MaxAge = TimeSpan.FromMinutes(1)", $"{{|#0:DuplicateWindow = {expression}|}}"));
        await Streams.AnalyzerAsync(source, Rejected(0, $"duplicates window can not be larger then max age ({shown} > 1m)"));
    }

    [Fact]
    public async Task NegativeDuration()
    {
        var source = StreamIn(Configs.Stream("{|#0:MaxAge = -TimeSpan.FromSeconds(1)|}"));
        await Streams.AnalyzerAsync(source, Rejected(0, "max age can not be negative"));
    }

    [Theory]
    [InlineData("TimeSpan.Parse(\"00:00:00.050\")")]
    [InlineData("TimeSpan.FromMilliseconds(count)")]
    [InlineData("TimeSpan.MaxValue")]
    [InlineData("TimeSpan.FromMilliseconds(50) + TimeSpan.Zero")]
    [InlineData("flag ? TimeSpan.Zero : TimeSpan.FromDays(1)")]
    [InlineData("TimeSpan.FromDays(365_000)")] // beyond long nanoseconds: regression, was read as a negative max age
    [InlineData("new TimeSpan(365_000, 0, 0, 0)")]
    [InlineData("new TimeSpan(long.MaxValue)")]
    [InlineData("TimeSpan.FromTicks(long.MaxValue)")]
    public async Task DurationsNotKnown_Silent(string expression) =>
        await Streams.AnalyzerAsync(StreamIn(Configs.Stream($"MaxAge = {expression}")));

    [Theory]
    [InlineData("TimeSpan.Zero")]
    [InlineData("default")]
    [InlineData("new TimeSpan()")]
    [InlineData("TimeSpan.FromSeconds(0)")]
    public async Task ZeroDurations(string expression)
    {
        var source = StreamIn(Configs.Stream($"{{|#0:MaxAge = {expression}|}}"));
        await Streams.AnalyzerAsync(source,
            Streams.Diagnostic("JS1004").WithLocation(0)
                .WithMessage("Stream 'ORDERS' has no age limit (MaxAge is 0); messages are kept forever unless another limit removes them. Set a maximum age."));
    }

    // ---------------------------------------------------------------- lists

    [Theory]
    [InlineData("[\"orders.>\", \"orders.new\"]")]
    [InlineData("new[] { \"orders.>\", \"orders.new\" }")]
    [InlineData("new string[] { \"orders.>\", \"orders.new\" }")]
    [InlineData("new string[2] { \"orders.>\", \"orders.new\" }")]
    [InlineData("new List<string> { \"orders.>\", \"orders.new\" }")]
    [InlineData("new HashSet<string> { \"orders.>\", \"orders.new\" }")]
    [InlineData("[\"orders\" + \".>\", $\"{Prefix}.x\", \"orders.new\"]")]
    public async Task StringLists(string expression)
    {
        var source = StreamIn(Configs.Stream($"{{|#0:Subjects = {expression}|}}"));
        await Streams.AnalyzerAsync(source, Rejected(0, "subject \"orders.>\" overlaps with \"orders.new\""));
    }

    [Theory]
    [InlineData("[\"orders.>\", others[0]]")]
    [InlineData("[\"orders.>\", .. others]")]
    [InlineData("others")]
    [InlineData("new List<string>(others)")]
    [InlineData("System.Linq.Enumerable.ToList(others)")]
    [InlineData("flag ? [\"orders.>\", \"orders.new\"] : others")]
    public async Task ListsNotKnown_Silent(string expression) =>
        await Streams.AnalyzerAsync(StreamIn(Configs.Stream($"Subjects = {expression}")));

    [Theory]
    [InlineData("[]")]
    [InlineData("new string[0]")]
    [InlineData("Array.Empty<string>()")]
    [InlineData("new List<string>()")]
    [InlineData("null")]
    public async Task EmptySubjectLists_DefaultToTheStreamName(string expression)
    {
        // The server uses the stream name as the subject; "ORDERS" is valid, so nothing is reported.
        await Streams.AnalyzerAsync(StreamIn(Configs.Stream($"Subjects = {expression}")));
    }

    [Theory]
    [InlineData("[TimeSpan.FromSeconds(1), new TimeSpan(0, 0, 5), TimeSpan.FromMinutes(1)]")]
    [InlineData("new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1) }")]
    [InlineData("new List<TimeSpan> { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1) }")]
    public async Task DurationLists(string expression)
    {
        var source = Code.InMethod($"        await js.CreateOrUpdateConsumerAsync(\"ORDERS\", {Configs.Consumer("-AckWait", "{|#0:MaxDeliver = 2|}", $"Backoff = {expression}")});");
        await Consumers.AnalyzerAsync(source,
            Consumers.Diagnostic("JS2100").WithLocation(0).WithMessage(
                "Consumer 'worker' on stream 'ORDERS' is rejected by NATS server 2.15.1: max deliver is required to be > length of backoff values (max deliver is 2, backoff has 3 values)"));
    }

    [Fact]
    public async Task DurationListWithAnUnknownElement_Silent()
    {
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, TimeSpan first) =>
                    await js.CreateOrUpdateConsumerAsync("ORDERS", {{Configs.Consumer("MaxDeliver = 2", "Backoff = [first, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)]")}});
            """);
        await Consumers.AnalyzerAsync(source);
    }

    [Theory]
    [InlineData("new Dictionary<string, string> { [\"team\"] = \"orders\" }")]
    [InlineData("new Dictionary<string, string> { { \"team\", \"orders\" } }")]
    public async Task MetadataInitializers(string expression)
    {
        var source = StreamIn(Configs.Stream($"{{|#0:Metadata = {expression}|}}"));
        await Streams.AnalyzerAsync(source, new Dictionary<string, string> { ["jetstream_server_version"] = "2.9.0" },
            Streams.Diagnostic("JS1101").WithLocation(0).WithMessage(
                "Stream 'ORDERS' sets Metadata, which NATS server 2.9.0 does not know and silently drops (it needs 2.10.0 or later)"));
    }

    [Theory]
    [InlineData("new Dictionary<string, string>()")]
    [InlineData("null")]
    public async Task EmptyMetadata_Silent(string expression) =>
        await Streams.AnalyzerAsync(StreamIn(Configs.Stream($"Metadata = {expression}")), new Dictionary<string, string> { ["jetstream_server_version"] = "2.9.0" });
}
