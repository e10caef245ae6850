using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Definitions;
using JetStream.Analyzers.Rules.Model;
using static JetStream.Analyzers.Tests.Rules.Definitions.DefinitionSets;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Definitions;

/// <summary>Consumers here know only their stream's name, as in C#; the rule finds the stream through the set.</summary>
public class OverlappingWorkQueueConsumersTests
{
    private static readonly OverlappingWorkQueueConsumers Rule = new();

    private const string Refused = "; each message can go to only one consumer, so the server refuses the second";

    [Fact]
    public void OverlappingFilters_ReportedAtBothConsumers()
    {
        var findings = Run(Rule, Set(new[] { WorkQueue() }, new[] { ConsumerAt("a", "JOBS", "email", "jobs.email.>"), ConsumerAt("b", "JOBS", "all", "jobs.*.*") }, new CompilationFrontEnd()));
        Assert.Equal(new object[] { "a", "b" }, findings.Select(f => f.Origin));
        Assert.All(findings, f => Assert.Equal(RuleIds.OverlappingWorkQueueConsumers, f.Rule.Id));
        Assert.Equal("Consumer 'email' on work-queue stream 'JOBS' has filter 'jobs.email.>', which overlaps filter 'jobs.*.*' of consumer 'all' in Setup.cs@b" + Refused, findings[0].Message);
        Assert.Equal("Consumer 'all' on work-queue stream 'JOBS' has filter 'jobs.*.*', which overlaps filter 'jobs.email.>' of consumer 'email' in Setup.cs@a" + Refused, findings[1].Message);
    }

    [Fact]
    public void UnfilteredConsumers_Reported()
    {
        var two = Run(Rule, Set(new[] { WorkQueue() }, new[] { ConsumerAt("a", "JOBS", "one"), ConsumerAt("b", "JOBS", "two") }));
        Assert.Equal("Consumer 'one' on work-queue stream 'JOBS' is unfiltered, like consumer 'two' in b" + Refused, two[0].Message);

        var mixed = Run(Rule, Set(new[] { WorkQueue() }, new[] { ConsumerAt("a", "JOBS", "email", "jobs.email"), ConsumerAt("b", "JOBS", "all") }));
        Assert.Equal(new object[] { "a", "b" }, mixed.Select(f => f.Origin));
        Assert.Equal("Consumer 'email' on work-queue stream 'JOBS' overlaps (one of them is unfiltered) consumer 'all' in b" + Refused, mixed[0].Message);
    }

    [Fact]
    public void TwoDefinitionsOfOneConsumer_AreOneConsumer_OnlyTheOtherPairsReported()
    {
        var consumers = new[] { ConsumerAt("a", "JOBS", "worker"), ConsumerAt("b", "JOBS", "worker"), ConsumerAt("c", "JOBS", "email", "jobs.email.>") };
        var findings = Run(Rule, Set(new[] { WorkQueue() }, consumers, new CompilationFrontEnd()));
        Assert.Equal(new object[] { "a", "c", "b", "c" }, findings.Select(f => f.Origin)); // each 'worker' with 'email', not with the other 'worker'
    }

    [Fact]
    public void UnnamedConsumers_NamedSo()
    {
        var unnamed = SafeConsumer().With(c => { c.Origin = "b"; c.StreamName = Known("JOBS", "b:stream"); c.DurableName = default; c.Name = default; });
        var findings = Run(Rule, Set(new[] { WorkQueue() }, new[] { ConsumerAt("a", "JOBS", "worker"), unnamed }));
        Assert.Equal("Consumer 'worker' on work-queue stream 'JOBS' is unfiltered, like an unnamed consumer in b" + Refused, findings[0].Message);
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void PairsInOrder_FirstOverlappingFilterNamed()
    {
        var consumers = new[]
        {
            ConsumerAt("a", "JOBS", "a", "other.x", "jobs.>"),
            ConsumerAt("b", "JOBS", "b", "jobs.b.1", "jobs.b.2"),
            ConsumerAt("c", "JOBS", "c"),
        };
        var findings = Run(Rule, Set(new[] { WorkQueue() }, consumers));
        Assert.Equal(new object[] { "a", "b", "a", "c", "b", "c" }, findings.Select(f => f.Origin));
        Assert.StartsWith("Consumer 'a' on work-queue stream 'JOBS' has filter 'jobs.>', which overlaps filter 'jobs.b.1' of consumer 'b'", findings[0].Message);
        Assert.Contains("overlaps (one of them is unfiltered) consumer 'c'", findings[2].Message);
    }

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, Set(new[] { WorkQueue() }, new[] { ConsumerAt("a", "JOBS", "email", "jobs.email.>"), ConsumerAt("b", "JOBS", "sms", "jobs.sms.>") })));
        Assert.Empty(Run(Rule, Set(new[] { WorkQueue().With(s => s.Retention = Known(RetentionPolicy.Limits, "r")) }, new[] { ConsumerAt("a", "JOBS", "one"), ConsumerAt("b", "JOBS", "two") })));
        Assert.Empty(Run(Rule, Set(new[] { WorkQueue() }, new[] { ConsumerAt("a", "JOBS", "one"), ConsumerAt("b", "JOBS", "two").With(c => c.FilterSubject = Unknown<string>("f")) })));
        Assert.Empty(Run(Rule, Set(new[] { WorkQueue() }, new[] { ConsumerAt("a", "JOBS", "one"), ConsumerAt("b", "OTHER", "two") })));

        // Two definitions of JOBS: which one the consumers are created on is not known.
        Assert.Empty(Run(Rule, Set(new[] { WorkQueue(), WorkQueue() }, new[] { ConsumerAt("a", "JOBS", "one"), ConsumerAt("b", "JOBS", "two") })));
    }

    [Fact]
    public void LinkedStream_UsedBeforeTheName()
    {
        var jobs = WorkQueue();
        var linked = new[] { ConsumerAt("a", "JOBS", "one").With(c => c.Stream = jobs), ConsumerAt("b", "JOBS", "two").With(c => c.Stream = jobs) };
        Assert.Equal(2, Run(Rule, Set(new[] { jobs, WorkQueue() }, linked)).Count);
    }
}
