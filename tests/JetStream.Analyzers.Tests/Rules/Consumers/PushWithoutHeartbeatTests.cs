using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Consumers;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class PushWithoutHeartbeatTests
{
    private static readonly PushWithoutHeartbeat Rule = new();

    [Fact]
    public void PushWithoutHeartbeat_ReportedOnTheConsumer()
    {
        var finding = Single(Run(Rule, SafePushConsumer().With(c => c.IdleHeartbeat = default)));
        Assert.Equal(RuleIds.PushWithoutHeartbeat, finding.Rule.Id);
        Assert.Equal(ConsumerOrigin, finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' is a push consumer without an idle heartbeat; a lost subscription or a stalled consumer goes unnoticed. Set an idle heartbeat.", finding.Message);
        Assert.Equal("idle_heartbeat", finding.Properties[FixProperties.Field]);
        Assert.Equal("5000000000", finding.Properties[FixProperties.Value]);
    }

    [Fact]
    public void ZeroHeartbeat_ReportedOnIt() =>
        Assert.Equal("here", Single(Run(Rule, SafePushConsumer().With(c => c.IdleHeartbeat = Known(0L, "here")))).Origin);

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, SafePushConsumer()));
        Assert.Empty(Run(Rule, SafeConsumer()));
        Assert.Empty(Run(Rule, SafePushConsumer().With(c => { c.IdleHeartbeat = default; c.DeliverSubject = Known("", "d"); })));
        Assert.Empty(Run(Rule, SafePushConsumer().With(c => { c.IdleHeartbeat = default; c.DeliverSubject = Known<string>(null!, "d"); })));
        Assert.Empty(Run(Rule, SafePushConsumer().With(c => { c.IdleHeartbeat = default; c.DeliverSubject = Unknown<string>("d"); })));
        Assert.Empty(Run(Rule, SafePushConsumer().With(c => c.IdleHeartbeat = Unknown<long>("h"))));
    }
}
