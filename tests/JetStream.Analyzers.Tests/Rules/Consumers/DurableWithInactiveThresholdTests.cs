using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Text;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class DurableWithInactiveThresholdTests
{
    private static readonly DurableWithInactiveThreshold Rule = new();

    [Fact]
    public void Durable_ReportedOnTheThreshold()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.InactiveThreshold = Known(Durations.Hour, "it"))));
        Assert.Equal(RuleIds.DurableWithInactiveThreshold, finding.Rule.Id);
        Assert.Equal("it", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' is durable but has inactive_threshold 1h: the server deletes it, with its position and its unacknowledged messages, when no client uses it for 1h, for example during an outage. Remove inactive_threshold if the consumer must survive outages.", finding.Message);
    }

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, SafeConsumer()));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.InactiveThreshold = Known(0L, "it"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.InactiveThreshold = Known(-1L, "it")), Context("2.12.0")));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.InactiveThreshold = Unknown<long>("it"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.InactiveThreshold = Known(Durations.Hour, "it"); c.DurableName = default; })));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.InactiveThreshold = Known(Durations.Hour, "it"); c.DurableName = Unknown<string>("d"); })));
    }
}
