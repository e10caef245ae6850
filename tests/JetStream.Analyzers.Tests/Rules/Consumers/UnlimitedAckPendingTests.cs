using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class UnlimitedAckPendingTests
{
    private static readonly UnlimitedAckPending Rule = new();

    [Fact]
    public void MinusOne_ReportedOnTheValue()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.MaxAckPending = Known(-1L, "map"))));
        Assert.Equal(RuleIds.UnlimitedAckPending, finding.Rule.Id);
        Assert.Equal("map", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' has max_ack_pending -1, so the server delivers without limit while earlier messages wait for their acknowledgement; a slow or stuck subscriber holds every message and redeliveries pile up. Set a limit, e.g. 1000.", finding.Message);
        Assert.Equal(("max_ack_pending", "1000"), (finding.Properties[FixProperties.Field], finding.Properties[FixProperties.Value]));
    }

    [Theory]
    [InlineData("2.11.0", 0)]
    [InlineData("2.12.0", 1)]
    public void BelowMinusOne_IsMinusOneFromTwoTwelve(string version, int count) =>
        Assert.Equal(count, Run(Rule, SafeConsumer().With(c => c.MaxAckPending = Known(-5L, "map")), Context(version)).Count);

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, SafeConsumer()));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.MaxAckPending = Known(1000L, "map"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.MaxAckPending = Unknown<long>("map"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.MaxAckPending = Known(-1L, "map"); c.AckPolicy = Known(AckPolicy.None, "ack"); })));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.MaxAckPending = Known(-1L, "map"); c.AckPolicy = Unknown<AckPolicy>("ack"); })));
    }
}
