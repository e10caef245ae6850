using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.ConsumerCreatedInMessageLoopAnalyzer>;

namespace JetStream.Analyzers.Tests;

public class ConsumerCreatedInMessageLoopAnalyzerTests
{
    [Fact]
    public async Task CreateOrUpdateConsumerAsync_PerMessage_ReportsWithConsumerName()
    {
        var source = Code.InMethod("""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        var replies = await {|#0:js.CreateOrUpdateConsumerAsync("REPLIES", new ConsumerConfig($"reply-{msg.Data}") { Name = "replies" })|};
                        await msg.AckAsync();
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3002").WithLocation(0).WithArguments(
            "CreateOrUpdateConsumerAsync",
            "creates or updates",
            "consumer 'replies' on stream 'REPLIES'",
            "ConsumeAsync",
            ", and consumers created this way pile up on the server until they expire"));
    }

    [Fact]
    public async Task UpdateConsumerAsync_PerMessage_ReportsWithoutPileUp()
    {
        var source = Code.InMethod("""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    await foreach (var msg in consumer.FetchAsync<string>(new NatsJSFetchOpts { MaxMsgs = 10 }))
                    {
                        await {|#0:js.UpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { MaxDeliver = 5 })|};
                        await msg.AckAsync();
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3002").WithLocation(0).WithArguments(
            "UpdateConsumerAsync", "updates", "consumer 'processor' on stream 'ORDERS'", "FetchAsync", string.Empty));
    }

    [Fact]
    public async Task OrderedAndPushConsumers_InNextAsyncLoop_Report()
    {
        var source = Code.InMethod("""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    for (;;)
                    {
                        var msg = await consumer.NextAsync<string>();
                        if (msg is null) break;
                        var ordered = await {|#0:js.CreateOrderedConsumerAsync("HISTORY")|};
                        var push = await {|#1:stream.CreateOrUpdatePushConsumerAsync(new NatsJSPushConsumerOpts { DurableName = "push", DeliverSubject = "deliver.x" })|};
                        var other = await {|#2:stream.CreateOrUpdateConsumerAsync(BuildConfig())|};
                        await msg.AckAsync();
                    }

                    ConsumerConfig BuildConfig() => new ConsumerConfig { DurableName = "audit" };
            """);
        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("JS3002").WithLocation(0).WithArguments(
                "CreateOrderedConsumerAsync", "creates", "an ordered consumer on stream 'HISTORY'", "NextAsync", ", and consumers created this way pile up on the server until they expire"),
            Verify.Diagnostic("JS3002").WithLocation(1).WithArguments(
                "CreateOrUpdatePushConsumerAsync", "creates or updates", "consumer 'push'", "NextAsync", ", and consumers created this way pile up on the server until they expire"),
            Verify.Diagnostic("JS3002").WithLocation(2).WithArguments(
                "CreateOrUpdateConsumerAsync", "creates or updates", "consumer 'audit'", "NextAsync", ", and consumers created this way pile up on the server until they expire"));
    }

    [Fact]
    public async Task ConfigFromParameter_ReportsWithoutName()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSConsumer consumer, INatsJSContext js, ConsumerConfig config)
                {
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        await {|#0:js.CreateConsumerAsync("ORDERS", config)|};
                        await msg.AckAsync();
                    }
                }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3002").WithLocation(0).WithArguments(
            "CreateConsumerAsync", "creates", "a consumer on stream 'ORDERS'", "ConsumeAsync", ", and consumers created this way pile up on the server until they expire"));
    }

    [Fact]
    public async Task ConsumersCreatedBeforeTheLoopOrInOtherLoops_NoDiagnostic()
    {
        var source = Code.InMethod("""
                    foreach (var name in new[] { "invoicing", "shipping" })
                    {
                        await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig(name));
                    }

                    var consumer = await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor"));
                    var work = new List<Func<Task>>();
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        work.Add(async () => await js.CreateOrderedConsumerAsync("HISTORY"));
                        await msg.AckAsync();
                    }

                    while (true)
                    {
                        try { await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor")); break; }
                        catch (NatsJSApiException) { await Task.Delay(1000); }
                    }
            """);
        await Verify.AnalyzerAsync(source);
    }
}
