using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Text;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class NoBackoffTests
{
    private static readonly NoBackoff Rule = new();

    private static ConsumerModel NoBackoffConsumer() => SafeConsumer().With(c => c.Backoff = default);

    [Fact]
    public void NoBackoff_ReportedOnTheConsumer()
    {
        var finding = Single(Run(Rule, NoBackoffConsumer()));
        Assert.Equal(RuleIds.NoBackoff, finding.Rule.Id);
        Assert.Equal(ConsumerOrigin, finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' acknowledges messages but has no backoff; a failing message is redelivered every 30s. Set a backoff schedule.", finding.Message);
        Assert.Equal("backoff", finding.Properties[FixProperties.Field]);
        Assert.Equal("1000000000,10000000000,60000000000", finding.Properties[FixProperties.Value]);
    }

    [Fact]
    public void MaxDeliverLargeEnough_FixDoesNotTouchIt()
    {
        // Regression: without a needed max_deliver the fix still named it, with the backoff list as its value.
        var finding = Single(Run(Rule, NoBackoffConsumer()));
        Assert.False(finding.Properties.ContainsKey(FixProperties.SecondField));
        Assert.False(finding.Properties.ContainsKey(FixProperties.SecondValue));
    }

    [Theory]
    [InlineData(2L, "2.14.5", "5")]
    [InlineData(3L, "2.14.5", "5")]
    [InlineData(4L, "2.14.5", null)]
    [InlineData(null, "2.14.5", null)]
    [InlineData(null, "2.10.13", "5")]
    [InlineData(0L, "2.10.13", "5")]
    public void FixRaisesMaxDeliverWhenTheBackoffNeedsIt(long? maxDeliver, string version, string? required)
    {
        var consumer = NoBackoffConsumer().With(c => c.MaxDeliver = maxDeliver is { } md ? Known(md, "max_deliver") : default);
        var findings = Run(Rule, consumer, Context(version));
        var finding = Assert.Single(findings, f => f.Rule.Id == RuleIds.NoBackoff);
        if (required is null)
        {
            Assert.False(finding.Properties.ContainsKey(FixProperties.SecondField));
        }
        else
        {
            Assert.Equal("max_deliver", finding.Properties[FixProperties.SecondField]);
            Assert.Equal(required, finding.Properties[FixProperties.SecondValue]);
        }
    }

    [Fact]
    public void FixUsesTheDefaultBackoffAndMaxDeliverOptions()
    {
        var context = Context("2.14.5", (OptionKeys.DefaultBackoff, "2s, 30s"), (OptionKeys.DefaultMaxDeliver, "8"));
        var finding = Single(Run(Rule, NoBackoffConsumer().With(c => c.MaxDeliver = Known(2L, "md")), context));
        Assert.Equal("2000000000,30000000000", finding.Properties[FixProperties.Value]);
        Assert.Equal("8", finding.Properties[FixProperties.SecondValue]);
    }

    [Theory]
    [InlineData(null, "30s (the default ack wait)")]
    [InlineData(0L, "30s")]
    [InlineData(90 * Durations.Second, "1m30s")]
    public void MessageShowsTheRedeliveryInterval(long? ackWait, string shown)
    {
        var consumer = NoBackoffConsumer().With(c => c.AckWait = ackWait is { } w ? Known(w, "ack_wait") : default);
        Assert.Contains($"redelivered every {shown}.", Single(Run(Rule, consumer)).Message);
    }

    [Fact]
    public void EmptyBackoff_ReportedOnIt()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.Backoff = List<long>("here"))));
        Assert.Equal("here", finding.Origin);
    }

    [Fact]
    public void AckAll_Reported() =>
        Assert.Single(Run(Rule, NoBackoffConsumer().With(c => c.AckPolicy = Known(AckPolicy.All, "ack"))));

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, SafeConsumer()));
        Assert.Empty(Run(Rule, NoBackoffConsumer().With(c => c.AckPolicy = Known(AckPolicy.None, "ack"))));
        Assert.Empty(Run(Rule, NoBackoffConsumer().With(c => c.AckPolicy = default))); // the server's default is none
        Assert.Empty(Run(Rule, NoBackoffConsumer().With(c => c.AckPolicy = Unknown<AckPolicy>("ack"))));
        Assert.Empty(Run(Rule, NoBackoffConsumer().With(c => c.MaxDeliver = Known(1L, "md"))));
        Assert.Empty(Run(Rule, NoBackoffConsumer().With(c => c.AckWait = Unknown<long>("w"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.Backoff = Unknown<System.Collections.Generic.IReadOnlyList<long>>("b"))));
    }
}
