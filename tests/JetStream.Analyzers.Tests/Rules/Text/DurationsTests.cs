using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Tests.Rules.Text;

public class DurationsTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(999L, "999ns")]
    [InlineData(1_000L, "1µs")]
    [InlineData(1_500L, "1.5µs")]
    [InlineData(1_000_000L, "1ms")]
    [InlineData(1_500_000L, "1.5ms")]
    [InlineData(100_000_000L, "100ms")]
    [InlineData(Durations.Second, "1s")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(1_000_000_001L, "1s")] // fractions beyond a millisecond are rounded away
    [InlineData(30 * Durations.Second, "30s")]
    [InlineData(90 * Durations.Second, "1m30s")]
    [InlineData(Durations.Hour, "1h")]
    [InlineData(Durations.Hour + Durations.Second, "1h1s")]
    [InlineData(7 * Durations.Day, "7d")]
    [InlineData(36 * Durations.Hour, "1d12h")]
    [InlineData(-Durations.Second, "-1s")]
    [InlineData(-1_500_000L, "-1.5ms")]
    public void Format(long nanos, string expected) => Assert.Equal(expected, Durations.Format(nanos));

    [Fact]
    public void Format_Extremes()
    {
        Assert.StartsWith("-", Durations.Format(long.MinValue));
        Assert.EndsWith("s", Durations.Format(long.MaxValue));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("30", 30 * Durations.Second)]
    [InlineData(" 30 ", 30 * Durations.Second)]
    [InlineData("500ms", 500 * Durations.Millisecond)]
    [InlineData("30s", 30 * Durations.Second)]
    [InlineData("2m", 2 * Durations.Minute)]
    [InlineData("1h30m", 90 * Durations.Minute)]
    [InlineData("7d", 7 * Durations.Day)]
    [InlineData("1.5s", 1_500_000_000L)]
    [InlineData("250us", 250 * Durations.Microsecond)]
    [InlineData("250µs", 250 * Durations.Microsecond)]
    [InlineData("10ns", 10L)]
    [InlineData("1m1m", 2 * Durations.Minute)]
    public void TryParse_Accepts(string text, long expected)
    {
        Assert.True(Durations.TryParse(text, out var nanos));
        Assert.Equal(expected, nanos);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("s")]
    [InlineData("-5s")]
    [InlineData("5x")]
    [InlineData("5 s")]
    [InlineData("1.2.3s")]
    [InlineData("PT5S")]
    [InlineData("5S")]
    public void TryParse_Rejects(string? text) => Assert.False(Durations.TryParse(text, out _));

    [Theory]
    [InlineData(500 * Durations.Millisecond)]
    [InlineData(90 * Durations.Second)]
    [InlineData(7 * Durations.Day)]
    [InlineData(36 * Durations.Hour + 5 * Durations.Second)]
    public void FormatThenParse_RoundTrips(long nanos)
    {
        Assert.True(Durations.TryParse(Durations.Format(nanos), out var parsed));
        Assert.Equal(nanos, parsed);
    }
}
