using System.Diagnostics;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Definitions;
using JetStream.Analyzers.Rules.Evaluation;
using static JetStream.Analyzers.Tests.Rules.Definitions.DefinitionSets;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Definitions;

public class OverlappingStreamSubjectsTests
{
    private static readonly OverlappingStreamSubjects Rule = new();

    [Fact]
    public void OverlappingSubjects_ReportedAtBothStreams_NamingTheOther()
    {
        var findings = Run(Rule, Set(new[] { StreamAt("a", "ORDERS", "orders.>"), StreamAt("b", "EU", "orders.eu.*"), StreamAt("c", "OTHER", "other.>") }, frontEnd: new CompilationFrontEnd()));
        Assert.Equal(new object[] { "a:subjects", "b:subjects" }, findings.Select(f => f.Origin));
        Assert.All(findings, f => Assert.Equal(RuleIds.OverlappingStreamSubjects, f.Rule.Id));
        Assert.StartsWith("Stream 'ORDERS' has subject 'orders.>', which overlaps subject 'orders.eu.*' of stream 'EU' in Setup.cs@b; the server refuses", findings[0].Message);
        Assert.StartsWith("Stream 'EU' has subject 'orders.eu.*', which overlaps subject 'orders.>' of stream 'ORDERS' in Setup.cs@a;", findings[1].Message);
    }

    [Fact]
    public void SameStreamDefinedTwice_IsNoOverlap() =>
        Assert.Empty(Run(Rule, Set(new[] { StreamAt("a", "ORDERS", "orders.>"), StreamAt("b", "ORDERS", "orders.>") })));

    [Fact]
    public void StreamOfUnknownName_MayBeTheOtherCreatedAgain_TakesPartInNothing() =>
        Assert.Empty(Run(Rule, Set(new[] { StreamAt("a", "ORDERS", "orders.>"), StreamAt("b", "ANY", "orders.eu.*").With(s => s.Name = Unknown<string>("b:name")) })));

    [Fact]
    public void DisjointSubjects_NotReported() =>
        Assert.Empty(Run(Rule, Set(new[] { StreamAt("a", "ORDERS", "orders.*"), StreamAt("b", "DEEP", "orders.a.b"), StreamAt("c", "BAD", "orders..x") })));

    [Fact]
    public void SubjectOverlappingManyStreams_OneFinding_OthersCapped()
    {
        var streams = Enumerable.Range(0, 12).Select(i => StreamAt($"s{i}", $"S{i}", $"orders.r{i}.>")).Prepend(StreamAt("all", "ALL", "orders.*.x")).ToList();
        var findings = Run(Rule, Set(streams));
        var all = findings[0];
        Assert.Equal("all:subjects", all.Origin);
        Assert.Contains("of stream 'S0' in s0; it also overlaps 11 more streams: s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 and 1 more; the server refuses", all.Message);
        Assert.Equal(13, findings.Count); // and one at each of the 12 streams, naming ALL
    }

    [Fact]
    public void TenThousandDisjointStreams_NearLinear()
    {
        var streams = Enumerable.Range(0, 10_000).Select(i => StreamAt($"s{i}", $"S{i}", $"orders.r{i}.>")).ToList();
        var set = Set(streams);
        var watch = Stopwatch.StartNew();
        Assert.Empty(Run(Rule, set));
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"{watch.ElapsedMilliseconds} ms");
    }
}
