using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Tests.Documentation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Tests.Rules.Catalog;

/// <summary>Suite-wide checks of the rule catalog and of the descriptors the analyzers build from it.</summary>
public class RuleCatalogTests
{
    // Every analyzer the package ships, found by reflection so that a new one can't be left out.
    private static readonly DiagnosticAnalyzer[] Analyzers = typeof(StreamConfigurationAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
        .ToArray();

    public static IEnumerable<object[]> Ids => RuleCatalog.All.Select(r => new object[] { r.Id });

    [Fact]
    public void IdsAreUniqueAndLookedUpById()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Same(rule, RuleCatalog.Get(rule.Id));
            Assert.True(RuleCatalog.TryGet(rule.Id, out var found));
            Assert.Same(rule, found);
        }

        Assert.False(RuleCatalog.TryGet("JS9999", out _));
        Assert.Throws<KeyNotFoundException>(() => RuleCatalog.Get("JS9999"));
    }

    [Fact]
    public void RuleIdConstants_MatchTheCatalog()
    {
        var constants = typeof(RuleIds).GetFields().Select(f => (string)f.GetValue(null)!).OrderBy(i => i);
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).OrderBy(i => i), constants);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryRule_IsWellFormed(string id)
    {
        var rule = RuleCatalog.Get(id);
        Assert.Matches(@"^JS[0-6]\d{3}$", rule.Id);
        Assert.Equal("JetStream", rule.Category);
        Assert.Equal($"https://github.com/jetstream-analyzers/JetStream.Analyzers/blob/main/rules/{id}.md", rule.HelpLink);
        Assert.False(string.IsNullOrWhiteSpace(rule.Title));
        Assert.False(string.IsNullOrWhiteSpace(rule.Description));
        Assert.DoesNotMatch(@"\.$", rule.Title);
        if (id.StartsWith("JS3", StringComparison.Ordinal) || id.StartsWith("JS4", StringComparison.Ordinal) || id.StartsWith("JS5", StringComparison.Ordinal) || id.StartsWith("JS6", StringComparison.Ordinal))
        {
            Assert.Contains("{0}", rule.MessageFormat); // usage, file, live and health rules: {0} is the subject, the call, the server or a detail
        }
        else
        {
            Assert.StartsWith("{0} ", rule.MessageFormat);
        }

        Assert.All(rule.OptionKeys, key => Assert.StartsWith(OptionKeys.Prefix, key));
        Assert.Equal(id, rule.ToString());

        // Placeholders are numbered 0..n-1 without gaps, so every argument list lines up with its format.
        var indexes = Regex.Matches(rule.MessageFormat, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value)).Distinct().OrderBy(i => i).ToList();
        Assert.Equal(Enumerable.Range(0, indexes.Count), indexes);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryRule_IsSupportedByExactlyOneAnalyzer(string id)
    {
        var descriptors = Analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => d.Id == id).ToList();
        var fileOnly = id.StartsWith("JS4", StringComparison.Ordinal) && !RuleDocumentationTests.IsAcrossDefinitions(id);
        if (fileOnly || id.StartsWith("JS5", StringComparison.Ordinal) || id.StartsWith("JS6", StringComparison.Ordinal))
        {
            // Config-file, live-check and health rules are reported by the lint task, not by a C# analyzer; the checks
            // across definitions among the JS4xxx rules by both (CrossDefinitionAnalyzer for a compilation).
            Assert.Empty(descriptors);
            return;
        }

        var descriptor = Assert.Single(descriptors);
        var rule = RuleCatalog.Get(id);
        Assert.Equal(rule.Title, descriptor.Title.ToString());
        Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
        Assert.Equal(rule.Description, descriptor.Description.ToString());
        Assert.Equal(rule.Category, descriptor.Category);
        Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
        Assert.Equal((int)rule.DefaultSeverity, (int)descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Fact]
    public void StreamRulesInTheStreamAnalyzer_ConsumerRulesInTheConsumerAnalyzer()
    {
        Assert.All(new StreamConfigurationAnalyzer().SupportedDiagnostics, d => Assert.StartsWith("JS1", d.Id));
        Assert.All(new ConsumerConfigurationAnalyzer().SupportedDiagnostics, d => Assert.StartsWith("JS2", d.Id));
    }

    [Fact]
    public void SeverityEnum_MatchesRoslyn()
    {
        Assert.Equal((int)DiagnosticSeverity.Hidden, (int)RuleSeverity.Hidden);
        Assert.Equal((int)DiagnosticSeverity.Info, (int)RuleSeverity.Info);
        Assert.Equal((int)DiagnosticSeverity.Warning, (int)RuleSeverity.Warning);
        Assert.Equal((int)DiagnosticSeverity.Error, (int)RuleSeverity.Error);
    }

    [Fact]
    public void OptionKeys_AreSnakeCaseWithThePrefix()
    {
        var keys = typeof(OptionKeys).GetFields().Where(f => f.Name is not nameof(OptionKeys.Prefix) and not nameof(OptionKeys.ServerVersionBuildProperty))
            .Select(f => (string)f.GetValue(null)!);
        Assert.All(keys, key => Assert.Matches("^jetstream_[a-z_]+$", key));
        Assert.Equal("build_property.JetStreamServerVersion", OptionKeys.ServerVersionBuildProperty);
    }
}
