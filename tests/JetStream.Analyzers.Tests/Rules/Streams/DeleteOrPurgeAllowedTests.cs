using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Streams;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

public class DeleteOrPurgeAllowedTests
{
    private static readonly DeleteOrPurgeAllowed Rule = new();

    [Fact]
    public void BothAllowed_OneSuggestionOnTheStream()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => { s.DenyDelete = default; s.DenyPurge = Known(false, "deny_purge"); })));
        Assert.Equal(RuleIds.DeleteOrPurgeAllowed, finding.Rule.Id);
        Assert.Equal(StreamOrigin, finding.Origin);
        Assert.Equal(RuleSeverity.Info, finding.Severity);
        Assert.Equal("Stream 'ORDERS' allows message deletion and purge; one API call can erase its messages. Set deny_delete and deny_purge.", finding.Message);
        Assert.Equal("deny_delete", finding.Properties[FixProperties.Field]);
        Assert.Equal("true", finding.Properties[FixProperties.Value]);
        Assert.Equal("deny_purge", finding.Properties[FixProperties.SecondField]);
        Assert.Equal("true", finding.Properties[FixProperties.SecondValue]);
    }

    [Fact]
    public void OnlyDeleteAllowed_ReportedOnDenyDelete()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.DenyDelete = Known(false, "here"))));
        Assert.Equal("here", finding.Origin);
        Assert.Equal("Stream 'ORDERS' allows message deletion; one API call can erase its messages. Set deny_delete.", finding.Message);
        Assert.False(finding.Properties.ContainsKey(FixProperties.SecondField));
    }

    [Fact]
    public void OnlyPurgeAllowedAndAbsent_ReportedOnTheStream()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.DenyPurge = default)));
        Assert.Equal(StreamOrigin, finding.Origin);
        Assert.Equal("Stream 'ORDERS' allows purge; one API call can erase its messages. Set deny_purge.", finding.Message);
        Assert.Equal("deny_purge", finding.Properties[FixProperties.Field]);
    }

    [Fact]
    public void RollUpsOnOrUnknown_PurgeNotSuggested()
    {
        Assert.Empty(Run(Rule, SafeStream().With(s => { s.DenyPurge = default; s.AllowRollupHdrs = Known(true, "rollup"); })));
        Assert.Empty(Run(Rule, SafeStream().With(s => { s.DenyPurge = default; s.AllowRollupHdrs = Unknown<bool>("rollup"); })));
        Assert.Single(Run(Rule, SafeStream().With(s => { s.DenyPurge = default; s.AllowRollupHdrs = Known(false, "rollup"); })));
    }

    [Fact]
    public void UnknownFlags_NotReported()
    {
        Assert.Empty(Run(Rule, SafeStream().With(s => { s.DenyDelete = Unknown<bool>("d"); s.DenyPurge = Unknown<bool>("p"); })));
        Assert.Equal("Stream 'ORDERS' allows purge; one API call can erase its messages. Set deny_purge.",
            Single(Run(Rule, SafeStream().With(s => { s.DenyDelete = Unknown<bool>("d"); s.DenyPurge = default; }))).Message);
    }

    [Theory]
    [InlineData("ORDERS", true)]
    [InlineData("ORD*", true)]
    [InlineData("*S", true)]
    [InlineData("?RDERS", true)]
    [InlineData("PAY, ORDERS", true)]
    [InlineData("ORD", false)]
    [InlineData("orders", false)]
    [InlineData("ORD?", false)]
    [InlineData(",", false)]
    public void CriticalStreams_AreWarnings(string critical, bool isCritical)
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.DenyDelete = default), WithOptions((OptionKeys.CriticalStreams, critical))));
        Assert.Equal(isCritical ? RuleSeverity.Warning : RuleSeverity.Info, finding.Severity);
        Assert.StartsWith(isCritical ? "Stream 'ORDERS' is critical but allows message deletion;" : "Stream 'ORDERS' allows message deletion;", finding.Message);
    }

    [Fact]
    public void CriticalStreams_NameUnknownOrNull_NotCritical()
    {
        // Regression: a null name reached Regex.IsMatch and threw.
        var context = WithOptions((OptionKeys.CriticalStreams, "*"));
        Assert.Equal(RuleSeverity.Info, Single(Run(Rule, SafeStream().With(s => { s.DenyDelete = default; s.Name = Known<string>(null!, "name"); }), context)).Severity);
        Assert.Equal(RuleSeverity.Info, Single(Run(Rule, SafeStream().With(s => { s.DenyDelete = default; s.Name = Unknown<string>("name"); }), context)).Severity);
    }

    [Fact]
    public void MirrorsAndBuckets_Exempt()
    {
        Assert.Empty(Run(Rule, SafeStream().With(s => { s.DenyDelete = default; s.DenyPurge = default; s.Mirror = Known(new StreamSourceModel(), "mirror"); })));
        Assert.Empty(Run(Rule, SafeBucket(StreamKind.KeyValue)));
        Assert.Empty(Run(Rule, SafeBucket(StreamKind.ObjectStore)));
    }
}
