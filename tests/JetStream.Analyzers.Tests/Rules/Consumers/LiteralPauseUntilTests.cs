using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Consumers;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class LiteralPauseUntilTests
{
    private static readonly LiteralPauseUntil Rule = new();

    [Fact]
    public void FixedTime_ReportedOnTheValue()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => { c.HasPauseUntil = Known(true, "pu"); c.FixedPauseUntil = Known(true, "pu"); })));
        Assert.Equal(RuleIds.LiteralPauseUntil, finding.Rule.Id);
        Assert.Equal("pu", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' sets pause_until to a fixed time; every apply of this definition pauses the consumer again until then (or does nothing once the time has passed). Pause and resume consumers with the pause API instead.", finding.Message);
    }

    [Fact]
    public void ComputedOrAbsent_NotReported()
    {
        Assert.Empty(Run(Rule, SafeConsumer()));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.HasPauseUntil = Known(true, "pu"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.HasPauseUntil = Unknown<bool>("pu"))));
    }
}
