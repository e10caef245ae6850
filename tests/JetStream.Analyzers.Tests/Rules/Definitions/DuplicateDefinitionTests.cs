using System;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Definitions;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;
using JetStream.Analyzers.Rules.Text;
using static JetStream.Analyzers.Tests.Rules.Definitions.DefinitionSets;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Definitions;

public class DuplicateDefinitionTests
{
    private static readonly DuplicateDefinition Rule = new();

    [Fact]
    public void StreamDefinedTwice_ReportedAtEachDefinition_NamingTheOther()
    {
        var findings = Run(Rule, Set(new[] { StreamAt("a", "ORDERS", "orders.>"), StreamAt("b", "ORDERS", "orders.>"), StreamAt("c", "OTHER", "other.>") }));
        Assert.Equal(new object[] { "a", "b" }, findings.Select(f => f.Origin));
        Assert.All(findings, f => Assert.Equal(RuleIds.DuplicateDefinition, f.Rule.Id));
        Assert.Equal("Stream 'ORDERS' is defined more than once: here and in b", findings[0].Message);
        Assert.Equal("Stream 'ORDERS' is defined more than once: here and in a", findings[1].Message);
    }

    [Fact]
    public void ConsumerDefinedTwiceOnOneStream_Reported_OnTwoStreams_NotReported()
    {
        var findings = Run(Rule, Set(new[] { SafeStream() }, new[] { ConsumerAt("x", "ORDERS", "worker"), ConsumerAt("y", "ORDERS", "worker"), ConsumerAt("z", "OTHER", "worker") }));
        Assert.Equal(new object[] { "x", "y" }, findings.Select(f => f.Origin));
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' is defined more than once: here and in y", findings[0].Message);
    }

    [Fact]
    public void UnknownNames_NotCompared()
    {
        var unnamed = SafeStream().With(s => s.Name = Unknown<string>("name"));
        Assert.Empty(Run(Rule, Set(new[] { unnamed, SafeStream().With(s => s.Name = Unknown<string>("name")) })));
        var onUnknownStream = ConsumerAt("x", "ORDERS", "worker").With(c => c.StreamName = Unknown<string>("s"));
        Assert.Empty(Run(Rule, Set(new[] { SafeStream() }, new[] { onUnknownStream, ConsumerAt("y", "ORDERS", "worker").With(c => c.StreamName = Unknown<string>("s")) })));
    }

    [Fact]
    public void ManyDefinitions_OtherPlacesCapped()
    {
        var streams = Enumerable.Range(0, FindingCaps.RelatedLocations + 3).Select(i => StreamAt($"s{i}", "SAME", "same.>")).ToList();
        var findings = Run(Rule, Set(streams));
        Assert.Equal(streams.Count, findings.Count);
        Assert.EndsWith("here and in s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 and 2 more", findings[0].Message);
    }

    [Fact]
    public void OnlyWhenSettingsDiffer_SameKnownSettings_NotReported()
    {
        var frontEnd = new CompilationFrontEnd();
        Assert.Empty(Run(Rule, Set(new[] { StreamAt("a", "ORDERS", "orders.>"), StreamAt("b", "ORDERS", "orders.>") }, frontEnd: frontEnd)));

        // Unknown or absent on one side is not a difference, nor is the order of subjects.
        var unknownAge = StreamAt("b", "ORDERS", "orders.>").With(s => s.MaxAge = Unknown<long>("max_age"));
        var absentAge = StreamAt("c", "ORDERS", "orders.>").With(s => s.MaxAge = default);
        Assert.Empty(Run(Rule, Set(new[] { StreamAt("a", "ORDERS", "orders.>"), unknownAge, absentAge }, frontEnd: frontEnd)));
        Assert.Empty(Run(Rule, Set(new[] { StreamAt("a", "ORDERS", "orders.a", "orders.b"), StreamAt("b", "ORDERS", "orders.b", "orders.a") }, frontEnd: frontEnd)));
        Assert.Empty(Run(Rule, Set(new[] { SafeStream() }, new[] { ConsumerAt("x", "ORDERS", "worker"), ConsumerAt("y", "ORDERS", "worker") }, frontEnd)));
    }

    [Fact]
    public void OnlyWhenSettingsDiffer_DifferentKnownSettings_ReportedNamingTheFields()
    {
        var longer = StreamAt("b", "ORDERS", "orders.>").With(s => { s.MaxAge = Known(30 * Durations.Day, "max_age"); s.NumReplicas = Known(5L, "num_replicas"); });
        var findings = Run(Rule, Set(new[] { StreamAt("a", "ORDERS", "orders.>"), longer }, frontEnd: new CompilationFrontEnd()));
        Assert.Equal(new object[] { "a", "b" }, findings.Select(f => f.Origin));
        Assert.Equal("Stream 'ORDERS' is defined more than once: here and in Setup.cs@b, with different max_age, num_replicas", findings[0].Message);

        // The front end's field names: NATS.Net property names in C#.
        var csharp = new RuleContext(RuleOptions.Default, ServerVersion.Newest, (json, kind) => FieldSchema.Name(json, NameStyle.CSharp, kind));
        var named = Run(Rule, Set(new[] { StreamAt("a", "ORDERS", "orders.>"), longer }, frontEnd: new CompilationFrontEnd(), context: csharp));
        Assert.EndsWith("with different MaxAge, NumReplicas", named[0].Message);
    }

    [Fact]
    public void OnlyWhenSettingsDiffer_NestedAndListSettings_Compared()
    {
        var frontEnd = new CompilationFrontEnd();
        StreamModel MirrorOf(string origin, string filter) => SafeStream("BACKUP").With(s =>
        {
            s.Origin = origin;
            s.Subjects = default;
            s.Mirror = Known(new StreamSourceModel { Name = Known("ORDERS", "n"), FilterSubject = Known(filter, "f") }, "mirror");
        });

        Assert.EndsWith("with different mirror", Run(Rule, Set(new[] { MirrorOf("a", "orders.eu.>"), MirrorOf("b", "orders.us.>") }, frontEnd: frontEnd))[0].Message);
        Assert.Empty(Run(Rule, Set(new[] { MirrorOf("a", "orders.eu.>"), MirrorOf("b", "orders.eu.>") }, frontEnd: frontEnd)));

        var quicker = ConsumerAt("y", "ORDERS", "worker").With(c => c.Backoff = List("backoff", Durations.Second, 1 * Durations.Minute, 5 * Durations.Minute));
        var findings = Run(Rule, Set(new[] { SafeStream() }, new[] { ConsumerAt("x", "ORDERS", "worker"), quicker }, frontEnd));
        Assert.Equal(2, findings.Count);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' is defined more than once: here and in Setup.cs@y, with different backoff", findings[0].Message);
    }

    [Fact]
    public void EveryComparedModelProperty_NamesAFieldOfTheSchema()
    {
        foreach (var (type, scope) in new[] { (typeof(StreamModel), FieldScope.Stream), (typeof(ConsumerModel), FieldScope.Consumer) })
        {
            foreach (var (property, json) in KnownSettings.Fields(type))
            {
                if (json is "bucket" or "stream_name")
                {
                    continue; // a bucket's name and a consumer's stream: the identity of the definition, not a setting
                }

                var ex = Record.Exception(() => FieldSchema.At(scope, json));
                Assert.True(ex is null, $"{type.Name}.{property} -> '{json}': {ex?.Message}");
            }
        }
    }
}
