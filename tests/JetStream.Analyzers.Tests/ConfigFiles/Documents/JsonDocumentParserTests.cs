using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;

namespace JetStream.Analyzers.Tests.ConfigFiles.Documents;

/// <summary>Issue 15, items 12 and 16: escapes as strict as RFC 8259, error positions inside the file.</summary>
public sealed class JsonDocumentParserTests
{
    [Theory]
    [InlineData("\\u 41")]
    [InlineData("\\u  41")]
    [InlineData("\\u   4")]
    [InlineData("\\u+041")]
    [InlineData("\\u0x41")]
    public void UnicodeEscapeWithoutFourHexDigits_IsASyntaxError(string escape)
    {
        var parsed = JsonDocumentParser.Parse("s.json", "{\"na" + escape + "me\": \"A\"}");

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal("s.json(1,5,1,6): invalid \\u escape: expected four hexadecimal digits", $"{problem.Span}: {problem.Message}");
    }

    [Fact]
    public void UnicodeEscapeWithFourHexDigits_IsDecoded()
    {
        var parsed = JsonDocumentParser.Parse("s.json", "{\"n\\u0061me\": \"A\"}");

        Assert.Empty(parsed.Problems);
        Assert.Equal("name", ((MappingNode)parsed.Documents.Single()).Entries.Single().Key.Text);
    }

    [Fact]
    public void TruncatedCrlfFile_IsReportedAtTheLastContent()
    {
        var parsed = JsonDocumentParser.Parse("s.json", "{\r\n  \"name\": \"A\",\r\n  \"subjects\": [\r\n");

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal("s.json(3,15,3,16): unexpected end of file: the JSON document is incomplete", $"{problem.Span}: {problem.Message}");
    }

    [Fact]
    public void LineBreakInsideAString_IsAnEmptySpanAtTheEndOfTheLine()
    {
        // Found by the fuzz test: the span ended on the LF of CR LF, a column past the line.
        var parsed = JsonDocumentParser.Parse("s.json", "{\"name\": \"AB\r\nC\"}");

        Assert.Equal("s.json(1,13,1,13)", Assert.Single(parsed.Problems).Span.ToString());
    }

    [Fact]
    public void TruncatedFileWithoutLineBreak_IsReportedAtTheLastCharacter()
    {
        var parsed = JsonDocumentParser.Parse("s.json", "{\"name\": \"A\"");

        Assert.Equal("s.json(1,12,1,13)", Assert.Single(parsed.Problems).Span.ToString());
    }
}
