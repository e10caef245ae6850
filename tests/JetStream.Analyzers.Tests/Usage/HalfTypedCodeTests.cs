using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Documentation;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Tests.Usage;

/// <summary>The client-usage analyzers (JS3xxx) on code that is being typed: no analyzer may throw.</summary>
public class HalfTypedCodeTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> UsageAnalyzers = ExampleRunner.Analyzers
        .Where(a => a.SupportedDiagnostics.Any(d => d.Id.StartsWith("JS3", StringComparison.Ordinal)))
        .ToImmutableArray();

    public static TheoryData<string> Snippets => new()
    {
        "await foreach (var msg in consumer.ConsumeAsync<",
        "await foreach (var msg in consumer.) { await msg.AckAsync(); }",
        "await foreach (var msg in consumer.ConsumeAsync<string>()) { try { } catch ( { await msg.NakAsync(",
        "await foreach (var msg in consumer.ConsumeAsync<string>()) { if (msg.Data is null) continue await msg.",
        "await foreach (var in consumer.ConsumeAsync<string>()) { }",
        "await foreach (var msg in unknown.ConsumeAsync<string>()) { await msg.AckAsync(); await js.GetStreamAsync(); }",
        "while (true) { var m = await consumer.NextAsync<string>(; if (m is { } x) continue; }",
        "while (true) { var m = await consumer.NextAsync<string>(); m = null; goto end; end: ; }",
        "do { var m = await consumer.NextAsync<string>(); } while (",
        "for (;;) { try { await js.PublishAsync(\"a\", 1, opts: new NatsJSPubOpts { MsgId = Guid.NewGuid( }); break; } catch { } }",
        "try { await js.PublishAsync(\"a\", ) } catch (NatsJSException) { await js.PublishAsync(",
        "var ack = await js.PublishAsync(",
        "var ack = await js.PublishAsync(\"a\", 1); ack.",
        "_ = await js.PublishAsync(\"a\", 1).ConfigureAwait(",
        "await using var future = await js.PublishConcurrentAsync(\"a\", 1); var r = await future.GetResponseAsync(",
        "Func<Task> f = async () => { await foreach (var msg in consumer.ConsumeAsync<string>()) { switch (msg.Subject) { case \"a\": await msg.AckAsync(); goto case \"b\"; case \"b\": break; } } };",
        "Func<Task> f = async () => { await foreach (var msg in consumer.ConsumeAsync<string>()) { switch (msg.Subject) { case ",
        "async IAsyncEnumerable<int> Items() { await foreach (var m in consumer.FetchAsync<int>(new NatsJSFetchOpts { MaxMsgs = })) { yield return m.Data; if (m is { } x) continue } }",
        "void Local() { await using var c = new NatsConnection(; }",
        "await foreach (var msg in consumer.ConsumeAsync<string>()) { await using NatsConnection c = new(); await msg.NakAsync(new AckOpts { NakDelay = }); }",
        "await foreach (var msg in consumer.ConsumeAsync<string>()) { try { await msg.AckAsync(); } catch (Exception) when ( { await msg.NakAsync(null, ); } finally { msg. } }",
        "var ordered = await js.CreateOrderedConsumerAsync(); await foreach (var msg in ordered.ConsumeAsync<string>()) { await msg.AckAsync(; }",
        "var ordered = await js.CreateOrderedConsumerAsync(\"S\"); var n = await ordered.NextAsync<string>(); await n.",
        "await foreach (var msg in consumer.ConsumeAsync<string>()) { await js.CreateOrUpdateConsumerAsync(\"S\", new ConsumerConfig { AckPolicy = }); }",
        "while (await timer.WaitForNextTickAsync()) { await consumer.RefreshAsync(; await Task.Delay(); }",
        "foreach (var (a, b) in new[] { (1, 2) }) { await kv.GetStoreAsync(a.); }",
        "await foreach (var msg in consumer.ConsumeAsync<string>()) { if (!await ) await msg.NakAsync(); else if (result.) await msg.NakAsync(); }",
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task NoAnalyzerThrows(string snippet)
    {
        var source = Code.Usings + $$"""
            class Test
            {
                async Task Run(INatsJSContext js, INatsKVContext kv, INatsJSConsumer consumer, System.Threading.PeriodicTimer timer)
                {
                    {{snippet}}
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/HalfTyped.cs");
        var compilation = CSharpCompilation.Create("HalfTyped", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(UsageAnalyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public void EveryUsageRuleIsCovered()
    {
        var ids = UsageAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(new[] { "JS3001", "JS3002", "JS3003", "JS3004", "JS3005", "JS3006", "JS3007", "JS3008" }, ids);
    }
}
