using System.Linq;
using System.Threading;
using JetStream.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace JetStream.Analyzers.Tests.AnalyzerInfrastructure;

public class IdentifierSearchTests
{
    private const string Source = """
        class C
        {
            object consumer;

            void M(object consumerX, object xconsumer)
            {
                var consumer = new object(); // consumer, in a comment
                consumer = @consumer;
                var text = "consumer" + $"{consumer}";
                /* consumer */ Use(consumer, this.consumer, consumerX, xconsumer);
                \u0063onsumer = null;
                void Local() => Use(consumer);
            }

            void Use(params object[] values) { }
        }
        """;

    [Theory]
    [InlineData("consumer")]
    [InlineData("consumerX")]
    [InlineData("Use")]
    [InlineData("missing")]
    public void Finds_what_a_walk_of_the_nodes_finds_in_the_same_order(string name)
    {
        var root = CSharpSyntaxTree.ParseText(Source).GetRoot();
        foreach (var node in root.DescendantNodesAndSelf().Where(n => n is MethodDeclarationSyntax or ClassDeclarationSyntax or BlockSyntax))
        {
            var walked = node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(id => id.Identifier.ValueText == name).ToList();
            var searched = IdentifierSearch.Named(node, name, CancellationToken.None).ToList();
            Assert.Equal(walked, searched);
        }
    }

    [Fact]
    public void Without_escapes_the_text_is_searched_and_still_agrees()
    {
        var root = CSharpSyntaxTree.ParseText(Source.Replace("\\u0063onsumer = null;", string.Empty)).GetRoot();
        var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        var walked = method.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(id => id.Identifier.ValueText == "consumer").ToList();

        Assert.Equal(6, walked.Count);
        Assert.Equal(walked, IdentifierSearch.Named(method, "consumer", CancellationToken.None).ToList());
    }
}
