using System.Globalization;
using System.Threading;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Tests.Rules.Evaluation;

public class FindingTests
{
    [Fact]
    public void Message_IsFormattedWithTheInvariantCulture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var finding = new Finding(RuleCatalog.ExcessiveFilterSubjects, "o", new object?[] { "Consumer 'c'", 1234.5, 10 });
            Assert.Equal("Consumer 'c' has 1234.5 filter subjects (more than 10); each one adds matching work on the server for every message. Use fewer, broader filters or wildcards.", finding.Message);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Defaults()
    {
        var finding = new Finding(RuleCatalog.DiscardNew, null, new object?[] { "Stream 'S'" });
        Assert.Equal(RuleSeverity.Info, finding.Severity);
        Assert.Empty(finding.Properties);
        Assert.StartsWith("JS1007: Stream 'S' uses", finding.ToString());
        Assert.Equal(RuleSeverity.Warning, new Finding(RuleCatalog.DiscardNew, null, new object?[] { "x" }, RuleSeverity.Warning).Severity);
    }

    [Fact]
    public void FixProperties_SecondValueDefaultsToTheFirst()
    {
        var one = FixProperties.Create("deny_delete", "true");
        Assert.Equal(2, one.Count);
        var two = FixProperties.Create("deny_delete", "true", "deny_purge");
        Assert.Equal("deny_purge", two[FixProperties.SecondField]);
        Assert.Equal("true", two[FixProperties.SecondValue]);
        var different = FixProperties.Create("flow_control", "true", "idle_heartbeat", "5000000000");
        Assert.Equal("5000000000", different[FixProperties.SecondValue]);
    }
}
