using System.Linq;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Tests.Rules.Text;

public sealed class NamesTests
{
    [Theory]
    [InlineData("ORDERS", "orders")] // case only, any length
    [InlineData("ABC", "abc")]
    [InlineData("ORDERS", "ORDRES")] // neighbours swapped
    [InlineData("ORDERS", "ORDER")] // one removed
    [InlineData("ORDERS", "ORDERSS")] // one inserted
    [InlineData("ORDERS", "OXDERS")] // one replaced
    [InlineData("ORDERS", "ordres")] // swap and case
    [InlineData("ORDERS_EU", "ORDERS-EU")]
    public void NearMisses(string a, string b)
    {
        Assert.True(Names.IsNearMiss(a, b));
        Assert.True(Names.IsNearMiss(b, a));
    }

    [Theory]
    [InlineData("ORDERS", "ORDERS")] // the same name is no miss
    [InlineData("ORDERS_1", "ORDERS_2")] // a differing digit is a different stream
    [InlineData("ORDERS", "ORDERS2")]
    [InlineData("ORDERS_12", "ORDERS_21")]
    [InlineData("ABC", "ABD")] // too short for an edit
    [InlineData("ABC", "AB")]
    [InlineData("JOBS", "JOB")] // an edit needs 4+ characters on both sides
    [InlineData("ORDERS", "ORDRSE")] // two edits
    [InlineData("ORDERS", "SREDRO")]
    [InlineData("ORDERS", "ORD")]
    [InlineData("ORDERS", "PAYMENTS")]
    public void NotNearMisses(string a, string b)
    {
        Assert.False(Names.IsNearMiss(a, b));
        Assert.False(Names.IsNearMiss(b, a));
    }

    [Fact]
    public void Index_FindsWhatTheComparisonFinds()
    {
        var names = new[] { "ORDERS", "orders", "ORDERS_1", "ORDERS_2", "PAYMENTS", "JOBS", "JOB", "AAAB", "ABC" };
        var index = new NearMissIndex<string>();
        foreach (var name in names)
        {
            index.Add(name, name);
        }

        foreach (var query in names.Concat(new[] { "ORDRES", "ORDER", "PAYMNETS", "ORDERS_3", "AAB", "AAAAB", "abc", "XYZ" }))
        {
            var expected = names.Where(n => Names.IsNearMiss(query, n)).OrderBy(n => n, System.StringComparer.Ordinal);
            Assert.Equal(expected, index.Find(query).OrderBy(n => n, System.StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Index_ReturnsEveryItemOfANameOnce()
    {
        var index = new NearMissIndex<int>();
        index.Add("ORDERS", 1);
        index.Add("ORDERS", 2);
        index.Add("ORDRES", 3);

        Assert.Equal(new[] { 1, 2 }, index.Find("ORDRES").OrderBy(i => i));
        Assert.Equal(new[] { 3 }, index.Find("ORDERS"));
    }
}
