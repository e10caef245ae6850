using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Consumers;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class PushWithoutFlowControlTests
{
    private static readonly PushWithoutFlowControl Rule = new();

    [Fact]
    public void PushWithoutFlowControl_FixAddsTheHeartbeatTheServerNeeds()
    {
        var finding = Single(Run(Rule, SafePushConsumer().With(c => { c.FlowControl = default; c.IdleHeartbeat = default; })));
        Assert.Equal(RuleIds.PushWithoutFlowControl, finding.Rule.Id);
        Assert.Equal(ConsumerOrigin, finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' is a push consumer without flow control; a slow subscriber is overrun and becomes a slow consumer. Enable flow control.", finding.Message);
        Assert.Equal("flow_control", finding.Properties[FixProperties.Field]);
        Assert.Equal("true", finding.Properties[FixProperties.Value]);
        Assert.Equal("idle_heartbeat", finding.Properties[FixProperties.SecondField]);
        Assert.Equal("5000000000", finding.Properties[FixProperties.SecondValue]);
    }

    [Fact]
    public void FlowControlOff_WithHeartbeat_FixOnlyTurnsItOn()
    {
        var finding = Single(Run(Rule, SafePushConsumer().With(c => c.FlowControl = Known(false, "here"))));
        Assert.Equal("here", finding.Origin);
        Assert.False(finding.Properties.ContainsKey(FixProperties.SecondField));
    }

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, SafePushConsumer()));
        Assert.Empty(Run(Rule, SafeConsumer()));
        Assert.Empty(Run(Rule, SafePushConsumer().With(c => c.FlowControl = Unknown<bool>("f"))));
        Assert.Empty(Run(Rule, SafePushConsumer().With(c => { c.FlowControl = default; c.AckPolicy = Known(AckPolicy.FlowControl, "ack"); })));
        Assert.Empty(Run(Rule, SafePushConsumer().With(c => { c.FlowControl = default; c.DeliverSubject = Unknown<string>("d"); })));
    }
}
