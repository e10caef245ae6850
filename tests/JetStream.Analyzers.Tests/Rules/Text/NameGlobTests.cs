using System;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Tests.Rules.Text;

public sealed class NameGlobTests
{
    [Theory]
    [InlineData("ORDERS", "ORDERS", true)]
    [InlineData("ORDERS", "ORDERS2", false)]
    [InlineData("ORD*", "ORDERS", true)]
    [InlineData("*ERS", "ORDERS", true)]
    [InlineData("O?DERS", "ORDERS", true)]
    [InlineData("O?DERS", "ODERS", false)]
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    [InlineData("a*b*c", "aXbYc", true)]
    [InlineData("a*b*c", "aXbYd", false)]
    [InlineData("**", "anything", true)]
    [InlineData("[A-Z]*", "ORDERS", false)] // no character classes: '[' is literal
    [InlineData("a.b", "aXb", false)]
    public void Matches_AsDocumented(string pattern, string name, bool expected) => Assert.Equal(expected, new NameGlob(pattern).IsMatch(name));

    [Fact]
    public async Task StarHeavyPattern_AgainstALongName_Finishes()
    {
        // Issue 15, item 5: a backtracking regex never finished this; the timeout only guards the run.
        var options = new RuleOptions(key => key == "jetstream_critical_streams" ? "*a*a*a*a*a*a*a*a*a*a*a*a*b" : null);

        var critical = await Task.Run(() => options.IsCriticalStream(new string('a', 40))).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.False(critical);
        Assert.True(options.IsCriticalStream(new string('a', 40) + "b"));
    }
}
