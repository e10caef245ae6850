using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Model;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class ConsumerLessDurableThanStreamTests
{
    private static readonly ConsumerLessDurableThanStream Rule = new();

    private static ConsumerModel OnSafeStream(System.Action<ConsumerModel> change) => SafeConsumer().With(c => { c.Stream = SafeStream(); change(c); });

    [Fact]
    public void FewerReplicas_ReportedOnTheReplicas()
    {
        var finding = Single(Run(Rule, OnSafeStream(c => c.NumReplicas = Known(1L, "r"))));
        Assert.Equal(RuleIds.ConsumerLessDurableThanStream, finding.Rule.Id);
        Assert.Equal("r", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' has 1 replica (num_replicas), while its stream 'ORDERS' has 3; when the servers holding its state fail, it loses its position and pending acknowledgements although the messages survive. Leave num_replicas unset (0) to follow the stream, or set it to 3.", finding.Message);
    }

    [Fact]
    public void MemoryOnAFileStream_ReportedOnTheStorage()
    {
        var finding = Single(Run(Rule, OnSafeStream(c => c.MemStorage = Known(true, "mem"))));
        Assert.Equal("mem", finding.Origin);
        Assert.Contains("keeps its state in memory (mem_storage), while its stream 'ORDERS' is stored in files", finding.Message);
    }

    [Theory]
    [InlineData("2.9.10", 1)]
    [InlineData("2.9.12", 0)] // JS2100: the server refuses it
    public void InterestStreamReplicaMismatch_IsJS2100FromTwoNineTwelve(string version, int count) =>
        Assert.Equal(count, Run(Rule, OnSafeStream(c => { c.NumReplicas = Known(1L, "r"); c.Stream!.Retention = Known(RetentionPolicy.Interest, "ret"); }), Context(version)).Count);

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, OnSafeStream(_ => { })));
        Assert.Empty(Run(Rule, OnSafeStream(c => c.NumReplicas = Known(0L, "r"))));
        Assert.Empty(Run(Rule, OnSafeStream(c => c.NumReplicas = Known(3L, "r"))));
        Assert.Empty(Run(Rule, OnSafeStream(c => c.NumReplicas = Unknown<long>("r"))));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.NumReplicas = Known(1L, "r")))); // stream unknown
        Assert.Empty(Run(Rule, OnSafeStream(c => { c.NumReplicas = Known(1L, "r"); c.DurableName = default; }))); // ephemeral
        Assert.Empty(Run(Rule, OnSafeStream(c => { c.MemStorage = Known(true, "mem"); c.Stream!.Storage = Known(StorageType.Memory, "s"); })));
        Assert.Empty(Run(Rule, OnSafeStream(c => { c.NumReplicas = Known(1L, "r"); c.Stream!.NumReplicas = Known(1L, "sr"); })));
    }
}
