using System;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Streams;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

/// <summary>Issue 15, items 7 and 8: JS1100's subject overlaps through a trie, and at most 100 pairs quoted per verdict.</summary>
public sealed class ServerRejectsStreamOverlapTests
{
    private static readonly ServerRejectsStream Rule = new();

    [Fact]
    public async Task HundredThousandSubjects_Finish()
    {
        var subjects = Enumerable.Range(0, 100_000).Select(i => $"orders.s{i}.created").ToArray();

        // The timeout only guards the run; the pairwise loop took over 130 s here.
        var findings = await Task.Run(() => Run(Rule, SafeStream().With(s => s.Subjects = List("here", subjects)))).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(findings);
    }

    [Fact]
    public void ThreeHundredEachWay_QuotesAHundredPairsAndCountsTheRest()
    {
        var subjects = Enumerable.Range(0, 300).Select(i => $"i{i}.*").Concat(Enumerable.Range(0, 300).Select(i => $"*.i{i}")).ToArray();

        // '*.iN' also overlaps the JetStream API's subjects; those reasons are not counted here.
        var reasons = Reasons(Run(Rule, SafeStream().With(s => s.Subjects = List("here", subjects)))).Where(r => r.Contains("overlap", StringComparison.Ordinal) && !r.Contains("api", StringComparison.Ordinal)).ToArray();

        Assert.Equal(101, reasons.Length);
        Assert.Equal("subject \"i0.*\" overlaps with \"*.i0\"", reasons[0]);
        Assert.Equal("89,900 more pairs of subjects overlap", reasons[100]);
    }

    [Fact]
    public void FewOverlaps_AreAllQuoted_InListOrder()
    {
        var reasons = Reasons(Run(Rule, SafeStream().With(s => s.Subjects = List("here", "a.*", "b.>", "a.x", "b.c.d"))));

        Assert.Equal(new[] { "subject \"a.*\" overlaps with \"a.x\"", "subject \"b.>\" overlaps with \"b.c.d\"" }, reasons);
    }
}
