using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Streams;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

public class EvenReplicaCountTests
{
    private static readonly EvenReplicaCount Rule = new();

    [Fact]
    public void Four_SuggestsThreeOrFive()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.NumReplicas = Known(4L, "here"))));
        Assert.Equal(RuleIds.EvenReplicaCount, finding.Rule.Id);
        Assert.Equal("here", finding.Origin);
        Assert.Equal("Stream 'ORDERS' has 4 replicas, which tolerates no more server failures than 3 replicas; use 3 or 5 replicas", finding.Message);
        Assert.Equal("5", finding.Properties[FixProperties.Value]);
    }

    [Fact]
    public void TwoWithMinimumTwo_SuggestsThree()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.NumReplicas = Known(2L, "here")), WithOptions((OptionKeys.MinReplicas, "2"))));
        Assert.Equal("Stream 'ORDERS' has 2 replicas, which tolerates no more server failures than 1 replicas; use 3 replicas", finding.Message);
        Assert.Equal("3", finding.Properties[FixProperties.Value]);
    }

    [Theory]
    [InlineData(2, "3")] // below the minimum: JS1001 reports it
    [InlineData(4, "5")]
    [InlineData(1, "1")]
    [InlineData(3, "3")]
    [InlineData(5, "3")]
    [InlineData(6, "3")] // JS1100
    public void NotReported(long replicas, string minimum) =>
        Assert.Empty(Run(Rule, SafeStream().With(s => s.NumReplicas = Known(replicas, "here")), WithOptions((OptionKeys.MinReplicas, minimum))));

    [Fact]
    public void AbsentOrUnknown_NotReported()
    {
        Assert.Empty(Run(Rule, SafeStream().With(s => s.NumReplicas = default)));
        Assert.Empty(Run(Rule, SafeStream().With(s => s.NumReplicas = Unknown<long>("here"))));
    }
}
