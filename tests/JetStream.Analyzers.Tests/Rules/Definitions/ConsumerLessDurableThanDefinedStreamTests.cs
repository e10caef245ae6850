using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Definitions;
using JetStream.Analyzers.Rules.Model;
using static JetStream.Analyzers.Tests.Rules.Definitions.DefinitionSets;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Definitions;

/// <summary>JS2007 where the consumer knows only its stream's name (C#): the stream is found among the definitions.</summary>
public class ConsumerLessDurableThanDefinedStreamTests
{
    private static readonly ConsumerLessDurableThanDefinedStream Rule = new();

    private static StreamModel Orders => StreamAt("s", "ORDERS", "orders.>");

    [Fact]
    public void FewerReplicasThanTheDefinedStream_Reported()
    {
        var consumer = ConsumerAt("c", "ORDERS", "worker").With(c => c.NumReplicas = Known(1L, "c:replicas"));
        var finding = Single(Run(Rule, Set(new[] { Orders }, new[] { consumer })));
        Assert.Equal(RuleIds.ConsumerLessDurableThanStream, finding.Rule.Id);
        Assert.Equal("c:replicas", finding.Origin);
        Assert.StartsWith("Consumer 'worker' on stream 'ORDERS' has 1 replica (num_replicas), while its stream 'ORDERS' has 3;", finding.Message);
    }

    [Fact]
    public void MemoryStateOnAFileStream_Reported() =>
        Assert.Equal("c:mem", Single(Run(Rule, Set(new[] { Orders }, new[] { ConsumerAt("c", "ORDERS", "worker").With(c => c.MemStorage = Known(true, "c:mem")) }))).Origin);

    [Fact]
    public void NotReported()
    {
        static ConsumerModel Fewer() => ConsumerAt("c", "ORDERS", "worker").With(c => c.NumReplicas = Known(1L, "c:replicas"));

        // Another stream's name, an unknown stream name, and two definitions of ORDERS: no stream to compare with.
        Assert.Empty(Run(Rule, Set(new[] { Orders }, new[] { ConsumerAt("c", "OTHER", "worker").With(c => c.NumReplicas = Known(1L, "r")) })));
        Assert.Empty(Run(Rule, Set(new[] { Orders }, new[] { Fewer().With(c => c.StreamName = Unknown<string>("n")) })));
        Assert.Empty(Run(Rule, Set(new[] { Orders, StreamAt("t", "ORDERS", "elsewhere.>") }, new[] { Fewer() })));

        // Linked by its front end (config files): checked with the consumer's own rules, not again here.
        Assert.Empty(Run(Rule, Set(new[] { Orders }, new[] { Fewer().With(c => c.Stream = Orders) })));

        // As many replicas as the stream, and an ephemeral consumer.
        Assert.Empty(Run(Rule, Set(new[] { Orders }, new[] { ConsumerAt("c", "ORDERS", "worker").With(c => c.NumReplicas = Known(3L, "r")) })));
        Assert.Empty(Run(Rule, Set(new[] { Orders }, new[] { Fewer().With(c => c.DurableName = default) })));
    }
}
