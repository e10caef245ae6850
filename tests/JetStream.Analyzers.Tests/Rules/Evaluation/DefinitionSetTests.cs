using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Tests.Rules.Definitions;
using static JetStream.Analyzers.Tests.Rules.Definitions.DefinitionSets;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Evaluation;

public class DefinitionSetTests
{
    [Fact]
    public void StreamOf_LinkedStream_ElseTheOnlyStreamOfThatName()
    {
        var orders = StreamAt("a", "ORDERS", "orders.>");
        var set = Set(new[] { orders, StreamAt("b", "TWICE", "t.>"), StreamAt("c", "TWICE", "t.>") });
        Assert.Same(orders, set.StreamOf(ConsumerAt("x", "ORDERS", "w")));
        Assert.Null(set.StreamOf(ConsumerAt("x", "TWICE", "w")));
        Assert.Null(set.StreamOf(ConsumerAt("x", "NONE", "w")));
        Assert.Null(set.StreamOf(ConsumerAt("x", "ORDERS", "w").With(c => c.StreamName = Unknown<string>("s"))));

        var linked = StreamAt("d", "ELSEWHERE", "e.>");
        Assert.Same(linked, set.StreamOf(ConsumerAt("x", "TWICE", "w").With(c => c.Stream = linked)));
    }

    [Fact]
    public void StreamOf_WhereRepeatsAreNormal_IdenticalDefinitionsAreOneStream()
    {
        var first = StreamAt("a", "ORDERS", "orders.>", "refunds.>");
        var set = Set(new[] { first, StreamAt("b", "ORDERS", "refunds.>", "orders.>") }, frontEnd: new CompilationFrontEnd());
        Assert.Same(first, set.StreamOf(ConsumerAt("x", "ORDERS", "w")));

        // Files: two definitions of one name are JS4004's, and which one applies is unknown.
        Assert.Null(Set(new[] { first, StreamAt("b", "ORDERS", "refunds.>", "orders.>") }).StreamOf(ConsumerAt("x", "ORDERS", "w")));
    }

    [Theory]
    [InlineData("subjects")]
    [InlineData("retention")]
    [InlineData("unknown subjects")]
    [InlineData("unknown retention")]
    [InlineData("mirror")]
    [InlineData("sources")]
    public void StreamOf_WhereRepeatsAreNormal_DefinitionsThatMayDisagree_NoStream(string difference)
    {
        var other = StreamAt("b", "ORDERS", "orders.>").With(s =>
        {
            switch (difference)
            {
                case "subjects": s.Subjects = List("b:subjects", "orders.eu.>"); break;
                case "retention": s.Retention = Known(RetentionPolicy.WorkQueue, "b:retention"); break;
                case "unknown subjects": s.Subjects = Unknown<IReadOnlyList<string>>("b:subjects"); break;
                case "unknown retention": s.Retention = Unknown<RetentionPolicy>("b:retention"); break;
                case "mirror": s.Mirror = Known(new StreamSourceModel { Name = Known("UPSTREAM", "b:mirror") }, "b:mirror"); break;
                default: s.Sources = List("b:sources", new StreamSourceModel { Name = Known("UPSTREAM", "b:source") }); break;
            }
        });
        var set = Set(new[] { StreamAt("a", "ORDERS", "orders.>"), other }, frontEnd: new CompilationFrontEnd());
        Assert.Null(set.StreamOf(ConsumerAt("x", "ORDERS", "w")));
    }

    [Fact]
    public void DisplayAll_ListsUpToTheCap()
    {
        var frontEnd = new DefinitionSets.CompilationFrontEnd();
        Assert.Equal("Setup.cs@a, Setup.cs@b", frontEnd.DisplayAll(new object?[] { "a", "b" }, 2));
        Assert.EndsWith("Setup.cs@9 and 1,990 more", frontEnd.DisplayAll(Enumerable.Range(0, 2_000).Select(i => (object?)i.ToString()), 2_000));
    }
}
