using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Consumers;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class ConsumerSettingIgnoredByServerTests
{
    private static readonly ConsumerSettingIgnoredByServer Rule = new();

    [Fact]
    public void OnlyFilterSubjectsOn29_ConsumerBecomesUnfiltered()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.FilterSubjects = List("here", "orders.new")), Context("2.9.25")));
        Assert.Equal(RuleIds.ConsumerSettingIgnoredByServer, finding.Rule.Id);
        Assert.Equal(RuleSeverity.Error, finding.Severity);
        Assert.Equal("here", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' sets filter_subjects, which NATS server 2.9.25 does not know and silently drops (it needs 2.10.0 or later); the consumer becomes unfiltered and receives every message of the stream", finding.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void EmptySingleFilter_StillUnfiltered(string? single)
    {
        var consumer = SafeConsumer().With(c => { c.FilterSubjects = List("here", "orders.new"); c.FilterSubject = Known(single!, "f"); });
        Assert.EndsWith("the consumer becomes unfiltered and receives every message of the stream", Single(Run(Rule, consumer, Context("2.9.0"))).Message);
    }

    [Fact]
    public void FilterSubjectsBesideASingleFilter_NoConsequenceClause()
    {
        var consumer = SafeConsumer().With(c => { c.FilterSubjects = List("here", "orders.new"); c.FilterSubject = Known("orders.paid", "f"); });
        Assert.EndsWith("(it needs 2.10.0 or later)", Single(Run(Rule, consumer, Context("2.9.0"))).Message);
    }

    [Fact]
    public void MetadataOn29()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.MetadataBytes = Known(10L, "here")), Context("2.9.0")));
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' sets metadata, which NATS server 2.9.0 does not know and silently drops (it needs 2.10.0 or later)", finding.Message);
    }

    [Fact]
    public void PauseAndPriorityBefore211()
    {
        var consumer = SafeConsumer().With(c => { c.HasPauseUntil = Known(true, "pause"); c.HasPriorityPolicy = Known(true, "priority"); });
        var findings = Run(Rule, consumer, Context("2.10.29"));
        Assert.Equal(2, findings.Count);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' sets pause_until, which NATS server 2.10.29 does not know and silently drops (it needs 2.11.0 or later); the consumer starts delivering at once", findings[0].Message);
        Assert.Equal("priority", findings[1].Origin);
        Assert.Empty(Run(Rule, consumer, Context("2.11.0")));
    }

    [Fact]
    public void NotReported()
    {
        var consumer = SafeConsumer().With(c =>
        {
            c.FilterSubjects = List<string>("empty");
            c.MetadataBytes = Known(0L, "m");
            c.HasPauseUntil = Unknown<bool>("p");
            c.HasPriorityPolicy = Known(false, "pp");
        });
        Assert.Empty(Run(Rule, consumer, Context("2.9.0")));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.FilterSubjects = Unknown<System.Collections.Generic.IReadOnlyList<string>>("f")), Context("2.9.0")));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.FilterSubjects = List("f", "a", "b"))));
    }
}
