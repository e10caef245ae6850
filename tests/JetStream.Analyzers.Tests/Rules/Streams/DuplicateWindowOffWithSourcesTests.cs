using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Streams;
using JetStream.Analyzers.Rules.Text;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

public class DuplicateWindowOffWithSourcesTests
{
    private static readonly DuplicateWindowOffWithSources Rule = new();

    private static StreamModel Sourcing(ConfigValue<long> window = default) => SafeStream("ALL").With(s =>
    {
        s.Subjects = default;
        s.Sources = ConfigValue<System.Collections.Generic.IReadOnlyList<StreamSourceModel>>.Known(new[] { new StreamSourceModel { Name = Known("ORDERS", "source") } }, "sources");
        s.DuplicateWindow = window;
    });

    [Fact]
    public void NoWindow_OnNewestServer_ReportedOnTheSources()
    {
        var finding = Single(Run(Rule, Sourcing()));
        Assert.Equal(RuleIds.DuplicateWindowOffWithSources, finding.Rule.Id);
        Assert.Equal("sources", finding.Origin);
        Assert.Equal("Stream 'ALL' has sources and no duplicate_window; NATS server 2.15.1 then sets it to 0, which turns message-ID de-duplication off, for the stream's own publishes as well. Set duplicate_window explicitly, e.g. to 2m.", finding.Message);
        Assert.Equal("duplicate_window", finding.Properties[FixProperties.Field]);
        Assert.Equal("120000000000", finding.Properties[FixProperties.Value]);
    }

    [Fact]
    public void ZeroWindow_ReportedOnTheWindow()
    {
        Assert.Equal("dw", Single(Run(Rule, Sourcing(Known(0L, "dw")), Context("2.14.0"))).Origin);
    }

    [Theory]
    [InlineData("2.9.10")]
    [InlineData("2.10.27")]
    [InlineData("2.12.9")]
    public void BeforeTwoFourteen_TheServerDefaultsTheWindow(string version) => Assert.Empty(Run(Rule, Sourcing(), Context(version)));

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, Sourcing(Known(2 * Durations.Minute, "dw"))));
        Assert.Empty(Run(Rule, Sourcing(Unknown<long>("dw"))));
        Assert.Empty(Run(Rule, SafeStream()));
        Assert.Empty(Run(Rule, Sourcing().With(s => s.Sources = Unknown<System.Collections.Generic.IReadOnlyList<StreamSourceModel>>("sources"))));
        Assert.Empty(Run(Rule, Sourcing().With(s => s.Sources = List<StreamSourceModel>("sources"))));
        Assert.Empty(Run(Rule, Sourcing().With(s => s.Kind = StreamKind.KeyValue)));
    }
}
