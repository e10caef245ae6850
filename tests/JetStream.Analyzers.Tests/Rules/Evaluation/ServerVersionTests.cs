using System;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Tests.Rules.Evaluation;

public class ServerVersionTests
{
    [Theory]
    [InlineData("2.10", 2, 10, 0)]
    [InlineData("2.10.14", 2, 10, 14)]
    [InlineData("v2.9.10", 2, 9, 10)]
    [InlineData("V2.9.10", 2, 9, 10)]
    [InlineData(" 2.11.0 ", 2, 11, 0)]
    [InlineData("2.11.0-RC.1", 2, 11, 0)]
    [InlineData("2.12.1+build.7", 2, 12, 1)]
    [InlineData("3.0", 3, 0, 0)]
    [InlineData("2.010.1", 2, 10, 1)]
    public void TryParse_Accepts(string text, int major, int minor, int patch)
    {
        Assert.True(ServerVersion.TryParse(text, out var version));
        Assert.Equal(new ServerVersion(major, minor, patch), version);
        Assert.Equal(version, ServerVersion.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2")]
    [InlineData("v")]
    [InlineData("2.")]
    [InlineData(".10")]
    [InlineData("2.10.1.4")]
    [InlineData("2.x")]
    [InlineData("2.-1")]
    [InlineData("+2.10")]
    [InlineData("two.ten")]
    [InlineData("-RC.1")]
    [InlineData("99999999999.1")]
    public void TryParse_Rejects(string? text)
    {
        Assert.False(ServerVersion.TryParse(text, out var version));
        Assert.Equal(default, version);
    }

    [Fact]
    public void Parse_ThrowsOnGarbage() => Assert.Throws<FormatException>(() => ServerVersion.Parse("latest"));

    [Fact]
    public void Comparisons()
    {
        var v = new ServerVersion(2, 10, 14);
        Assert.True(v.AtLeast(2, 10));
        Assert.True(v.AtLeast(2, 10, 14));
        Assert.False(v.AtLeast(2, 10, 15));
        Assert.False(v.AtLeast(2, 11));
        Assert.True(v.AtLeast(1, 99, 99));
        Assert.True(v.Before(2, 11));
        Assert.True(v.Before(3, 0));
        Assert.False(v.Before(2, 10, 14));
        Assert.True(new ServerVersion(2, 9, 99).CompareTo(v) < 0);
        Assert.True(new ServerVersion(3, 0, 0).CompareTo(v) > 0);
        Assert.Equal(0, ServerVersion.Parse("2.10.14").CompareTo(v));
    }

    [Fact]
    public void EqualityAndText()
    {
        Assert.Equal(new ServerVersion(2, 12, 0), ServerVersion.Parse("v2.12"));
        Assert.True(new ServerVersion(2, 12, 0).Equals((object)ServerVersion.Parse("2.12.0")));
        Assert.False(new ServerVersion(2, 12, 0).Equals("2.12.0"));
        Assert.Equal(new ServerVersion(2, 12, 0).GetHashCode(), ServerVersion.Parse("2.12.0").GetHashCode());
        Assert.NotEqual(new ServerVersion(2, 12, 0).GetHashCode(), new ServerVersion(2, 12, 1).GetHashCode());
        Assert.Equal("2.9.0", ServerVersion.Parse("v2.9").ToString());
    }

    [Fact]
    public void Newest_IsTheDefaultTarget()
    {
        Assert.Equal("2.15.1", ServerVersion.Newest.ToString());
        Assert.Equal(ServerVersion.Newest, RuleContext.Default.ServerVersion);
    }
}
