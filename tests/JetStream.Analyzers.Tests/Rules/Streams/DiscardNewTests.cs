using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Streams;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

public class DiscardNewTests
{
    private static readonly DiscardNew Rule = new();

    [Fact]
    public void DiscardNew_Reported()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.Discard = Known(DiscardPolicy.New, "here"))));
        Assert.Equal(RuleIds.DiscardNew, finding.Rule.Id);
        Assert.Equal("here", finding.Origin);
        Assert.Equal(RuleSeverity.Info, finding.Severity);
        Assert.Equal("Stream 'ORDERS' uses the discard policy 'new': once a limit is reached the server rejects publishes, so every publisher must handle that error", finding.Message);
    }

    [Fact]
    public void OldAbsentOrUnknown_NotReported()
    {
        Assert.Empty(Run(Rule, SafeStream()));
        Assert.Empty(Run(Rule, SafeStream().With(s => s.Discard = Known(DiscardPolicy.Old, "here"))));
        Assert.Empty(Run(Rule, SafeStream().With(s => s.Discard = Unknown<DiscardPolicy>("here"))));
    }

    [Theory]
    [InlineData(StreamKind.KeyValue)]
    [InlineData(StreamKind.ObjectStore)]
    public void Buckets_Exempt(StreamKind kind) => Assert.Empty(Run(Rule, SafeBucket(kind)));
}
