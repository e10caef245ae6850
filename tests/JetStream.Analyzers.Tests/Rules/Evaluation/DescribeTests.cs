using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Evaluation;

public class DescribeTests
{
    [Fact]
    public void Streams()
    {
        Assert.Equal("Stream 'ORDERS'", Describe.Stream(SafeStream()));
        Assert.Equal("Stream", Describe.Stream(SafeStream().With(s => s.Name = Unknown<string>("n"))));
        Assert.Equal("Stream", Describe.Stream(SafeStream().With(s => s.Name = Known("", "n"))));
        Assert.Equal("Stream", Describe.Stream(SafeStream().With(s => s.Name = default)));
        Assert.Equal("Key-value bucket 'cfg'", Describe.Stream(SafeBucket(StreamKind.KeyValue)));
        Assert.Equal("Object store 'cfg'", Describe.Stream(SafeBucket(StreamKind.ObjectStore)));
        Assert.Equal("Object store", Describe.Stream(SafeBucket(StreamKind.ObjectStore).With(s => s.BucketName = Unknown<string>("b"))));
    }

    [Fact]
    public void Consumers()
    {
        Assert.Equal("Consumer 'worker' on stream 'ORDERS'", Describe.Consumer(SafeConsumer()));
        Assert.Equal("Consumer 'worker'", Describe.Consumer(SafeConsumer().With(c => c.StreamName = Unknown<string>("s"))));
        Assert.Equal("Consumer 'worker'", Describe.Consumer(SafeConsumer().With(c => c.StreamName = default)));
        Assert.Equal("Ephemeral consumer on stream 'ORDERS'", Describe.Consumer(SafeConsumer().With(c => { c.Name = default; c.DurableName = default; })));
        Assert.Equal("Consumer on stream 'ORDERS'", Describe.Consumer(SafeConsumer().With(c => { c.Name = Unknown<string>("n"); c.DurableName = default; })));
        Assert.Equal("Consumer", Describe.Consumer(SafeConsumer().With(c => { c.Name = default; c.DurableName = Unknown<string>("d"); c.StreamName = default; })));
    }

    [Theory]
    [InlineData(0, "0 replicas")]
    [InlineData(1, "1 replica")]
    [InlineData(2, "2 replicas")]
    public void Plural(long count, string expected) => Assert.Equal(expected, Describe.Plural(count, "replica"));
}
