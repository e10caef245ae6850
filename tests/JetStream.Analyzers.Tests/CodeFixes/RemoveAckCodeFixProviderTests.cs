using System.Threading.Tasks;
using JetStream.Analyzers.CodeFixes;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.OrderedConsumerAckAnalyzer>;

namespace JetStream.Analyzers.Tests.CodeFixes;

public class RemoveAckCodeFixProviderTests
{
    [Fact]
    public async Task AckStatement_IsRemoved()
    {
        var source = Code.InMethod("""
                    var ordered = await js.CreateOrderedConsumerAsync("ORDERS");
                    await foreach (var msg in ordered.ConsumeAsync<string>())
                    {
                        Console.WriteLine(msg.Data); // print
                        await {|JS3008:msg.AckAsync()|};
                        Console.WriteLine("next");
                    }
            """);
        var fixedSource = Code.InMethod("""
                    var ordered = await js.CreateOrderedConsumerAsync("ORDERS");
                    await foreach (var msg in ordered.ConsumeAsync<string>())
                    {
                        Console.WriteLine(msg.Data); // print
                        Console.WriteLine("next");
                    }
            """);
        await Verify.CodeFixAsync<RemoveAckCodeFixProvider>(source, fixedSource, equivalenceKey: "JS3008");
    }

    [Fact]
    public async Task AckAsEmbeddedStatement_HasNoFix()
    {
        var source = Code.InMethod("""
                    var ordered = await js.CreateOrderedConsumerAsync("ORDERS");
                    await foreach (var msg in ordered.ConsumeAsync<string>())
                    {
                        if (msg.Data is null) await {|JS3008:msg.AckAsync()|};
                    }
            """);
        await Verify.CodeFixAsync<RemoveAckCodeFixProvider>(source, source, equivalenceKey: "JS3008");
    }

    [Fact]
    public async Task FixAll_RemovesEveryAck()
    {
        var source = Code.InMethod("""
                    var ordered = await js.CreateOrderedConsumerAsync("ORDERS");
                    await foreach (var msg in ordered.ConsumeAsync<string>())
                    {
                        try
                        {
                            Console.WriteLine(msg.Data);
                            await {|JS3008:msg.AckAsync()|}.ConfigureAwait(false);
                        }
                        catch (Exception)
                        {
                            await {|JS3008:msg.NakAsync()|};
                            throw;
                        }
                    }
            """);
        var fixedSource = Code.InMethod("""
                    var ordered = await js.CreateOrderedConsumerAsync("ORDERS");
                    await foreach (var msg in ordered.ConsumeAsync<string>())
                    {
                        try
                        {
                            Console.WriteLine(msg.Data);
                        }
                        catch (Exception)
                        {
                            throw;
                        }
                    }
            """);
        await Verify.CodeFixAsync<RemoveAckCodeFixProvider>(source, fixedSource, fixedSource, options: null, equivalenceKey: "JS3008");
    }
}
