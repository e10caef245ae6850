using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Definitions;
using JetStream.Analyzers.Rules.Evaluation;
using static JetStream.Analyzers.Tests.Rules.Definitions.DefinitionSets;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Definitions;

public class ConsumerWithoutStreamTests
{
    private static readonly ConsumerWithoutStream Rule = new();

    [Fact]
    public void StreamNoDefinitionCreates_ReportedAtTheStreamName()
    {
        var finding = Single(Run(Rule, Set(new[] { SafeStream() }, new[] { ConsumerAt("c", "ORDRES", "worker") })));
        Assert.Equal(RuleIds.ConsumerWithoutStream, finding.Rule.Id);
        Assert.Equal("c:stream", finding.Origin);
        Assert.Equal("Consumer 'worker' is for stream 'ORDRES' (did you mean 'ORDERS', defined at name?), which no definition provides", finding.Message);
    }

    [Fact]
    public void FrontEndWording_InTheMessage()
    {
        var finding = Single(Run(Rule, Set(new[] { SafeStream() }, new[] { ConsumerAt("c", "ORDRES", "worker") }, new CompilationFrontEnd())));
        Assert.Equal("Consumer 'worker' is for stream 'ORDRES' (did you mean 'ORDERS', defined at Setup.cs@name?), which is not created or updated in this compilation", finding.Message);
    }

    [Fact]
    public void StreamDefinedOrElsewhereOrUnknown_NotReported()
    {
        Assert.Empty(Run(Rule, Set(new[] { SafeStream() }, new[] { ConsumerAt("c", "ORDERS", "worker") })));
        Assert.Empty(Run(Rule, Set(new[] { SafeStream() }, new[] { ConsumerAt("c", "EU", "worker") }, elsewhere: new[] { "EU" })));
        Assert.Empty(Run(Rule, Set(new[] { SafeStream() }, new[] { ConsumerAt("c", "ORDERS", "worker").With(c => c.StreamName = Unknown<string>("s")) })));
        Assert.Empty(Run(Rule, Set(new[] { SafeStream() }, new[] { ConsumerAt("c", "PAYMENTS", "worker") }, complete: false)));
        Assert.Empty(Run(Rule, Set(new[] { SafeStream("ORDERS_1") }, new[] { ConsumerAt("c", "ORDERS_2", "worker") }, complete: false)));
    }

    [Fact]
    public void StreamsIncomplete_ANearMissIsReported_WithTheStreamItProbablyMeans()
    {
        var finding = Single(Run(Rule, Set(new[] { SafeStream() }, new[] { ConsumerAt("c", "ORDRES", "worker") }, complete: false)));
        Assert.Equal("Consumer 'worker' is for stream 'ORDRES' (did you mean 'ORDERS', defined at name?), which no definition provides", finding.Message);
    }

    [Fact]
    public void ConsumerNamingNoStream_ReportedOnlyWhereTheFrontEndWordsIt()
    {
        var bare = ConsumerAt("c", "ORDERS", "worker").With(c => c.StreamName = default);
        Assert.Empty(Run(Rule, Set(new[] { SafeStream() }, new[] { bare })));

        var finding = Single(Run(Rule, Set(new[] { SafeStream() }, new[] { bare }, new BareFiles())));
        Assert.Equal("c", finding.Origin);
        Assert.Equal("Consumer 'worker' names no stream: keep it beside its stream", finding.Message);
    }

    private sealed class BareFiles : DefinitionSetFrontEnd
    {
        public override string? ConsumerNamesNoStream => "names no stream: keep it beside its stream";
    }
}
