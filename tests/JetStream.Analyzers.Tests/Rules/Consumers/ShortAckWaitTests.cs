using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Text;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class ShortAckWaitTests
{
    private static readonly ShortAckWait Rule = new();

    private static ConsumerModel Plain(long? ackWait) => SafeConsumer().With(c =>
    {
        c.Backoff = default;
        c.AckWait = ackWait is { } w ? Known(w, "ack_wait") : default;
    });

    [Fact]
    public void ShortAckWait_ReportedOnIt()
    {
        var finding = Single(Run(Rule, Plain(10 * Durations.Millisecond)));
        Assert.Equal(RuleIds.ShortAckWait, finding.Rule.Id);
        Assert.Equal("ack_wait", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' redelivers a message that is not acknowledged within 10ms, below the minimum of 1s; messages still being processed are delivered again", finding.Message);
    }

    [Fact]
    public void ShortFirstBackoff_ReportedOnTheBackoff()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.Backoff = List("here", 200 * Durations.Millisecond, Durations.Minute))));
        Assert.Equal("here", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' redelivers a message that is not acknowledged within 200ms, below the minimum of 1s; messages still being processed are delivered again; with a backoff schedule its first value is the ack wait", finding.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)] // the server default, 30s
    [InlineData(-1L)] // left to JS2100
    [InlineData(Durations.Second)]
    public void NotReported(long? ackWait) => Assert.Empty(Run(Rule, Plain(ackWait)));

    [Fact]
    public void NotReported_WhenNotAcknowledgingOrUnknown()
    {
        Assert.Empty(Run(Rule, Plain(Durations.Millisecond).With(c => c.AckPolicy = Known(AckPolicy.None, "ack"))));
        Assert.Empty(Run(Rule, Plain(Durations.Millisecond).With(c => c.AckPolicy = Unknown<AckPolicy>("ack"))));
        Assert.Empty(Run(Rule, Plain(Durations.Millisecond).With(c => c.Backoff = Unknown<System.Collections.Generic.IReadOnlyList<long>>("b"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.AckWait = Known(Durations.Millisecond, "w")))); // the backoff replaces it
    }

    [Theory]
    [InlineData("1m", 30 * Durations.Second, "30s", "1m")]
    [InlineData("500ms", 400 * Durations.Millisecond, "400ms", "500ms")]
    [InlineData("2", Durations.Second, "1s", "2s")]
    public void MinimumOption(string minimum, long ackWait, string shown, string shownMinimum)
    {
        var finding = Single(Run(Rule, Plain(ackWait), WithOptions((OptionKeys.MinAckWait, minimum))));
        Assert.Equal($"Consumer 'worker' on stream 'ORDERS' redelivers a message that is not acknowledged within {shown}, below the minimum of {shownMinimum}; messages still being processed are delivered again", finding.Message);
    }

    [Fact]
    public void MinimumOptionZero_TurnsTheRuleOff() =>
        Assert.Empty(Run(Rule, Plain(Durations.Millisecond), WithOptions((OptionKeys.MinAckWait, "0"))));
}
