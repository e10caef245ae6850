using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Consumers;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class UnlimitedMaxDeliverTests
{
    private static readonly UnlimitedMaxDeliver Rule = new();

    [Fact]
    public void Absent_ReportedOnTheConsumer()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.MaxDeliver = default)));
        Assert.Equal(RuleIds.UnlimitedMaxDeliver, finding.Rule.Id);
        Assert.Equal(ConsumerOrigin, finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' has no max-deliver limit (max_deliver is not set); a message that always fails is redelivered forever. Set a maximum number of deliveries.", finding.Message);
        Assert.Equal("max_deliver", finding.Properties[FixProperties.Field]);
        Assert.Equal("5", finding.Properties[FixProperties.Value]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-5)]
    public void NotPositive_ReportedOnTheValue(long value)
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.MaxDeliver = Known(value, "here"))));
        Assert.Equal("here", finding.Origin);
        Assert.Contains($"(max_deliver is {value})", finding.Message);
    }

    [Fact]
    public void FixCoversTheBackoffLength()
    {
        var consumer = SafeConsumer().With(c =>
        {
            c.MaxDeliver = default;
            c.Backoff = List("backoff", 1L, 2L, 3L, 4L, 5L, 6L);
        });
        Assert.Equal("7", Single(Run(Rule, consumer)).Properties[FixProperties.Value]);
        Assert.Equal("10", Single(Run(Rule, consumer, WithOptions((OptionKeys.DefaultMaxDeliver, "10")))).Properties[FixProperties.Value]);
    }

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, SafeConsumer()));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.MaxDeliver = Known(1L, "md"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.MaxDeliver = Unknown<long>("md"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.MaxDeliver = default; c.AckPolicy = Known(AckPolicy.None, "ack"); })));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.MaxDeliver = default; c.AckPolicy = Known(AckPolicy.FlowControl, "ack"); })));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.MaxDeliver = default; c.AckPolicy = Unknown<AckPolicy>("ack"); })));
    }
}
