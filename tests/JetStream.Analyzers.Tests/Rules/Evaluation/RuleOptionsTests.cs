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

    [Theory]
    [InlineData(OptionKeys.MinReplicas, "abc", "a whole number from 1 to 5", "the rules use the default, 3")]
    [InlineData(OptionKeys.MinReplicas, "", "a whole number from 1 to 5", "the rules use the default, 3")]
    [InlineData(OptionKeys.MinAckWait, "99999999999", "a duration of at least 0s", "the rules use the default, 1s")]
    [InlineData(OptionKeys.MinAckWait, "99999999999d", "a duration of at least 0s", "the rules use the default, 1s")]
    [InlineData(OptionKeys.DefaultMaxBytes, "99999999999TB", "a positive size", "the rules use the default, 1 GiB")]
    [InlineData(OptionKeys.DefaultBackoff, "1s,,5s", "a comma-separated list of positive durations", "the rules use the default, 1s, 10s, 1m")]
    [InlineData(OptionKeys.DefaultMaxDeliver, "0", "a whole number from 1 to 2147483647", "the rules use the default, 5")]
    public void InvalidValues_AreProblems_AndTheDefaultApplies(string key, string value, string expected, string outcome)
    {
        var problem = Assert.Single(With(key, value).Problems());
        Assert.Equal(key, problem.Key);
        Assert.Equal(value, problem.Value);
        Assert.StartsWith(expected, problem.Expected, System.StringComparison.Ordinal);
        Assert.Equal(outcome, problem.Outcome);
    }

    [Theory]
    [InlineData(OptionKeys.MaxConsumerPending, "-1", "a whole number of at least 0", "the rules use the default, 10000")]
    [InlineData(OptionKeys.MaxRedeliveredRatio, "1.5", "a share from 0 to 1", "the rules use the default, 0.05")]
    [InlineData(OptionKeys.StreamFillWarning, "95", "a share from 0 to 1", "the rules use the default, 0.95")]
    [InlineData(OptionKeys.MaxMirrorLag, "lots", "a whole number of at least 0", "the rules use the default, 10000")]
    [InlineData(OptionKeys.MaxMirrorInactive, "0s", "a duration of at least 1ns", "the rules use the default, 1m")]
    [InlineData(OptionKeys.MaxConsumersPerStream, "1e3", "a whole number of at least 0", "the rules use the default, 1000")]
    [InlineData(OptionKeys.MaxConsumersPerAccount, "", "a whole number of at least 0", "the rules use the default, 100000")]
    [InlineData(OptionKeys.AccountFillWarning, "110%", "a share from 0 to 1", "the rules use the default, 0.9")]
    public void InvalidHealthThresholds_AreProblems_AndTheDefaultApplies(string key, string value, string expected, string outcome) =>
        InvalidValues_AreProblems_AndTheDefaultApplies(key, value, expected, outcome);

    [Fact]
    public void HealthThresholds_ReadSharesAsNumbersOrPercentages()
    {
        Assert.Equal(0.9, With(OptionKeys.AccountFillWarning, "90%").AccountFillWarning, 6);
        Assert.Equal(0.1, With(OptionKeys.MaxRedeliveredRatio, " 0.1 ").MaxRedeliveredRatio, 6);
        Assert.Equal(0.95, With(OptionKeys.StreamFillWarning, "nope").StreamFillWarning, 6);
        Assert.Equal(5 * Durations.Minute, With(OptionKeys.MaxMirrorInactive, "5m").MaxMirrorInactive);
        Assert.Equal(0, With(OptionKeys.MaxConsumerPending, "0").MaxConsumerPending);
    }

    [Fact]
    public void AnOverflowingAckWait_IsNotWrappedAround()
    {
        // 99999999999 s in nanoseconds overflows a long; it used to wrap to a negative number.
        Assert.Equal(Durations.Second, With(OptionKeys.MinAckWait, "99999999999").MinAckWait);
        Assert.False(Durations.TryParse("99999999999", out _));
        Assert.True(Durations.TryParse("9223372036", out var most));
        Assert.Equal(9223372036 * Durations.Second, most);
    }

    [Fact]
    public void ValidAndAbsentValues_AreNoProblem()
    {
        Assert.Empty(RuleOptions.Default.Problems());
        Assert.Empty(With(OptionKeys.MinReplicas, "5").Problems());
        Assert.Empty(With(OptionKeys.CriticalStreams, "").Problems());
    }

    [Theory]
    [InlineData("2.10.14", null, "2.10.14", 0)]
    [InlineData("latest", "2.9.10", "2.9.10", 1)]
    [InlineData("", null, null, 1)]
    [InlineData(null, "2.x", null, 1)]
    [InlineData("v2.11", "2.x", "2.11.0", 1)]
    [InlineData(null, "", null, 0)]
    public void ServerVersion_EditorConfigThenPropertyThenNewest_NamingWhatIsInvalid(string? editorConfig, string? property, string? expected, int problems)
    {
        var found = new List<ConfigurationProblem>();
        var version = ConfigurationChecks.ResolveServerVersion(editorConfig, property, found);
        Assert.Equal(expected ?? ServerVersion.Newest.ToString(), version.ToString());
        Assert.Equal(problems, found.Count);
    }
}
