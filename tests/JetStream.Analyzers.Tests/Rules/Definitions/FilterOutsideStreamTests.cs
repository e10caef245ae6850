using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Definitions;
using JetStream.Analyzers.Rules.Model;
using static JetStream.Analyzers.Tests.Rules.Definitions.DefinitionSets;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Definitions;

/// <summary>Consumers here know only their stream's name, as in C#; the rule finds the stream through the set.</summary>
public class FilterOutsideStreamTests
{
    private static readonly FilterOutsideStream Rule = new();

    [Fact]
    public void FilterNoSubjectMatches_ReportedAtTheFilter()
    {
        var finding = Single(Run(Rule, Set(new[] { StreamAt("s", "ORDERS", "orders.*", "refunds.>") }, new[] { ConsumerAt("c", "ORDERS", "worker", "order.created") })));
        Assert.Equal(RuleIds.FilterOutsideStream, finding.Rule.Id);
        Assert.Equal("c:filter", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' filters on 'order.created', which no subject of stream 'ORDERS' (orders.*, refunds.>) can match; the consumer would never receive a message", finding.Message);
    }

    [Fact]
    public void EachUnmatchedFilter_Reported_AtTheFilterList()
    {
        var findings = Run(Rule, Set(new[] { StreamAt("s", "ORDERS", "orders.>") }, new[] { ConsumerAt("c", "ORDERS", "worker", "orders.a", "x.y", "z") }));
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("c:filters", f.Origin));
    }

    [Fact]
    public void NotReported()
    {
        var orders = StreamAt("s", "ORDERS", "orders.>");
        Assert.Empty(Run(Rule, Set(new[] { orders }, new[] { ConsumerAt("c", "ORDERS", "worker", "orders.*.created") })));
        Assert.Empty(Run(Rule, Set(new[] { orders }, new[] { ConsumerAt("c", "ORDERS", "worker") })));
        Assert.Empty(Run(Rule, Set(new[] { orders }, new[] { ConsumerAt("c", "ORDERS", "worker").With(c => c.FilterSubject = Unknown<string>("f")) })));
        Assert.Empty(Run(Rule, Set(new[] { orders }, new[] { ConsumerAt("c", "OTHER", "worker", "x") })));

        // A sourcing stream also stores what it copies; two definitions of ORDERS leave the stream open.
        var sourcing = StreamAt("s", "ORDERS", "orders.>").With(s => s.Sources = List("sources", new StreamSourceModel { Name = Known("EU", "n") }));
        Assert.Empty(Run(Rule, Set(new[] { sourcing }, new[] { ConsumerAt("c", "ORDERS", "worker", "eu.>") })));
        Assert.Empty(Run(Rule, Set(new[] { orders, StreamAt("t", "ORDERS", "elsewhere.>") }, new[] { ConsumerAt("c", "ORDERS", "worker", "x") })));
    }

    [Fact]
    public void FilterSubjectsBefore210_LeftToJS2101() =>
        Assert.Empty(Run(Rule, Set(new[] { StreamAt("s", "ORDERS", "orders.>") }, new[] { ConsumerAt("c", "ORDERS", "worker", "orders.a", "x") }, context: Context("2.9.10"))));
}
