using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Tests.Rules.Text;

/// <summary>Subject transforms as each release's transform constructor and mapping check build them.</summary>
public class SubjectTransformsTests
{
    [Theory]
    [InlineData("a.*", "b.$1", "2.9.10", true)]
    [InlineData("a.*.*", "b.$1", "2.9.10", false)] // 2.9: every '*' must be referenced
    [InlineData("a.*.*", "b.$1", "2.10.27", true)]
    [InlineData("*.*", "rp.$x", "2.9.10", false)]
    [InlineData("*.*", "rp.$x", "2.10.27", true)] // from 2.10 "$x" is a literal token
    [InlineData("a.>", "b.{{wildcard(0)}}.>", "2.10.27", false)] // no '*' in the source: no function until 2.12
    [InlineData("a.>", "b.{{wildcard(0)}}.>", "2.15.1", true)]
    [InlineData("a.b", "c.$1", "2.10.27", false)]
    [InlineData("a.b", "c.{{partition(3)}}", "2.10.27", false)]
    [InlineData("a.b", "c.{{partition(3)}}", "2.15.1", true)] // a partition of the whole subject, 2.12+
    [InlineData("a.b", "c.{{random(10)}}", "2.15.1", true)]
    [InlineData("a.*", "c.{{random(10)}}", "2.11.0", false)] // random arrived in 2.12
    [InlineData("a.*", "c.{{Wildcard( 1 )}}", "2.15.1", true)]
    [InlineData("a.*", "c.{{WILDCARD(1)}}", "2.15.1", false)] // only the first letter may change case
    [InlineData("a.*", "c.{{wildcard(2)}}", "2.15.1", false)]
    [InlineData("a.*", "c.{{left(1,2)}}", "2.10.27", true)]
    [InlineData("a.*", "c.{{split(1,-)}}", "2.15.1", true)]
    [InlineData("a.*", "c.{{split(1,a b)}}", "2.15.1", false)]
    [InlineData("a.*", "c.*", "2.15.1", false)]
    [InlineData("a.>", "c.d", "2.15.1", false)]
    [InlineData("", "c.>", "2.15.1", true)]
    public void IsValid(string src, string dest, string version, bool valid) =>
        Assert.Equal(valid, SubjectTransforms.IsValid(src, dest, ServerVersion.Parse(version)));

    [Theory]
    [InlineData("a.*", "c.$1", true)]
    [InlineData("a.*", "c d.$1", false)] // whitespace in a destination token
    [InlineData("a.*", "c.{{foo(1)}}", false)]
    [InlineData("a.*", "", true)] // no destination: no transform
    public void IsValidMapping(string src, string dest, bool valid) =>
        Assert.Equal(valid, SubjectTransforms.IsValidMapping(src, dest, ServerVersion.Parse("2.15.1")));
}
