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

/// <summary>
/// Generated methods far larger than anyone writes by hand (issue 15, item 19): every analyzer finishes, without an
/// exception, and the path analyses give up silently past their budget. The timeout is only a guard against a hang;
/// speed is measured in benchmarks/.
/// </summary>
public class PathBudgetTests
{
    private const int Branches = 5_000;
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ConsumeLoopWithFiveThousandElseIfBranches_Finishes()
    {
        var branches = string.Join("\n", Enumerable.Range(1, Branches).Select(i =>
            $"            else if (msg.Data == {i}) await msg.{(i % 2 == 0 ? "AckAsync()" : "NakAsync()")};"));
        var diagnostics = await RunAsync($$"""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    await foreach (var msg in consumer.ConsumeAsync<int>())
                    {
                        if (msg.Data == 0) await msg.AckAsync();
            {{branches}}
                        else await msg.AckTerminateAsync();
                    }
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id is "JS3006" or "JS3008");
    }

    [Fact]
    public async Task ConsumeLoopWithFiveThousandSwitchCases_Finishes()
    {
        var cases = string.Join("\n", Enumerable.Range(0, Branches).Select(i =>
            $"                case {i}: await msg.{(i % 2 == 0 ? "AckAsync()" : "NakAsync()")}; break;"));
        var diagnostics = await RunAsync($$"""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    await foreach (var msg in consumer.ConsumeAsync<int>())
                    {
                        switch (msg.Data)
                        {
            {{cases}}
                            default: await msg.AckTerminateAsync(); break;
                        }
                    }
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id is "JS3006" or "JS3008");
    }

    [Fact]
    public async Task OrderedConsumerLoopWithFiveThousandBranches_ReportsEveryAck()
    {
        // JS3008 is not a path analysis: each ack of an ordered consumer's message is reported, in linear time.
        var branches = string.Join("\n", Enumerable.Range(1, Branches).Select(i => $"            else if (msg.Data == {i}) await msg.AckAsync();"));
        var diagnostics = await RunAsync($$"""
                    var consumer = await js.CreateOrderedConsumerAsync("ORDERS");
                    await foreach (var msg in consumer.ConsumeAsync<int>())
                    {
                        if (msg.Data == 0) await msg.AckAsync();
            {{branches}}
                    }
            """);

        Assert.Equal(Branches + 1, diagnostics.Count(d => d.Id == "JS3008"));
    }

    [Fact]
    public async Task StreamWithTwentyThousandSubjects_Finishes()
    {
        // The subject-overlap check (JS1100) walks a subject trie; pairwise it took 15.9 s here.
        var subjects = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"\"orders.s{i}.*\""));
        var diagnostics = await RunAsync($$"""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", [{{subjects}}]) { NumReplicas = 3, MaxBytes = 1 << 30, MaxAge = TimeSpan.FromDays(1), DenyDelete = true, DenyPurge = true });
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id == "JS1100");
    }

    [Fact]
    public async Task ConsumerWithTwentyThousandFilterSubjects_Finishes()
    {
        var filters = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"\"orders.f{i}\""));
        var diagnostics = await RunAsync($$"""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("worker") { FilterSubjects = [{{filters}}], MaxDeliver = 5, Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)] });
            """);

        Assert.Contains(diagnostics, d => d.Id == "JS2003");
        Assert.DoesNotContain(diagnostics, d => d.Id == "JS2100");
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string body)
    {
        var source = Code.Usings + $$"""
            class Test
            {
                async Task Run(INatsJSContext js)
                {
            {{body}}
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/Large.cs");
        var compilation = CSharpCompilation.Create("Large", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        using var guard = new CancellationTokenSource(Guard);
        var diagnostics = await compilation.WithAnalyzers(ExampleRunner.Analyzers, options).GetAnalyzerDiagnosticsAsync(guard.Token);

        Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }
}
