using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.OrderedConsumerAckAnalyzer>;

namespace JetStream.Analyzers.Tests;

public class OrderedConsumerAckAnalyzerTests
{
    [Fact]
    public async Task AckOnOrderedConsumeLoop_Reports()
    {
        var source = Code.InMethod("""
                    var ordered = await js.CreateOrderedConsumerAsync("ORDERS");
                    await foreach (var msg in ordered.ConsumeAsync<string>())
                    {
                        Console.WriteLine(msg.Data);
                        await {|#0:msg.AckAsync()|};
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3008").WithLocation(0).WithArguments(
            "msg.AckAsync()", "the ordered consumer on stream 'ORDERS'", string.Empty));
    }

    [Fact]
    public async Task NakTerminateAndProgress_OnOrderedMessages_Report()
    {
        var source = Code.InMethod("""
                    var ordered = await stream.CreateOrderedConsumerAsync(new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.New });
                    await foreach (var msg in ordered.FetchAsync<string>(new NatsJSFetchOpts { MaxMsgs = 10 }).ConfigureAwait(false))
                    {
                        try { await {|JS3008:msg.AckProgressAsync()|}; }
                        catch { await {|#0:msg.NakAsync(TimeSpan.FromSeconds(1))|}; }
                    }

                    var next = await ordered.NextAsync<string>();
                    if (next is not null) await {|JS3008:next.AckTerminateAsync()|};
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3008").WithLocation(0).WithArguments(
            "msg.NakAsync()", "the ordered consumer", " and does not redeliver the message"));
    }

    [Fact]
    public async Task OrderedPushConsumerAndConcreteType_Report()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js, NatsJSOrderedConsumer typed)
                {
                    var push = await js.CreateOrderedPushConsumerAsync("ORDERS");
                    await foreach (var msg in push.ConsumeAsync<string>()) { await {|JS3008:msg.AckAsync()|}; }
                    await foreach (var msg in typed.ConsumeAsync<string>()) { await {|JS3008:msg.AckAsync()|}; }
                }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task AcksOnOtherConsumers_NoDiagnostic()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js, INatsJSConsumer consumer, bool replay)
                {
                    var durable = await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor"));
                    await foreach (var msg in durable.ConsumeAsync<string>()) { await msg.AckAsync(); }
                    await foreach (var msg in consumer.ConsumeAsync<string>()) { await msg.AckAsync(); }

                    var maybeOrdered = replay ? await js.CreateOrderedConsumerAsync("ORDERS") : consumer;
                    await foreach (var msg in maybeOrdered.ConsumeAsync<string>()) { await msg.AckAsync(); }

                    var reassigned = await js.CreateOrderedConsumerAsync("ORDERS");
                    reassigned = consumer;
                    await foreach (var msg in reassigned.ConsumeAsync<string>()) { await msg.AckAsync(); }
                }
            """);
        await Verify.AnalyzerAsync(source);
    }
}
