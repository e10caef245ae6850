using System.Threading.Tasks;
using JetStream.Analyzers.CodeFixes;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.UncheckedPublishAckAnalyzer>;

namespace JetStream.Analyzers.Tests.CodeFixes;

public class ResultErrorCheckCodeFixProviderTests
{
    [Fact]
    public async Task SuccessChecks_AlsoCheckTheServersError()
    {
        var source = Code.InMethod("""
                    var result = await {|JS3003:js.TryPublishAsync("orders.created", "order-1")|};
                    if (!result.Success)
                    {
                        Console.WriteLine("publish failed");
                        return;
                    }

                    var stored = result.Success; // for the log
            """);
        var fixedSource = Code.InMethod("""
                    var result = await js.TryPublishAsync("orders.created", "order-1");
                    if (!(result.Success && result.Value.Error is null))
                    {
                        Console.WriteLine("publish failed");
                        return;
                    }

                    var stored = result.Success && result.Value.Error is null; // for the log
            """);
        await Verify.CodeFixAsync<ResultErrorCheckCodeFixProvider>(source, fixedSource, equivalenceKey: "JS3003");
    }

    [Fact]
    public async Task FixAll_FixesEveryResultOfTheDocument()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js)
                {
                    var first = await {|JS3003:js.TryPublishAsync("a", 1)|};
                    if (first.Success) Console.WriteLine(first.Value.Seq);
                    var second = await {|JS3003:js.TryPublishAsync("b", 2)|};
                    Console.WriteLine(second.Success ? "sent" : "failed");
                }
            """);
        var fixedSource = Code.InClass("""
                async Task Run(INatsJSContext js)
                {
                    var first = await js.TryPublishAsync("a", 1);
                    if (first.Success && first.Value.Error is null) Console.WriteLine(first.Value.Seq);
                    var second = await js.TryPublishAsync("b", 2);
                    Console.WriteLine(second.Success && second.Value.Error is null ? "sent" : "failed");
                }
            """);
        await Verify.CodeFixAsync<ResultErrorCheckCodeFixProvider>(source, fixedSource, fixedSource, options: null, equivalenceKey: "JS3003");
    }

    [Fact]
    public async Task DiscardedOrNeverCheckedResults_AreNotRewritten()
    {
        // Neither EnsureSuccess() on a NatsResult (it has none) nor an added check that throws: no fix is offered.
        var source = Code.InMethod("""
                    await {|JS3003:js.TryPublishAsync("a", 1)|};
                    var result = await {|JS3003:js.TryPublishAsync("a", 2)|};
                    Console.WriteLine(result.Value.Seq);
            """);
        await Verify.CodeFixAsync<ResultErrorCheckCodeFixProvider>(source, source, equivalenceKey: "JS3003");
        await Verify.CodeFixAsync<EnsureSuccessCodeFixProvider>(source, source, equivalenceKey: "JS3003");
    }
}
