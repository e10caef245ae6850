using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Tests.Rules.Text;

public class ByteSizesTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1048576", 1048576L)]
    [InlineData("512B", 512L)]
    [InlineData("1K", 1024L)]
    [InlineData("1kb", 1024L)]
    [InlineData("1KiB", 1024L)]
    [InlineData("512MiB", 512L << 20)]
    [InlineData("10GB", 10L << 30)]
    [InlineData(" 2 GiB ", 2L << 30)]
    [InlineData("1T", 1L << 40)]
    [InlineData("3tib", 3L << 40)]
    public void TryParse_Accepts(string text, long expected)
    {
        Assert.True(ByteSizes.TryParse(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("GB")]
    [InlineData("-1")]
    [InlineData("1.5GB")]
    [InlineData("10PB")]
    [InlineData("10 gigabytes")]
    [InlineData("99999999999999999999")]
    public void TryParse_Rejects(string? text) => Assert.False(ByteSizes.TryParse(text, out _));

    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(1000L, "1000 B")]
    [InlineData(1024L, "1 KiB")]
    [InlineData(1536L, "1536 B")]
    [InlineData(1L << 30, "1 GiB")]
    [InlineData(10L << 40, "10 TiB")]
    [InlineData(1L << 50, "1024 TiB")]
    public void Format(long bytes, string expected) => Assert.Equal(expected, ByteSizes.Format(bytes));
}
