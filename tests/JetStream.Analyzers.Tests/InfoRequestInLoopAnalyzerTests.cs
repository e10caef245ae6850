using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.InfoRequestInLoopAnalyzer>;

namespace JetStream.Analyzers.Tests;

public class InfoRequestInLoopAnalyzerTests
{
    [Fact]
    public async Task GetConsumerAsync_InConsumeLoop_ReportsPerMessageWithMetadataAdvice()
    {
        var source = Code.InMethod("""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        var info = await {|#0:js.GetConsumerAsync("ORDERS", "processor")|};
                        Console.WriteLine(info.Info.NumPending);
                        await msg.AckAsync();
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3001").WithLocation(0).WithArguments(
            "GetConsumerAsync",
            "$JS.API.CONSUMER.INFO",
            " for consumer 'processor' on stream 'ORDERS'",
            "for every message of the loop over ConsumeAsync",
            "Read msg.Metadata (NumPending, NumDelivered, Sequence, Timestamp) instead, or get the info once, before the loop."));
    }

    [Fact]
    public async Task GetStreamAsync_InLoopAroundNextAsync_Reports()
    {
        var source = Code.InMethod("""
                    var consumer = await stream.GetConsumerAsync("processor");
                    while (true)
                    {
                        var next = await consumer.NextAsync<string>();
                        if (next is null) continue;
                        var info = await {|#0:js.GetStreamAsync("ORDERS")|};
                        await next.AckAsync();
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3001").WithLocation(0).WithArguments(
            "GetStreamAsync",
            "$JS.API.STREAM.INFO",
            " for stream 'ORDERS'",
            "for every message of the loop over NextAsync",
            "Read next.Metadata (NumPending, NumDelivered, Sequence, Timestamp) instead, or get the info once, before the loop."));
    }

    [Fact]
    public async Task ConsumerRefreshAsync_InFetchLoop_NamesTheConsumer()
    {
        var source = Code.InMethod("""
                    var consumer = await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor"));
                    await foreach (var msg in consumer.FetchAsync<string>(new NatsJSFetchOpts { MaxMsgs = 10 }))
                    {
                        await {|#0:consumer.RefreshAsync()|};
                        await msg.AckAsync();
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3001").WithLocation(0).WithArguments(
            "RefreshAsync",
            "$JS.API.CONSUMER.INFO",
            " for consumer 'processor' on stream 'ORDERS'",
            "for every message of the loop over FetchAsync",
            "Read msg.Metadata (NumPending, NumDelivered, Sequence, Timestamp) instead, or get the info once, before the loop."));
    }

    [Fact]
    public async Task StreamRefreshAsync_InUnpacedPollingLoop_Reports()
    {
        var source = Code.InMethod("""
                    while (stream.Info.State.Messages < 100)
                    {
                        await {|#0:stream.RefreshAsync()|};
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3001").WithLocation(0).WithArguments(
            "RefreshAsync",
            "$JS.API.STREAM.INFO",
            string.Empty,
            "on every iteration of the loop",
            "Get it once, before the loop, and reuse it, or wait at least a second between iterations when polling."));
    }

    [Fact]
    public async Task PollingLoopWithShortDelay_Reports()
    {
        var source = Code.InMethod("""
                    while (true)
                    {
                        var account = await {|JS3001:js.GetAccountInfoAsync()|};
                        await Task.Delay(100);
                    }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task StoreLookups_InLoopNotUsingTheElement_Report()
    {
        var source = Code.InMethod("""
                    foreach (var key in new[] { "a", "b", "c" })
                    {
                        var store = await {|#0:kv.GetStoreAsync("config")|};
                        await store.PutAsync(key, "value");
                        var files = await {|JS3001:obj.GetObjectStoreAsync("files")|};
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3001").WithLocation(0).WithArguments(
            "GetStoreAsync",
            "$JS.API.STREAM.INFO",
            " for key-value bucket 'config'",
            "on every iteration of the loop",
            "Get the store once, before the loop, and reuse it."));
    }

    [Fact]
    public async Task MessageLoopInsideLambdaAndLocalFunction_Reports()
    {
        var source = Code.InMethod("""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    Func<Task> run = async () =>
                    {
                        await foreach (var msg in consumer.ConsumeAsync<string>())
                        {
                            await {|JS3001:js.GetStreamAsync("ORDERS")|};
                            await msg.AckAsync();
                        }
                    };
                    async IAsyncEnumerable<string?> Items()
                    {
                        await foreach (var msg in consumer.ConsumeAsync<string>().ConfigureAwait(false))
                        {
                            await {|JS3001:consumer.RefreshAsync()|};
                            yield return msg.Data;
                        }
                    }
                    await run();
                    await foreach (var item in Items()) { }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task MessageLoopInPacedOuterLoop_StillReportsPerMessage()
    {
        var source = Code.InMethod("""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    while (true)
                    {
                        await foreach (var msg in consumer.FetchNoWaitAsync<string>(new NatsJSFetchOpts { MaxMsgs = 100 }))
                        {
                            await {|JS3001:js.GetConsumerAsync("ORDERS", "processor")|};
                            await msg.AckAsync();
                        }

                        await Task.Delay(TimeSpan.FromSeconds(10));
                    }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task InfoBeforeTheLoopAndMetadataInside_NoDiagnostic()
    {
        var source = Code.InMethod("""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    var info = await js.GetStreamAsync("ORDERS");
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        if (msg.Metadata is { } metadata && metadata.NumPending == 0)
                        {
                            Console.WriteLine("caught up");
                        }

                        await msg.AckAsync();
                    }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task LoopOverStreamNames_OneRequestPerStream_NoDiagnostic()
    {
        var source = Code.InMethod("""
                    foreach (var name in new[] { "ORDERS", "PAYMENTS" })
                    {
                        var info = await js.GetStreamAsync(name);
                        Console.WriteLine(info.Info.State.Messages);
                    }

                    await foreach (var name in js.ListStreamNamesAsync())
                    {
                        var streamName = name.ToUpperInvariant();
                        var s = await js.GetStreamAsync(streamName);
                    }

                    var consumers = new List<INatsJSConsumer>();
                    foreach (var c in consumers)
                    {
                        await c.RefreshAsync();
                    }

                    string[] buckets = { "a", "b" };
                    for (var i = 0; i < buckets.Length; i++)
                    {
                        await kv.GetStoreAsync(buckets[i]);
                    }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task PacedPollingLoopsAndBoundedRetries_NoDiagnostic()
    {
        var source = Code.InClass("""
                async Task Poll(INatsJSContext js, TimeSpan interval, System.Threading.PeriodicTimer timer)
                {
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    while (true)
                    {
                        await consumer.RefreshAsync();
                        await Task.Delay(TimeSpan.FromSeconds(30));
                    }
                }

                async Task WaitForStream(INatsJSContext js, TimeSpan interval)
                {
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        try { await js.GetStreamAsync("ORDERS"); break; }
                        catch (NatsJSApiException) { }
                    }

                    while (true)
                    {
                        await js.GetAccountInfoAsync();
                        await Task.Delay(interval);
                    }
                }

                async Task Tick(INatsJSContext js, System.Threading.PeriodicTimer timer)
                {
                    while (await timer.WaitForNextTickAsync())
                    {
                        await js.GetStreamAsync("ORDERS");
                    }
                }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task CallsInsideLambdasOrTheLoopCollection_NoDiagnostic()
    {
        var source = Code.InMethod("""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    var handlers = new List<Func<Task>>();
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        handlers.Add(async () => await js.GetStreamAsync("ORDERS"));
                        await msg.AckAsync();
                    }

                    foreach (var subject in (await js.GetStreamAsync("ORDERS")).Info.Config.Subjects!)
                    {
                        Console.WriteLine(subject);
                    }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task MethodsWithTheSameNameOutsideNats_NoDiagnostic()
    {
        var source = Code.InClass("""
                Task<int> GetStreamAsync(string name) => Task.FromResult(1);

                async Task Run()
                {
                    while (true)
                    {
                        await GetStreamAsync("ORDERS");
                    }
                }
            """);
        await Verify.AnalyzerAsync(source);
    }
}
