using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class UnboundedPullRequestsTests
{
    private static readonly UnboundedPullRequests Rule = new();

    [Fact]
    public void MaxWaitingAboveTheLimit_ReportedOnTheValue()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.MaxWaiting = Known(2147483648L, "mw"))));
        Assert.Equal(RuleIds.UnboundedPullRequests, finding.Rule.Id);
        Assert.Equal("mw", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' keeps up to 2147483648 waiting pull requests (max_waiting), more than 512; every waiting pull request holds memory on the server. Set max_waiting to 512 or less.", finding.Message);
        Assert.Equal(("max_waiting", "512"), (finding.Properties[FixProperties.Field], finding.Properties[FixProperties.Value]));
    }

    [Theory]
    [InlineData(512L, null, false)]
    [InlineData(513L, null, true)]
    [InlineData(0L, null, false)] // the server's default is 512
    [InlineData(2000L, "2000", false)]
    [InlineData(2000L, "1000", true)]
    public void TheLimitIsAnOption(long waiting, string? limit, bool reported)
    {
        var context = limit is null ? RuleContext.Default : WithOptions((OptionKeys.MaxWaiting, limit));
        Assert.Equal(reported, Run(Rule, SafeConsumer().With(c => c.MaxWaiting = Known(waiting, "mw")), context).Count == 1);
    }

    [Fact]
    public void NoCapOnAnyRequest_ReportedOnTheConsumer()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.MaxExpires = default)));
        Assert.Equal(ConsumerOrigin, finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' caps neither the batch size, the batch bytes nor the expiry of a pull request (no max_batch, max_bytes or max_expires); every waiting pull request holds memory on the server. Set max_expires (and max_batch or max_bytes) to what the clients really ask for.", finding.Message);
        Assert.Empty(finding.Properties);
    }

    [Fact]
    public void NegativeCapsAreZeroFromTwoTwelve()
    {
        var consumer = SafeConsumer().With(c => c.MaxExpires = Known(-1L, "me"));
        Assert.Empty(Run(Rule, consumer, Context("2.11.0")));
        Assert.Single(Run(Rule, consumer, Context("2.12.0")));
    }

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, SafeConsumer()));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.MaxExpires = default; c.MaxBatch = Known(100L, "mb"); })));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.MaxExpires = default; c.MaxBytes = Known(1L << 20, "mby"); })));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.MaxExpires = Unknown<long>("me"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.MaxWaiting = Unknown<long>("mw"))));
        Assert.Empty(Run(Rule, SafePushConsumer().With(c => c.MaxExpires = default)));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.MaxExpires = default; c.DeliverSubject = Unknown<string>("ds"); })));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => { c.MaxExpires = default; c.DurableName = default; }))); // ephemeral: one client
    }
}
