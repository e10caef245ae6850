using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.ConfigFiles.EditorConfig;

public class ConfigurationFindingsTests
{
    private const string EditorConfig = """
        root = true
        [*.json]
        jetstream_min_replicas = abc
        jetstream_min_ack_wait = 99999999999
        dotnet_diagnostic.JS4001.severity = eror
        dotnet_analyzer_diagnostic.category-JetStream.severity = banana
        dotnet_analyzer_diagnostic.severity = 12
        jetstream_server_version = 2.x
        jetstream_max_filter_subjects =
        [[z-a]]
        x = 1
        """;

    [Fact]
    public void EachInvalidSetting_IsOneJS0001_AtItsLine()
    {
        using var repo = new ConfigRepo()
            .With(".editorconfig", EditorConfig)
            .With("streams/a.json", "{}")
            .With("streams/b.json", "{}");
        var resolver = new EditorConfigResolver();

        var findings = ConfigurationFindings.For(resolver, new[] { repo.PathOf("streams/a.json"), repo.PathOf("streams/b.json") }, "2.10.14", origin: null);

        Assert.All(findings, f => Assert.Equal(RuleIds.InvalidConfiguration, f.Rule.Id));
        var lines = findings.Select(f => (SourceSpan)f.Origin!).Select(s => (s.Line, s.Column)).OrderBy(l => l).ToList();
        Assert.Equal(new[] { (3, 26), (4, 26), (5, 37), (6, 58), (7, 39), (8, 28), (9, 1), (10, 1) }, lines);
        var messages = findings.Select(f => f.Message).ToList();
        Assert.Contains("jetstream_min_replicas = 'abc' is not valid: expected a whole number from 1 to 5; the rules use the default, 3", messages);
        Assert.Contains(messages, m => m.StartsWith("jetstream_min_ack_wait = '99999999999' is not valid: expected a duration", System.StringComparison.Ordinal));
        Assert.Contains("dotnet_diagnostic.js4001.severity = 'eror' is not valid: expected error, warning, suggestion, silent, none or default; JS4001 keeps its default severity, error", messages);
        Assert.Contains(messages, m => m.StartsWith("jetstream_server_version = '2.x' is not valid", System.StringComparison.Ordinal) && m.EndsWith("the rules target 2.10.14 (JetStreamServerVersion)", System.StringComparison.Ordinal));
        Assert.Contains("section = '[[z-a]]' is not valid: expected " + ConfigurationFindings.SectionExpected + "; the section applies to no file", messages);
    }

    [Fact]
    public void InvalidSeverities_HideNoFinding_AndAnInvalidVersionFallsBackToTheProperty()
    {
        using var repo = new ConfigRepo()
            .With(".editorconfig", EditorConfig)
            .With("streams/broken.json", "{ \"name\": ")
            .With("streams/orders.json", "{\"name\": \"ORDERS\", \"subjects\": [\"orders.>\"], \"num_replicas\": 1}");
        var resolver = new EditorConfigResolver();
        var severities = new SeverityResolver();
        var versions = new List<ServerVersion>();
        RuleContext ContextFor(string path)
        {
            var properties = resolver.PropertiesFor(path);
            string? Lookup(string key) => properties.TryGetValue(key, out var value) ? value : null;
            var version = ConfigurationChecks.ResolveServerVersion(Lookup(OptionKeys.ServerVersion), "2.10.14", problems: null);
            versions.Add(version);
            return new RuleContext(new RuleOptions(Lookup), version);
        }

        var findings = new ConfigFileLinter(ContextFor, repo.Root).LintAll(new[] { repo.PathOf("streams/broken.json"), repo.PathOf("streams/orders.json") }).Findings;
        var printed = findings
            .Select(f => (f.Rule.Id, Severity: severities.Resolve(f.Rule.Id, f.Severity, resolver.PropertiesFor(((SourceSpan)f.Origin!).Path))))
            .ToList();

        Assert.Contains((RuleIds.FileNotParsable, (RuleSeverity?)RuleSeverity.Error), printed);
        Assert.Contains((RuleIds.ReplicasBelowMinimum, (RuleSeverity?)RuleSeverity.Warning), printed);
        Assert.All(versions, v => Assert.Equal("2.10.14", v.ToString()));
    }
}
