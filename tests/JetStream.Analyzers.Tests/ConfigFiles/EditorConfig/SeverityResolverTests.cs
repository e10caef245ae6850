using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.Rules.Catalog;

namespace JetStream.Analyzers.Tests.ConfigFiles.EditorConfig;

public class SeverityResolverTests
{
    private static readonly Dictionary<string, string> None = new();

    [Fact]
    public void RuleSeverity_AppliesWhenNothingIsConfigured()
    {
        var resolver = new SeverityResolver();
        Assert.Equal(RuleSeverity.Warning, resolver.Resolve("JS1001", RuleSeverity.Warning, None));
        Assert.Equal(RuleSeverity.Error, resolver.Resolve("JS1100", RuleSeverity.Error, None));
        Assert.Null(resolver.Resolve("JS1007", RuleSeverity.Info, None)); // suggestions don't print in a build
    }

    [Theory]
    [InlineData("error", RuleSeverity.Error)]
    [InlineData("warning", RuleSeverity.Warning)]
    [InlineData("suggestion", null)]
    [InlineData("silent", null)]
    [InlineData("none", null)]
    [InlineData("default", RuleSeverity.Warning)]
    public void EditorConfig_RuleThenCategoryThenAll(string value, RuleSeverity? expected)
    {
        var resolver = new SeverityResolver();
        Assert.Equal(expected, resolver.Resolve("JS1001", RuleSeverity.Warning, new Dictionary<string, string> { ["dotnet_diagnostic.JS1001.severity"] = value }));
        Assert.Equal(expected, resolver.Resolve("JS1001", RuleSeverity.Warning, new Dictionary<string, string> { ["dotnet_analyzer_diagnostic.category-JetStream.severity"] = value }));
        Assert.Equal(expected, resolver.Resolve("JS1001", RuleSeverity.Warning, new Dictionary<string, string> { ["dotnet_analyzer_diagnostic.severity"] = value }));
        Assert.Equal(RuleSeverity.Error, resolver.Resolve("JS1001", RuleSeverity.Warning, new Dictionary<string, string>
        {
            ["dotnet_diagnostic.JS1001.severity"] = "error",
            ["dotnet_analyzer_diagnostic.category-JetStream.severity"] = value,
        }));
    }

    [Fact]
    public void NoWarn_SilencesWarningsAndErrorsAlike()
    {
        var resolver = new SeverityResolver(noWarn: "CS1591;JS4008, JS1001");
        Assert.Null(resolver.Resolve("JS1001", RuleSeverity.Warning, None));
        Assert.Null(resolver.Resolve("JS4008", RuleSeverity.Error, None));
        Assert.Equal(RuleSeverity.Warning, resolver.Resolve("JS1003", RuleSeverity.Warning, None));
    }

    [Fact]
    public void WarningsAsErrors_AndTreatWarningsAsErrors_WithExceptions()
    {
        Assert.Equal(RuleSeverity.Error, new SeverityResolver(warningsAsErrors: "JS1001").Resolve("JS1001", RuleSeverity.Warning, None));
        Assert.Equal(RuleSeverity.Warning, new SeverityResolver(warningsAsErrors: "JS1001").Resolve("JS1003", RuleSeverity.Warning, None));
        var all = new SeverityResolver(treatWarningsAsErrors: true, warningsNotAsErrors: "JS1003");
        Assert.Equal(RuleSeverity.Error, all.Resolve("JS1001", RuleSeverity.Warning, None));
        Assert.Equal(RuleSeverity.Warning, all.Resolve("JS1003", RuleSeverity.Warning, None));
    }

    [Theory]
    [InlineData("eror")]
    [InlineData("banana")]
    [InlineData("12")]
    [InlineData("")]
    public void InvalidSeverities_KeepTheDefault_AsTheCompilerDoes(string value)
    {
        var resolver = new SeverityResolver();
        foreach (var key in new[] { "dotnet_diagnostic.JS4001.severity", "dotnet_analyzer_diagnostic.category-JetStream.severity", "dotnet_analyzer_diagnostic.severity" })
        {
            Assert.Equal(RuleSeverity.Error, resolver.Resolve("JS4001", RuleSeverity.Error, new Dictionary<string, string> { [key] = value }));
            Assert.Equal(RuleSeverity.Warning, resolver.Resolve("JS1001", RuleSeverity.Warning, new Dictionary<string, string> { [key.Replace("JS4001", "JS1001")] = value }));
        }

        // An invalid rule severity gives way to the category's, as in csc.
        Assert.Equal(RuleSeverity.Error, resolver.Resolve("JS1001", RuleSeverity.Warning, new Dictionary<string, string>
        {
            ["dotnet_diagnostic.JS1001.severity"] = value,
            ["dotnet_analyzer_diagnostic.category-JetStream.severity"] = "error",
        }));
    }
}
