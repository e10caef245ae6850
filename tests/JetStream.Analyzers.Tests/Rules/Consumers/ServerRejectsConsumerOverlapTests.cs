using System;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Consumers;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

/// <summary>Issue 15, item 7: JS2100's filter overlaps through a trie, and at most 100 pairs quoted per verdict.</summary>
public sealed class ServerRejectsConsumerOverlapTests
{
    private static readonly ServerRejectsConsumer Rule = new();

    [Theory]
    [InlineData("2.10.14")]
    [InlineData("2.14.5")]
    public async Task TwentyThousandFilters_Finish(string version)
    {
        var filters = Enumerable.Range(0, 20_000).Select(i => $"orders.f{i}").ToArray();

        // The timeout only guards the run; the pairwise loop took 33 s here.
        var findings = await Task.Run(() => Run(Rule, SafeConsumer().With(c => c.FilterSubjects = List("here", filters)), Context(version))).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("2.10.14", "consumer subject filters cannot overlap ('a.*' and 'a.x')", "40,101 more pairs of filters overlap")]
    [InlineData("2.14.5", "consumer subject filters cannot overlap ('a.*' and 'a.x')", null)]
    public void CollisionOrContainment_PerRelease(string version, string first, string? last)
    {
        // 2.10.14 refuses any collision ('x.*' with '*.y'); other releases only containment.
        var filters = new[] { "a.*", "a.x" }.Concat(Enumerable.Range(0, 200).Select(i => $"x{i}.*")).Concat(Enumerable.Range(0, 200).Select(i => $"*.y{i}")).ToArray();

        var reasons = Reasons(Run(Rule, SafeConsumer().With(c => c.FilterSubjects = List("here", filters)), Context(version)));

        Assert.Equal(first, reasons[0]);
        if (last is null)
        {
            Assert.Single(reasons);
        }
        else
        {
            Assert.Equal(101, reasons.Length);
            Assert.Equal(last, reasons[100]);
        }
    }
}
