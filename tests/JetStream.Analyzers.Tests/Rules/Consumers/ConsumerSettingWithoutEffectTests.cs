using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class ConsumerSettingWithoutEffectTests
{
    private static readonly ConsumerSettingWithoutEffect Rule = new();

    [Fact]
    public void BackoffWithAckNone_ReportedOnTheBackoff()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.AckPolicy = Known(AckPolicy.None, "ack"))));
        Assert.Equal(RuleIds.ConsumerSettingWithoutEffect, finding.Rule.Id);
        Assert.Equal("backoff", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' sets backoff, which has no effect: with ack policy none nothing is redelivered, so there is nothing to back off. Remove backoff, or acknowledge messages (ack_policy explicit)", finding.Message);
        Assert.Empty(finding.Properties);
        Assert.Single(Run(Rule, SafeConsumer().With(c => c.AckPolicy = default))); // the server's default is none
    }

    [Fact]
    public void AckWaitOtherThanFirstBackoff_ReportedOnTheAckWait()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.AckWait = Known(5 * Durations.Minute, "aw"))));
        Assert.Equal("aw", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' sets ack_wait 5m, which has no effect: the server replaces it with the first backoff value, 30s, which is the wait before the first redelivery. Set ack_wait to 30s, or remove it", finding.Message);
        Assert.Equal(("ack_wait", "30000000000"), (finding.Properties[FixProperties.Field], finding.Properties[FixProperties.Value]));
    }

    [Theory]
    [InlineData("2.12.9", 0)]
    [InlineData("2.14.0", 1)]
    public void HeartbeatUnderFlowControlAckPolicy(string version, int count)
    {
        var consumer = SafePushConsumer().With(c =>
        {
            c.AckPolicy = Known(AckPolicy.FlowControl, "ack");
            c.AckWait = default;
            c.Backoff = default;
        });
        var findings = Run(Rule, consumer, Context(version));
        Assert.Equal(count, findings.Count);
        if (count == 1)
        {
            Assert.Equal("idle_heartbeat", findings[0].Origin);
            Assert.Equal($"Consumer 'worker' on stream 'ORDERS' sets idle_heartbeat 5s, which has no effect: under the flow_control ack policy NATS server {version} always uses a 1s heartbeat. Remove it", findings[0].Message);
        }

        Assert.Empty(Run(Rule, consumer.With(c => c.IdleHeartbeat = Known(Durations.Second, "hb")), Context(version)));
    }

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, SafeConsumer()));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.AckWait = ConfigValue<long>.Defaulted(Durations.Minute))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.AckWait = Unknown<long>("aw"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.AckWait = Known(Durations.Minute, "aw"); c.Backoff = Unknown<System.Collections.Generic.IReadOnlyList<long>>("b"); })));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.AckPolicy = Unknown<AckPolicy>("ack"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.AckPolicy = Known(AckPolicy.None, "ack"); c.Backoff = default; })));
    }
}
