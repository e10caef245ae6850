using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Streams;
using JetStream.Analyzers.Rules.Text;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

public class NoMaxAgeTests
{
    private static readonly NoMaxAge Rule = new();

    [Fact]
    public void Absent_ReportedOnTheStream()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.MaxAge = default)));
        Assert.Equal(RuleIds.NoMaxAge, finding.Rule.Id);
        Assert.Equal(StreamOrigin, finding.Origin);
        Assert.Equal("Stream 'ORDERS' has no age limit (max_age is not set); messages are kept forever unless another limit removes them. Set a maximum age.", finding.Message);
        Assert.Equal("max_age", finding.Properties[FixProperties.Field]);
        Assert.Equal((7 * Durations.Day).ToString(System.Globalization.CultureInfo.InvariantCulture), finding.Properties[FixProperties.Value]);
    }

    [Fact]
    public void Zero_ReportedOnTheValue()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.MaxAge = Known(0L, "here"))));
        Assert.Equal("here", finding.Origin);
        Assert.Contains("(max_age is 0)", finding.Message);
    }

    [Fact]
    public void SetOrUnknown_NotReported()
    {
        Assert.Empty(Run(Rule, SafeStream().With(s => s.MaxAge = Known(Durations.Second, "here"))));
        Assert.Empty(Run(Rule, SafeStream().With(s => s.MaxAge = Known(-1L, "here")))); // JS1100
        Assert.Empty(Run(Rule, SafeStream().With(s => s.MaxAge = Unknown<long>("here"))));
    }

    [Theory]
    [InlineData(StreamKind.KeyValue)]
    [InlineData(StreamKind.ObjectStore)]
    public void Buckets_Exempt(StreamKind kind) =>
        Assert.Empty(Run(Rule, SafeBucket(kind).With(s => s.MaxAge = Known(0L, "here"))));

    [Theory]
    [InlineData("30d", 30 * Durations.Day)]
    [InlineData("12h", 12 * Durations.Hour)]
    [InlineData("50ms", 7 * Durations.Day)] // below the server's 100ms minimum: default
    [InlineData("forever", 7 * Durations.Day)]
    public void DefaultMaxAgeOption_GoesIntoTheFix(string option, long nanos)
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.MaxAge = default), WithOptions((OptionKeys.DefaultMaxAge, option))));
        Assert.Equal(nanos.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.Properties[FixProperties.Value]);
    }
}
