using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace JetStream.Analyzers.Tests;

public class InvalidConfigurationAnalyzerTests
{
    private const string Source = """
        using NATS.Client.JetStream;
        using NATS.Client.JetStream.Models;
        class Setup
        {
            async System.Threading.Tasks.Task Run(INatsJSContext js) =>
                await js.CreateStreamAsync(new StreamConfig("ORDERS", new[] { "orders.>" }) { NumReplicas = 1 });
        }
        """;

    [Fact]
    public async Task EachInvalidSetting_IsReportedOncePerCompilation_WithoutALocation()
    {
        var options = new Dictionary<string, string>
        {
            ["jetstream_min_replicas"] = "abc",
            ["jetstream_min_ack_wait"] = "99999999999",
            ["dotnet_analyzer_diagnostic.category-JetStream.severity"] = "banana",
            ["dotnet_analyzer_diagnostic.severity"] = "",
            ["jetstream_server_version"] = "latest",
            ["build_property.JetStreamServerVersion"] = "2.10.14",
        };

        var diagnostics = await AnalyzerRunner.RunAsync(new[] { ("/src/A.cs", Source), ("/src/B.cs", "class B { }") }, options: options, analyzer: new InvalidConfigurationAnalyzer());

        var mine = diagnostics.Where(d => d.Id == RuleIds.InvalidConfiguration).ToList();
        Assert.Equal(5, mine.Count);
        Assert.All(mine, d => Assert.Equal(Location.None, d.Location));
        var messages = mine.Select(d => d.GetMessage()).ToList();
        Assert.Contains(messages, m => m.StartsWith("jetstream_min_replicas = 'abc' (in the .editorconfig options of ", System.StringComparison.Ordinal) && m.EndsWith("is not valid: expected a whole number from 1 to 5; the rules use the default, 3", System.StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("dotnet_analyzer_diagnostic.severity = ''", System.StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("jetstream_server_version = 'latest'", System.StringComparison.Ordinal) && m.EndsWith("the rules target 2.10.14 (JetStreamServerVersion)", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRulesUseTheDefaultForAnInvalidOption()
    {
        var options = new Dictionary<string, string> { ["jetstream_min_replicas"] = "abc", ["jetstream_server_version"] = "latest", ["build_property.JetStreamServerVersion"] = "2.9.10" };

        var diagnostics = await AnalyzerRunner.RunAsync(Source, options: options);

        Assert.Contains(diagnostics, d => d.Id == RuleIds.ReplicasBelowMinimum && d.GetMessage().Contains("minimum of 3", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidSettings_AreNotReported()
    {
        var options = new Dictionary<string, string> { ["jetstream_min_replicas"] = "5", ["jetstream_server_version"] = "2.10.14", ["dotnet_analyzer_diagnostic.severity"] = "warning" };
        var diagnostics = await AnalyzerRunner.RunAsync(new[] { ("/src/A.cs", Source) }, options: options, analyzer: new InvalidConfigurationAnalyzer());
        Assert.DoesNotContain(diagnostics, d => d.Id == RuleIds.InvalidConfiguration);
    }
}
