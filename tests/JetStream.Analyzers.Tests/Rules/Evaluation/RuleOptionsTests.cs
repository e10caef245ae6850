using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Tests.Rules.Evaluation;

public class RuleOptionsTests
{
    private static RuleOptions With(string key, string? value) =>
        new(k => k == key ? value : null);

    [Fact]
    public void Defaults()
    {
        var options = RuleOptions.Default;
        Assert.Equal(3, options.MinReplicas);
        Assert.Equal(10, options.MaxFilterSubjects);
        Assert.Equal(Durations.Second, options.MinAckWait);
        Assert.Equal(1L << 30, options.DefaultMaxBytes);
        Assert.Equal(7 * Durations.Day, options.DefaultMaxAge);
        Assert.Equal(5, options.DefaultMaxDeliver);
        Assert.Equal(new[] { Durations.Second, 10 * Durations.Second, Durations.Minute }, options.DefaultBackoff);
        Assert.False(options.IsCriticalStream("ORDERS"));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData(" 4 ", 4)]
    [InlineData("0", 3)]
    [InlineData("6", 3)]
    [InlineData("-1", 3)]
    [InlineData("three", 3)]
    [InlineData("", 3)]
    [InlineData(null, 3)]
    public void MinReplicas(string? value, int expected) => Assert.Equal(expected, With(OptionKeys.MinReplicas, value).MinReplicas);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("250", 250)]
    [InlineData("0", 10)]
    [InlineData("2147483648", 10)]
    [InlineData("many", 10)]
    public void MaxFilterSubjects(string value, int expected) => Assert.Equal(expected, With(OptionKeys.MaxFilterSubjects, value).MaxFilterSubjects);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("5s", 5 * Durations.Second)]
    [InlineData("250ms", 250 * Durations.Millisecond)]
    [InlineData("2", 2 * Durations.Second)]
    [InlineData("1m30s", 90 * Durations.Second)]
    [InlineData("-1s", Durations.Second)]
    [InlineData("soon", Durations.Second)]
    public void MinAckWait(string value, long expected) => Assert.Equal(expected, With(OptionKeys.MinAckWait, value).MinAckWait);

    [Theory]
    [InlineData("100ms", 100 * Durations.Millisecond)]
    [InlineData("99ms", 7 * Durations.Day)]
    [InlineData("0", 7 * Durations.Day)]
    [InlineData("30d", 30 * Durations.Day)]
    public void DefaultMaxAge(string value, long expected) => Assert.Equal(expected, With(OptionKeys.DefaultMaxAge, value).DefaultMaxAge);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("0", 1L << 30)]
    [InlineData("2GiB", 2L << 30)]
    [InlineData("huge", 1L << 30)]
    public void DefaultMaxBytes(string value, long expected) => Assert.Equal(expected, With(OptionKeys.DefaultMaxBytes, value).DefaultMaxBytes);

    [Theory]
    [InlineData("7", 7)]
    [InlineData("0", 5)]
    [InlineData("x", 5)]
    public void DefaultMaxDeliver(string value, long expected) => Assert.Equal(expected, With(OptionKeys.DefaultMaxDeliver, value).DefaultMaxDeliver);

    public static IEnumerable<object?[]> Backoffs => new[]
    {
        new object?[] { "5s", new[] { 5 * Durations.Second } },
        new object?[] { "1s, 5s ,1m", new[] { Durations.Second, 5 * Durations.Second, Durations.Minute } },
        new object?[] { "1s,,5s", RuleOptions.DefaultBackoffValue },
        new object?[] { "1s,0", RuleOptions.DefaultBackoffValue },
        new object?[] { "1s,never", RuleOptions.DefaultBackoffValue },
        new object?[] { " ", RuleOptions.DefaultBackoffValue },
        new object?[] { null, RuleOptions.DefaultBackoffValue },
    };

    [Theory]
    [MemberData(nameof(Backoffs))]
    public void DefaultBackoff(string? value, IReadOnlyList<long> expected) => Assert.Equal(expected, With(OptionKeys.DefaultBackoff, value).DefaultBackoff);

    [Theory]
    [InlineData("ORDERS", "ORDERS", true)]
    [InlineData("ORDERS", "ORDERS_V2", false)]
    [InlineData("ORDERS*", "ORDERS_V2", true)]
    [InlineData("ORDERS*", "ORDERS", true)]
    [InlineData("*_V?", "ORDERS_V2", true)]
    [InlineData("*_V?", "ORDERS_V10", false)]
    [InlineData("orders", "ORDERS", false)]
    [InlineData("PAY, ORD*", "ORDERS", true)]
    [InlineData("a.b", "a.b", true)]
    [InlineData("a.b", "axb", false)]
    [InlineData("KV_(x)+", "KV_(x)+", true)]
    [InlineData("", "ORDERS", false)]
    [InlineData(",,", "ORDERS", false)]
    public void CriticalStreams(string globs, string name, bool critical) =>
        Assert.Equal(critical, With(OptionKeys.CriticalStreams, globs).IsCriticalStream(name));

    [Fact]
    public void CriticalStreams_NullName_IsNotCritical() =>
        Assert.False(With(OptionKeys.CriticalStreams, "*").IsCriticalStream(null));
}
