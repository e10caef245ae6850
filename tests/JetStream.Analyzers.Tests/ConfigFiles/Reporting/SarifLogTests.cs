using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.Reporting;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.ConfigFiles.Reporting;

public class SarifLogTests
{
    [Fact]
    public void Log_MatchesTheSarifSchema_WithRulesRegionsAndRelativeUris()
    {
        using var repo = new ConfigRepo();
        var orders = repo.PathOf("jetstream/my orders.json");
        var log = SarifLog.Write(
            new[]
            {
                new ReportedFinding(RuleCatalog.MemoryStorage, RuleSeverity.Warning, "Stream 'ORDERS' uses memory storage", new SourceSpan(orders, 7, 14, 7, 22)),
                new ReportedFinding(RuleCatalog.FileNotParsable, RuleSeverity.Error, "The file can't be parsed: \"quoted\"\nsecond line", new SourceSpan(orders, 2, 1, 2, 1)),
                new ReportedFinding(RuleCatalog.ServerStreamNotDefined, RuleSeverity.Info, "Stream 'SCRATCH' on the server", null),
            },
            "jetstream-lint",
            "1.2.3",
            repo.Root);

        SarifSchema.AssertValid(log);
        var run = JsonNode.Parse(log)!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(RuleCatalog.All.Count, rules.Count);
        Assert.All(rules, r => Assert.Equal(RuleCatalog.HelpLinkFor((string)r!["id"]!), (string)r!["helpUri"]!));

        var results = run["results"]!.AsArray();
        var memory = results[0]!;
        Assert.Equal("JS1005", (string)memory["ruleId"]!);
        Assert.Equal("JS1005", (string)rules[(int)memory["ruleIndex"]!]!["id"]!);
        Assert.Equal("warning", (string)memory["level"]!);
        var location = memory["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("jetstream/my%20orders.json", (string)location["artifactLocation"]!["uri"]!);
        Assert.Equal("SRCROOT", (string)location["artifactLocation"]!["uriBaseId"]!);
        Assert.Equal("{\"startLine\":7,\"startColumn\":14,\"endLine\":7,\"endColumn\":22}", location["region"]!.ToJsonString());
        Assert.Equal("The file can't be parsed: \"quoted\"\nsecond line", (string)results[1]!["message"]!["text"]!);
        Assert.Equal("note", (string)results[2]!["level"]!);
        Assert.Null(results[2]!["locations"]);
        Assert.Equal(new System.Uri(repo.Root + Path.DirectorySeparatorChar).AbsoluteUri, (string)run["originalUriBaseIds"]!["SRCROOT"]!["uri"]!);
    }

    [Fact]
    public void FileOutsideTheBaseFolder_HasAnAbsoluteUri()
    {
        using var repo = new ConfigRepo();
        using var other = new ConfigRepo();
        var path = other.PathOf("streams/a.json");
        var log = SarifLog.Write(new[] { new ReportedFinding(RuleCatalog.NoMaxAge, RuleSeverity.Warning, "m", new SourceSpan(path, 1, 1, 1, 5)) }, "t", "1.0.0", repo.Root);

        SarifSchema.AssertValid(log);
        var location = JsonNode.Parse(log)!["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal(new System.Uri(path).AbsoluteUri, (string)location["uri"]!);
        Assert.Null(location["uriBaseId"]);
    }

    [Fact]
    public void EmptyLog_MatchesTheSchema()
    {
        using var repo = new ConfigRepo();
        var log = SarifLog.Write(Enumerable.Empty<ReportedFinding>(), "t", "1.0.0", repo.Root);

        SarifSchema.AssertValid(log);
        Assert.Empty(JsonNode.Parse(log)!["runs"]![0]!["results"]!.AsArray());
    }

    [Fact]
    public void SchemaCheck_RejectsALogThatBreaksTheSchema()
    {
        using var repo = new ConfigRepo();
        var log = SarifLog.Write(Enumerable.Empty<ReportedFinding>(), "t", "1.0.0", repo.Root).Replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"");

        Assert.NotEmpty(SarifSchema.Errors(log));
        Assert.NotEmpty(SarifSchema.Errors("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"t\"}},\"results\":[{\"message\":{\"text\":\"m\"},\"level\":\"fatal\"}]}]}"));
    }
}
