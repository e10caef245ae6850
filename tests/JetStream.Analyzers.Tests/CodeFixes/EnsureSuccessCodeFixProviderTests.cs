using System.Threading.Tasks;
using JetStream.Analyzers.CodeFixes;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.UncheckedPublishAckAnalyzer>;

namespace JetStream.Analyzers.Tests.CodeFixes;

public class EnsureSuccessCodeFixProviderTests
{
    [Fact]
    public async Task DiscardedResult_WrapsTheAwaitAndKeepsComments()
    {
        var source = Code.InMethod("""
                    // publish the order
                    await {|JS3003:js.PublishAsync("orders.created", "order-1")|}; // fire and check
            """);
        var fixedSource = Code.InMethod("""
                    // publish the order
                    (await js.PublishAsync("orders.created", "order-1")).EnsureSuccess(); // fire and check
            """);
        await Verify.CodeFixAsync<EnsureSuccessCodeFixProvider>(source, fixedSource, equivalenceKey: "JS3003");
    }

    [Fact]
    public async Task DiscardAssignmentWithConfigureAwait_ReplacesTheAssignment()
    {
        var source = Code.InMethod("""
                    _ = await {|JS3003:js.PublishAsync("orders.created", "order-1")|}.ConfigureAwait(false);
            """);
        var fixedSource = Code.InMethod("""
                    (await js.PublishAsync("orders.created", "order-1").ConfigureAwait(false)).EnsureSuccess();
            """);
        await Verify.CodeFixAsync<EnsureSuccessCodeFixProvider>(source, fixedSource, equivalenceKey: "JS3003");
    }

    [Fact]
    public async Task ExpressionBody_WrapsTheAwait()
    {
        var source = Code.InClass("""
                async Task Send(INatsJSContext js) => await {|JS3003:js.PublishAsync("a", 1)|};
            """);
        var fixedSource = Code.InClass("""
                async Task Send(INatsJSContext js) => (await js.PublishAsync("a", 1)).EnsureSuccess();
            """);
        await Verify.CodeFixAsync<EnsureSuccessCodeFixProvider>(source, fixedSource, equivalenceKey: "JS3003");
    }

    [Fact]
    public async Task UncheckedLocal_AddsCheckAfterTheDeclaration()
    {
        var source = Code.InMethod("""
                    var ack = await {|JS3003:js.PublishAsync("orders.created", "order-1")|}; // keep the ack
                    Console.WriteLine(ack.Seq);
            """);
        var fixedSource = Code.InMethod("""
                    var ack = await js.PublishAsync("orders.created", "order-1"); // keep the ack
                    ack.EnsureSuccess();
                    Console.WriteLine(ack.Seq);
            """);
        await Verify.CodeFixAsync<EnsureSuccessCodeFixProvider>(source, fixedSource, equivalenceKey: "JS3003");
    }

    [Fact]
    public async Task UncheckedLocalInSwitchSection_AddsCheck()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js, int kind)
                {
                    PubAckResponse ack;
                    switch (kind)
                    {
                        case 1:
                            ack = await {|JS3003:js.PublishAsync("a", 1)|};
                            Console.WriteLine(ack.Seq);
                            break;
                    }
                }
            """);
        var fixedSource = Code.InClass("""
                async Task Run(INatsJSContext js, int kind)
                {
                    PubAckResponse ack;
                    switch (kind)
                    {
                        case 1:
                            ack = await js.PublishAsync("a", 1);
                            ack.EnsureSuccess();
                            Console.WriteLine(ack.Seq);
                            break;
                    }
                }
            """);
        await Verify.CodeFixAsync<EnsureSuccessCodeFixProvider>(source, fixedSource, equivalenceKey: "JS3003");
    }

    [Fact]
    public async Task MissingUsing_IsAdded()
    {
        var source = """
            using System.Threading.Tasks;

            class Test
            {
                async Task Run(NATS.Client.JetStream.INatsJSContext js)
                {
                    await {|JS3003:js.PublishAsync("orders.created", 1)|};
                }
            }
            """;
        var fixedSource = """
            using System.Threading.Tasks;
            using NATS.Client.JetStream;

            class Test
            {
                async Task Run(NATS.Client.JetStream.INatsJSContext js)
                {
                    (await js.PublishAsync("orders.created", 1)).EnsureSuccess();
                }
            }
            """;
        await Verify.CodeFixAsync<EnsureSuccessCodeFixProvider>(source, fixedSource, equivalenceKey: "JS3003");
    }

    [Fact]
    public async Task FixAll_FixesEveryPublishInTheDocument()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js)
                {
                    await {|JS3003:js.PublishAsync("a", 1)|};
                    var ack = await {|JS3003:js.PublishAsync("b", 2)|};
                    Console.WriteLine(ack.Seq);
                    /* before */ _ = await {|JS3003:js.PublishAsync("c", 3)|}; // after
                }
            """);
        var fixedSource = Code.InClass("""
                async Task Run(INatsJSContext js)
                {
                    (await js.PublishAsync("a", 1)).EnsureSuccess();
                    var ack = await js.PublishAsync("b", 2);
                    ack.EnsureSuccess();
                    Console.WriteLine(ack.Seq);
                    /* before */ (await js.PublishAsync("c", 3)).EnsureSuccess(); // after
                }
            """);
        await Verify.CodeFixAsync<EnsureSuccessCodeFixProvider>(source, fixedSource, fixedSource, options: null, equivalenceKey: "JS3003");
    }
}
