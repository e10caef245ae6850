using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;

namespace JetStream.Analyzers.Tests.ConfigFiles.Documents;

public sealed class YamlDocumentParserTests
{
    [Fact]
    public void Flow_lists_and_mappings_end_at_their_closing_bracket()
    {
        var parsed = YamlDocumentParser.Parse("s.yaml", "name: ORDERS\nsubjects: [\"orders.>\", returns.>]\nplacement: {cluster: C1}\nmax_age: 1h\n");

        var root = Assert.IsType<MappingNode>(Assert.Single(parsed.Documents));
        Assert.Equal("s.yaml(2,11,2,34)", root["subjects"]!.Span.ToString());
        Assert.Equal("s.yaml(3,12,3,25)", root["placement"]!.Span.ToString());
    }

    [Fact]
    public void Block_lists_end_where_the_next_content_starts()
    {
        var parsed = YamlDocumentParser.Parse("s.yaml", "subjects:\n  - orders.>\n  - returns.>\nmax_age: 1h\n");

        var root = Assert.IsType<MappingNode>(parsed.Documents.Single());
        Assert.Equal("s.yaml(2,3,4,1)", root["subjects"]!.Span.ToString());
    }
}

/// <summary>Issue 15, items 13 and 16: a byte order mark is not content, and errors at the end stay inside the file.</summary>
public sealed class YamlDocumentParserBadInputTests
{
    [Fact]
    public void ByteOrderMark_IsNotPartOfTheFirstKey()
    {
        var parsed = YamlDocumentParser.Parse("s.yaml", "\uFEFFname: ORDERS\nsubjects: [orders.>]\n");

        var root = Assert.IsType<MappingNode>(Assert.Single(parsed.Documents));
        Assert.Equal("name", root.Entries[0].Key.Text);
        Assert.Equal("s.yaml(1,1,1,5)", root.Entries[0].Key.Span.ToString());
    }

    [Theory]
    [InlineData("name: E\nsubjects: [")]
    [InlineData("name: E\nsubjects: [\n")]
    [InlineData("name: E\r\nsubjects: [\r\n\r\n")]
    public void ErrorAtTheEnd_IsOnTheLastLineWithContent(string text)
    {
        var parsed = YamlDocumentParser.Parse("s.yaml", text);

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(2, problem.Span.Line);
        Assert.InRange(problem.Span.Column, 1, "subjects: [".Length + 1);
        Assert.InRange(problem.Span.EndLine, 1, 2);
    }
}

/// <summary>Found by the fuzz test: a block mapping that runs to the end of the input ended on a line past the last.</summary>
public sealed class YamlDocumentParserSpanTests
{
    [Fact]
    public void BlockMappingToTheEndOfInput_EndsInsideTheFile()
    {
        var parsed = YamlDocumentParser.Parse("s.yaml", "apiVersion: v1\nkind: Stream\nmetadata:\n  name: ev");

        Assert.Equal("s.yaml(1,1,4,11)", Assert.Single(parsed.Documents).Span.ToString());
    }
}
