using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using JetStream.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace JetStream.Analyzers.Tests.AnalyzerInfrastructure;

public class ModelMemoTests
{
    // Static, as in the analyzers: each memo takes one of a fixed number of slots for good.
    private static readonly ModelMemo<string, object> First = new();
    private static readonly ModelMemo<string, object> Second = new();

    [Fact]
    public void Computes_once_per_model_and_key()
    {
        var model = NewModel();
        var computed = 0;
        var one = First.GetOrAdd(model, "key", 0, (_, _) => { Interlocked.Increment(ref computed); return new object(); });
        var again = First.GetOrAdd(model, "key", 0, (_, _) => { Interlocked.Increment(ref computed); return new object(); });
        var other = First.GetOrAdd(model, "other", 0, (_, _) => { Interlocked.Increment(ref computed); return new object(); });

        Assert.Same(one, again);
        Assert.NotSame(one, other);
        Assert.Equal(2, computed);
    }

    [Fact]
    public void Memos_of_one_model_and_models_of_one_memo_keep_their_own_entries()
    {
        var model = NewModel();
        var otherModel = NewModel();
        var first = First.GetOrAdd(model, "key", 0, (_, _) => new object());
        var second = Second.GetOrAdd(model, "key", 0, (_, _) => new object());
        var firstOnOtherModel = First.GetOrAdd(otherModel, "key", 0, (_, _) => new object());

        Assert.NotSame(first, second);
        Assert.NotSame(first, firstOnOtherModel);
        Assert.Same(second, Second.GetOrAdd(model, "key", 0, (_, _) => new object()));
    }

    [Fact]
    public void Concurrent_callers_all_get_the_first_stored_result()
    {
        var model = NewModel();
        var results = new ConcurrentBag<object>();
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 100; i++)
            {
                results.Add(First.GetOrAdd(model, "key" + i % 10, 0, (_, _) => new object()));
                results.Add(Second.GetOrAdd(model, "key" + i % 10, 0, (_, _) => new object()));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(20, results.Distinct().Count());
    }

    private static SemanticModel NewModel()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }");
        return CSharpCompilation.Create("memo", new[] { tree }).GetSemanticModel(tree);
    }
}
