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
