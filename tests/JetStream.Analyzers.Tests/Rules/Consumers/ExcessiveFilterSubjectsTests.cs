using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Consumers;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Consumers;

public class ExcessiveFilterSubjectsTests
{
    private static readonly ExcessiveFilterSubjects Rule = new();

    private static string[] Filters(int count) => Enumerable.Range(1, count).Select(i => $"orders.{i}").ToArray();

    [Fact]
    public void MoreThanTen_Reported()
    {
        var finding = Single(Run(Rule, SafeConsumer().With(c => c.FilterSubjects = List("here", Filters(11)))));
        Assert.Equal(RuleIds.ExcessiveFilterSubjects, finding.Rule.Id);
        Assert.Equal("here", finding.Origin);
        Assert.Equal("Consumer 'worker' on stream 'ORDERS' has 11 filter subjects (more than 10); each one adds matching work on the server for every message. Use fewer, broader filters or wildcards.", finding.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10)]
    public void UpToTen_NotReported(int count) =>
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.FilterSubjects = List("here", Filters(count)))));

    [Fact]
    public void UnknownOrAbsent_NotReported()
    {
        Assert.Empty(Run(Rule, SafeConsumer()));
        Assert.Empty(Run(Rule, SafeConsumer().With(c => c.FilterSubjects = Unknown<System.Collections.Generic.IReadOnlyList<string>>("here"))));
    }

    [Theory]
    [InlineData("3", 4, true)]
    [InlineData("3", 3, false)]
    [InlineData("100", 50, false)]
    [InlineData("0", 11, true)] // invalid: the default 10
    [InlineData("-4", 11, true)]
    [InlineData("x", 10, false)]
    public void LimitOption(string limit, int count, bool reported) =>
        Assert.Equal(reported, Run(Rule, SafeConsumer().With(c => c.FilterSubjects = List("here", Filters(count))), WithOptions((OptionKeys.MaxFilterSubjects, limit))).Count == 1);
}
