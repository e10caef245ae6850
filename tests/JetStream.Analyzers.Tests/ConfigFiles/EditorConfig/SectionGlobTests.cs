using System;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.ConfigFiles.EditorConfig;

public class SectionGlobTests
{
    [Theory]
    [InlineData("*.json", "/streams/orders.json", true)]
    [InlineData("*.json", "/orders.yaml", false)]
    [InlineData("streams/*.json", "/streams/orders.json", true)]
    [InlineData("streams/*.json", "/streams/deep/orders.json", false)]
    [InlineData("streams/**.json", "/streams/deep/orders.json", true)]
    [InlineData("/orders.json", "/orders.json", true)]
    [InlineData("/orders.json", "/streams/orders.json", false)]
    [InlineData("file{1..12}.yml", "/file12.yml", true)]
    [InlineData("file{1..12}.yml", "/file13.yml", false)]
    [InlineData("n{-5..-1}.json", "/n-3.json", true)]
    [InlineData("{a,{b,c}}.json", "/c.json", true)]
    [InlineData("[!a-c]x", "/dx", true)]
    [InlineData("[!a-c]x", "/bx", false)]
    [InlineData("\\{x\\}", "/{x}", true)]
    public void MatchesAsTheCompilerDoes(string section, string relativePath, bool expected) =>
        Assert.Equal(expected, SectionGlob.TryCompile(section)!.IsMatch(relativePath));

    [Theory]
    [InlineData("[]")]
    [InlineData("[!]")]
    [InlineData("[z-a]")]
    [InlineData("{1..99999999999}")]
    [InlineData("{٣..٥}")]
    [InlineData("{a,b")]
    [InlineData("a,b")]
    [InlineData("a}")]
    [InlineData("x\\")]
    public void InvalidNames_CompileToNothing(string section) => Assert.Null(SectionGlob.TryCompile(section));

    [Fact]
    public async Task RepeatedDoubleStars_MatchALongNameAtOnce()
    {
        var glob = SectionGlob.TryCompile(string.Concat(Enumerable.Repeat("**a", 14)) + "**c")!;
        var name = "/" + new string('a', 60);
        var matches = Task.Run(() => (glob.IsMatch(name), glob.IsMatch(name + "c")));
        Assert.Equal((false, true), await matches.WaitAsync(TimeSpan.FromMinutes(1))); // the timeout guards against a hang; speed is not tested
    }

    [Fact]
    public void BadSectionHeaders_CostOtherSectionsNothing()
    {
        using var repo = new ConfigRepo()
            .With(".editorconfig", "root = true\n[[]]\nbad = 1\n[[!]]\nbad = 2\n[[z-a]]\nbad = 3\n[{1..99999999999}]\nbad = 4\n[{٣..٥}]\nbad = 5\n[*.json]\njetstream_min_replicas = 4\n")
            .With("orders.json", "{}");
        var resolver = new EditorConfigResolver();

        var properties = resolver.PropertiesFor(repo.PathOf("orders.json"));

        Assert.Equal("4", properties["jetstream_min_replicas"]);
        Assert.False(properties.ContainsKey("bad"));
        Assert.Equal(new[] { 2, 4, 6, 8, 10 }, resolver.InvalidSections.Select(s => s.Line).OrderBy(l => l));
    }
}
