using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Streams;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

public class NoMaxBytesTests
{
    private static readonly NoMaxBytes Rule = new();

    [Fact]
    public void Absent_ReportedOnTheStream()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.MaxBytes = default)));
        Assert.Equal(RuleIds.NoMaxBytes, finding.Rule.Id);
        Assert.Equal(StreamOrigin, finding.Origin);
        Assert.Equal("Stream 'ORDERS' has no byte limit (max_bytes is not set); it grows until the server's storage is full. Set a maximum size.", finding.Message);
        Assert.Equal("max_bytes", finding.Properties[FixProperties.Field]);
        Assert.Equal("1073741824", finding.Properties[FixProperties.Value]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Unlimited_ReportedOnTheValue(long bytes)
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.MaxBytes = Known(bytes, "here"))));
        Assert.Equal("here", finding.Origin);
        Assert.Contains($"(max_bytes is {bytes})", finding.Message);
    }

    [Fact]
    public void PositiveOrUnknown_NotReported()
    {
        Assert.Empty(Run(Rule, SafeStream().With(s => s.MaxBytes = Known(1L, "here"))));
        Assert.Empty(Run(Rule, SafeStream().With(s => s.MaxBytes = Unknown<long>("here"))));
    }

    [Theory]
    [InlineData(StreamKind.KeyValue, "Key-value bucket 'cfg'")]
    [InlineData(StreamKind.ObjectStore, "Object store 'cfg'")]
    public void Buckets_Reported(StreamKind kind, string subject)
    {
        var finding = Single(Run(Rule, SafeBucket(kind).With(s => s.MaxBytes = default)));
        Assert.StartsWith(subject + " has no byte limit", finding.Message);
    }

    [Theory]
    [InlineData("10GB", "10737418240")]
    [InlineData("512MiB", "536870912")]
    [InlineData("1048576", "1048576")]
    [InlineData("lots", "1073741824")]
    [InlineData("0", "1073741824")]
    public void DefaultMaxBytesOption_GoesIntoTheFix(string option, string value)
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.MaxBytes = default), WithOptions((OptionKeys.DefaultMaxBytes, option))));
        Assert.Equal(value, finding.Properties[FixProperties.Value]);
    }
}
