using System.Linq;
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
    public void DisplayAll_ListsUpToTheCap()
    {
        var frontEnd = new DefinitionSets.CompilationFrontEnd();
        Assert.Equal("Setup.cs@a, Setup.cs@b", frontEnd.DisplayAll(new object?[] { "a", "b" }, 2));
        Assert.EndsWith("Setup.cs@9 and 1,990 more", frontEnd.DisplayAll(Enumerable.Range(0, 2_000).Select(i => (object?)i.ToString()), 2_000));
    }
}
