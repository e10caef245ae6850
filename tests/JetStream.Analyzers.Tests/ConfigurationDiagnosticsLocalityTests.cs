using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace JetStream.Analyzers.Tests;

/// <summary>
/// Wherever a configuration is built (in the call, a local written afterwards, a field, a helper, a <c>with</c> copy),
/// its diagnostics must be local to their document and found again when the IDE analyzes only the diagnostic's own span
/// (the light bulb), or their code fixes are never offered. Operation actions on the call fail this for configurations
/// built outside it (issue 10), which is why the configuration analyzers are semantic-model actions.
/// </summary>
public class ConfigurationDiagnosticsLocalityTests
{
    public static TheoryData<string, string> Shapes => new()
    {
        { "inline", Code.InMethod("""        await js.CreateStreamAsync(new StreamConfig("A", ["a.>"]) { NumReplicas = 1 });""") },
        { "local written after", Code.InMethod("""
                    var config = new StreamConfig("A", ["a.>"]);
                    config.NumReplicas = 1;
                    await js.CreateStreamAsync(config);
            """) },
        { "local written after, token argument", Code.InMethod("""
                    var config = new StreamConfig("A", ["a.>"]);
                    config.NumReplicas = 1;
                    await js.CreateStreamAsync(config, System.Threading.CancellationToken.None);
            """) },
        { "inline, token argument", Code.InMethod("""        await js.CreateStreamAsync(new StreamConfig("A", ["a.>"]) { NumReplicas = 1 }, System.Threading.CancellationToken.None);""") },
        { "field", Code.InClass("""
                private static readonly StreamConfig Orders = new("A", ["a.>"]) { NumReplicas = 1 };

                async Task Run(INatsJSContext js) => await js.CreateStreamAsync(Orders);
            """) },
        { "helper", Code.InClass("""
                private static StreamConfig Build() => new("A", ["a.>"]) { NumReplicas = 1 };

                async Task Run(INatsJSContext js) => await js.CreateStreamAsync(Build());
            """) },
        { "with copy", Code.InClass("""
                private static readonly StreamConfig Defaults = new("A", ["a.>"]) { NumReplicas = 1 };

                async Task Run(INatsJSContext js) => await js.CreateStreamAsync(Defaults with { Name = "B" });
            """) },
        { "consumer in a local, stream name in a variable", Code.InMethod("""
                    var name = "ORDERS";
                    var consumer = new ConsumerConfig("worker") { MaxDeliver = -1 };
                    await js.CreateOrUpdateConsumerAsync(name, consumer);
            """) },
        { "consumer inline", Code.InMethod("""        await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("worker"));""") },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_diagnostic_is_local_and_found_again_in_its_own_span(string shape, string source)
    {
        var compilation = InMemoryCompiler.Compile(source);
        var tree = compilation.SyntaxTrees.Single();
        var result = await WithAnalyzers(compilation).GetAnalysisResultAsync(default);
        var all = result.GetAllDiagnostics().Where(d => d.Id.StartsWith("JS")).ToList();
        Assert.NotEmpty(all);
        var local = result.SemanticDiagnostics.TryGetValue(tree, out var byAnalyzer) ? byAnalyzer.Values.SelectMany(d => d).ToList() : new List<Diagnostic>();
        Assert.All(all, d => Assert.Contains(d, local));

        var model = compilation.GetSemanticModel(tree);
        foreach (var diagnostic in all)
        {
            // A fresh driver each time: one that has analyzed the whole document answers from its cache.
            var again = await WithAnalyzers(compilation).GetAnalyzerSemanticDiagnosticsAsync(model, diagnostic.Location.SourceSpan, default);
            Assert.True(
                again.Any(d => d.Id == diagnostic.Id && d.Location == diagnostic.Location && d.GetMessage() == diagnostic.GetMessage()),
                $"{shape}: {diagnostic} is not found when only its span is analyzed; found: {string.Join(", ", again)}");
        }
    }

    private static CompilationWithAnalyzers WithAnalyzers(Compilation compilation) => compilation.WithAnalyzers(
        ImmutableArray.Create<DiagnosticAnalyzer>(new StreamConfigurationAnalyzer(), new ConsumerConfigurationAnalyzer()),
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));

    [Fact]
    public async Task A_field_shared_by_two_calls_is_reported_once()
    {
        var source = Code.InClass("""
                private static readonly StreamConfig Orders = new("A", ["a.>"]) { NumReplicas = 1 };

                async Task Create(INatsJSContext js) => await js.CreateStreamAsync(Orders);

                async Task Update(INatsJSContext js) => await js.UpdateStreamAsync(Orders);
            """);
        var diagnostics = await InMemoryCompiler.AnalyzeAsync(InMemoryCompiler.Compile(source), new StreamConfigurationAnalyzer(), new Dictionary<string, string>());

        Assert.Single(diagnostics, d => d.Id == "JS1001");
    }
}
