using System;
using System.IO;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Documentation;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.Packaging;

/// <summary>
/// The JetStreamAnalysisMode presets: global configs in the package, generated from the rule catalog, which the
/// compiler and the file lint both read.
/// </summary>
public class AnalysisModePresetTests
{
    [Theory]
    [InlineData("production")]
    [InlineData("strict")]
    public void PresetFiles_FollowTheCatalog(string mode)
    {
        var path = Repository.PathOf("src", "JetStream.Analyzers.Package", "build", "config", $"jetstream-{mode}.globalconfig");
        var expected = AnalysisPresets.Text(mode)!;
        if (RuleTable.UpdateRequested)
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing. JETSTREAM_UPDATE_DOCS=1 writes it.");
        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    [Fact]
    public void TestProjectConfig_TurnsOffExactlyTheProductionGuidelines_AndTheChecksAcrossDefinitions()
    {
        var path = Repository.PathOf("src", "JetStream.Analyzers.Package", "build", "config", "jetstream-test-project.globalconfig");
        var expected = AnalysisPresets.TestProjectText();
        if (RuleTable.UpdateRequested)
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n"));
        Assert.Contains(RuleCatalog.All, r => r.Id == RuleIds.ReplicasBelowMinimum && AnalysisPresets.IsProductionGuideline(r));
        Assert.DoesNotContain(RuleCatalog.All, r => r.Id is RuleIds.StreamRejectedByServer or RuleIds.UncheckedPublishAck && AnalysisPresets.IsProductionGuideline(r));
        Assert.Contains(RuleCatalog.All, r => r.Id == RuleIds.OverlappingStreamSubjects && AnalysisPresets.IsOffInTests(r));
        Assert.DoesNotContain(RuleCatalog.All, r => r.Id is RuleIds.StreamRejectedByServer or RuleIds.UnknownField && AnalysisPresets.IsOffInTests(r));

        // Above the presets, below a user's .globalconfig: production mode leaves them off, a section turns one back on.
        using var repo = new ConfigRepo().With("jetstream/orders.json", "{}");
        var production = Repository.PathOf("src", "JetStream.Analyzers.Package", "build", "config", "jetstream-production.globalconfig");
        var userConfig = repo.PathOf(".editorconfig");
        File.WriteAllText(userConfig, "root = true\n[*.json]\ndotnet_diagnostic.JS1003.severity = warning\n");
        var severities = new SeverityResolver();
        var properties = new EditorConfigResolver(new[] { production, path }).PropertiesFor(repo.PathOf("jetstream/orders.json"));
        Assert.Null(severities.Resolve(RuleIds.ReplicasBelowMinimum, RuleSeverity.Warning, properties));
        Assert.Null(severities.Resolve(RuleIds.DuplicateDefinition, RuleSeverity.Error, properties));
        Assert.Equal(RuleSeverity.Error, severities.Resolve(RuleIds.StreamRejectedByServer, RuleSeverity.Error, properties));
        Assert.Equal(RuleSeverity.Warning, severities.Resolve(RuleIds.UncheckedPublishAck, RuleSeverity.Warning, properties));
        Assert.Equal(RuleSeverity.Warning, severities.Resolve(RuleIds.NoMaxBytes, RuleSeverity.Warning, properties));
    }

    [Fact]
    public void Production_RaisesGuidelinesToWarnings_AndStrictToErrors_ForTheFileLintToo()
    {
        var production = Repository.PathOf("src", "JetStream.Analyzers.Package", "build", "config", "jetstream-production.globalconfig");
        var strict = Repository.PathOf("src", "JetStream.Analyzers.Package", "build", "config", "jetstream-strict.globalconfig");
        using var repo = new ConfigRepo().With("jetstream/orders.json", "{}");
        var severities = new SeverityResolver();

        var withProduction = new EditorConfigResolver(new[] { production }).PropertiesFor(repo.PathOf("jetstream/orders.json"));
        var withStrict = new EditorConfigResolver(new[] { strict }).PropertiesFor(repo.PathOf("jetstream/orders.json"));

        Assert.Null(severities.Resolve(RuleIds.DiscardNew, RuleSeverity.Info, new EditorConfigResolver().PropertiesFor(repo.PathOf("jetstream/orders.json"))));
        Assert.Equal(RuleSeverity.Warning, severities.Resolve(RuleIds.DiscardNew, RuleSeverity.Info, withProduction));
        Assert.Equal(RuleSeverity.Error, severities.Resolve(RuleIds.StreamRejectedByServer, RuleSeverity.Error, withProduction));
        Assert.Equal(RuleSeverity.Error, severities.Resolve(RuleIds.DiscardNew, RuleSeverity.Info, withStrict));
        Assert.Equal(RuleSeverity.Error, severities.Resolve(RuleIds.ReplicasBelowMinimum, RuleSeverity.Warning, withStrict));
    }

    [Theory]
    [InlineData("default", false)]
    [InlineData("Production", false)]
    [InlineData("", false)]
    [InlineData("prod", true)]
    public void AnInvalidMode_IsNamed(string mode, bool invalid) => Assert.Equal(invalid, ConfigurationChecks.AnalysisMode(mode) is not null);
}
