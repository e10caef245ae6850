using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Evaluation;

public class EffectiveConsumerTests
{
    [Fact]
    public void AckWait_FirstBackoffWins() =>
        Assert.Equal(30 * Durations.Second, EffectiveConsumer.AckWait(SafeConsumer().With(c => c.AckWait = Known(Durations.Minute, "aw"))));

    [Theory]
    [InlineData(null, EffectiveConsumer.DefaultAckWait)]
    [InlineData(0L, EffectiveConsumer.DefaultAckWait)]
    [InlineData(5 * Durations.Second, 5 * Durations.Second)]
    public void AckWait_WithoutBackoff(long? ackWait, long expected)
    {
        var consumer = SafeConsumer().With(c => { c.Backoff = List<long>("b"); c.AckWait = ackWait is { } w ? Known(w, "w") : default; });
        Assert.Equal(expected, EffectiveConsumer.AckWait(consumer));
    }

    [Fact]
    public void AckWait_Unknown()
    {
        Assert.Null(EffectiveConsumer.AckWait(SafeConsumer().With(c => c.Backoff = Unknown<System.Collections.Generic.IReadOnlyList<long>>("b"))));
        Assert.Null(EffectiveConsumer.AckWait(SafeConsumer().With(c => { c.Backoff = default; c.AckWait = Unknown<long>("w"); })));
    }

    [Theory]
    [InlineData(null, "2.14.5", -1L)]
    [InlineData(0L, "2.14.5", -1L)]
    [InlineData(5L, "2.14.5", 5L)]
    [InlineData(-1L, "2.9.0", -1L)]
    [InlineData(-3L, "2.11.0", -3L)]
    [InlineData(-3L, "2.12.0", -1L)]
    public void MaxDeliver(long? maxDeliver, string version, long expected)
    {
        var consumer = SafeConsumer().With(c => c.MaxDeliver = maxDeliver is { } md ? Known(md, "md") : default);
        Assert.Equal(expected, EffectiveConsumer.MaxDeliver(consumer, ServerVersion.Parse(version)));
    }

    [Fact]
    public void MaxDeliver_Unknown() =>
        Assert.Null(EffectiveConsumer.MaxDeliver(SafeConsumer().With(c => c.MaxDeliver = Unknown<long>("md")), ServerVersion.Newest));

    [Fact]
    public void KnownBackoff()
    {
        Assert.Equal(3, EffectiveConsumer.KnownBackoff(SafeConsumer())!.Count);
        Assert.Null(EffectiveConsumer.KnownBackoff(SafeConsumer().With(c => c.Backoff = List<long>("b"))));
        Assert.Null(EffectiveConsumer.KnownBackoff(SafeConsumer().With(c => c.Backoff = default)));
        Assert.Null(EffectiveConsumer.KnownBackoff(SafeConsumer().With(c => c.Backoff = Unknown<System.Collections.Generic.IReadOnlyList<long>>("b"))));
    }

    [Fact]
    public void IsPushAndDisplayName()
    {
        Assert.False(SafeConsumer().IsPush);
        Assert.True(SafePushConsumer().IsPush);
        Assert.False(SafeConsumer().With(c => c.DeliverSubject = Known("", "d")).IsPush);
        Assert.Null(SafeConsumer().With(c => c.DeliverSubject = Unknown<string>("d")).IsPush);

        Assert.Equal("worker", SafeConsumer().DisplayName);
        Assert.Equal("dur", SafeConsumer().With(c => { c.Name = Known("eph", "n"); c.DurableName = Known("dur", "d"); }).DisplayName);
        Assert.Equal("eph", SafeConsumer().With(c => { c.Name = Known("eph", "n"); c.DurableName = Known("", "d"); }).DisplayName);
        Assert.Null(SafeConsumer().With(c => { c.Name = default; c.DurableName = Unknown<string>("d"); }).DisplayName);
    }
}
