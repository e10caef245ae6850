using System;
using System.Linq;
using System.Threading;
using JetStream.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace JetStream.Analyzers.Tests.AnalyzerInfrastructure;

public class InvocationSearchTests
{
    private static readonly InvocationSearch Search = new("Async", "CreateStreamAsync", "GetConsumerAsync");

    [Fact]
    public void Finds_the_calls_of_the_names_in_source_order_and_nothing_else()
    {
        const string Source = """
            class C
            {
                async void M(dynamic js, dynamic other)
                {
                    await js.CreateStreamAsync(1);                 // CreateStreamAsync in a comment
                    await other?.GetConsumerAsync("s", "c");
                    await CreateStreamAsync(2);
                    var text = "CreateStreamAsync(3)";
                    System.Func<object> f = CreateStreamAsync;       // named, not called
                    await js.MyCreateStreamAsync(4);
                    await js.CreateStreamAsyncX(5);
                    await js.Other(CreateStreamAsync(6));
                }

                static object CreateStreamAsync(int n = 0) => n;
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(Source);

        var found = Search.In(tree, CancellationToken.None).Select(i => i.ToString()).ToList();

        // x?.M() is the invocation of the member binding .M() inside the conditional access.
        Assert.Equal(new[] { "js.CreateStreamAsync(1)", ".GetConsumerAsync(\"s\", \"c\")", "CreateStreamAsync(2)", "CreateStreamAsync(6)" }, found);
    }

    [Fact]
    public void Names_only_in_comments_strings_or_longer_identifiers_are_no_calls()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            // CreateStreamAsync()
            class C { string s = "GetConsumerAsync()"; void M() { ReCreateStreamAsync(); } void ReCreateStreamAsync() { } }
            """);
        Assert.Empty(Search.In(tree, CancellationToken.None));
    }

    [Fact]
    public void Every_name_ends_in_the_suffix()
    {
        Assert.Throws<ArgumentException>(() => new InvocationSearch("Async", "CreateStream"));
        Assert.Throws<ArgumentException>(() => new InvocationSearch("Async"));
    }
}
