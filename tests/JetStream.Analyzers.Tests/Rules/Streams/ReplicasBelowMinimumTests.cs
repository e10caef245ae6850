using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Streams;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

public class ReplicasBelowMinimumTests
{
    private static readonly ReplicasBelowMinimum Rule = new();

    [Fact]
    public void Absent_ReportedOnTheStream()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.NumReplicas = default)));
        Assert.Equal(RuleIds.ReplicasBelowMinimum, finding.Rule.Id);
        Assert.Equal(StreamOrigin, finding.Origin);
        Assert.Equal(RuleSeverity.Warning, finding.Severity);
        Assert.Equal("Stream 'ORDERS' has no num_replicas, so the server runs it with 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas.", finding.Message);
        Assert.Equal("num_replicas", finding.Properties[FixProperties.Field]);
        Assert.Equal("3", finding.Properties[FixProperties.Value]);
    }

    [Theory]
    [InlineData(0, "num_replicas 0, which the server turns into 1 replica")]
    [InlineData(1, "1 replica")]
    [InlineData(2, "2 replicas")]
    public void BelowThree_ReportedOnTheValue(long replicas, string what)
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.NumReplicas = Known(replicas, "here"))));
        Assert.Equal("here", finding.Origin);
        Assert.Equal($"Stream 'ORDERS' has {what}, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas.", finding.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(-1)] // left to JS1100
    public void NotBelowMinimumOrInvalid_NoFinding(long replicas) =>
        Assert.Empty(Run(Rule, SafeStream().With(s => s.NumReplicas = Known(replicas, "here"))));

    [Fact]
    public void Unknown_NoFinding() =>
        Assert.Empty(Run(Rule, SafeStream().With(s => s.NumReplicas = Unknown<long>("here"))));

    [Theory]
    [InlineData("1", 0, false)]
    [InlineData("1", 1, false)]
    [InlineData("2", 1, true)]
    [InlineData("5", 4, true)]
    [InlineData("5", 5, false)]
    public void MinimumOption(string minimum, long replicas, bool reported)
    {
        var findings = Run(Rule, SafeStream().With(s => s.NumReplicas = Known(replicas, "here")), WithOptions((OptionKeys.MinReplicas, minimum)));
        Assert.Equal(reported, findings.Count == 1);
        if (reported)
        {
            Assert.EndsWith($"Use at least {minimum} replicas.", findings[0].Message);
            Assert.Equal(minimum, findings[0].Properties[FixProperties.Value]);
        }
    }

    [Fact]
    public void Bucket_UsesTheFrontEndsFieldNameAndLabel()
    {
        var context = new RuleContext(RuleOptions.Default, ServerVersion.Newest, (json, kind) => kind == StreamKind.KeyValue ? "NumberOfReplicas" : json);
        var finding = Single(Run(Rule, SafeBucket().With(s => s.NumReplicas = default), context));
        Assert.Equal("Key-value bucket 'cfg' has no NumberOfReplicas, so the server runs it with 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas.", finding.Message);
    }
}
