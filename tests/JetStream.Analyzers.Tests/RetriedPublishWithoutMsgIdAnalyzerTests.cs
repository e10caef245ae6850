using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.RetriedPublishWithoutMsgIdAnalyzer>;

namespace JetStream.Analyzers.Tests;

public class RetriedPublishWithoutMsgIdAnalyzerTests
{
    private const string Polly = """

        namespace Polly
        {
            public class AsyncRetryPolicy
            {
                public Task ExecuteAsync(Func<Task> action) => action();
            }

            public class AsyncTimeoutPolicy
            {
                public Task ExecuteAsync(Func<Task> action) => action();
            }
        }
        """;

    [Fact]
    public async Task RetryLoopWithoutMsgId_Reports()
    {
        var source = Code.InMethod("""
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            var ack = await {|#0:js.PublishAsync("orders.created", "order-1")|};
                            ack.EnsureSuccess();
                            break;
                        }
                        catch (NatsJSPublishNoResponseException) when (attempt < 3)
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(200));
                        }
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3004").WithLocation(0).WithArguments(
            "PublishAsync to 'orders.created'",
            "the enclosing retry loop",
            "without NatsJSPubOpts.MsgId",
            "Set NatsJSPubOpts.MsgId to an ID that stays the same across attempts, so the stream drops the duplicate within its duplicate window."));
    }

    [Fact]
    public async Task MsgIdGeneratedInsideTheLoop_Reports()
    {
        var source = Code.InClass("""
                async Task Send(INatsJSContext js, string subject)
                {
                    var sent = false;
                    while (!sent)
                    {
                        try
                        {
                            await {|#0:js.PublishAsync(subject, "order-1", opts: new NatsJSPubOpts { MsgId = Guid.NewGuid().ToString() })|};
                            sent = true;
                        }
                        catch (NatsJSException)
                        {
                        }
                    }

                    var attempts = 0;
                    do
                    {
                        var id = $"order-{DateTime.UtcNow.Ticks}";
                        var opts = new NatsJSPubOpts { MsgId = id };
                        try
                        {
                            await {|#1:js.PublishAsync(subject, "order-2", opts: opts)|};
                            return;
                        }
                        catch (NatsJSException)
                        {
                            attempts++;
                        }
                    }
                    while (attempts < 3);
                }
            """);
        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("JS3004").WithLocation(0).WithArguments(
                "PublishAsync", "the enclosing retry loop", "with a MsgId generated on every attempt (Guid.NewGuid())",
                "Create the MsgId once, before the first attempt, and pass the same value every time."),
            Verify.Diagnostic("JS3004").WithLocation(1).WithArguments(
                "PublishAsync", "the enclosing retry loop", "with a MsgId generated on every attempt (DateTime.UtcNow)",
                "Create the MsgId once, before the first attempt, and pass the same value every time."));
    }

    [Fact]
    public async Task CatchThatPublishesAgain_Reports()
    {
        var source = Code.InMethod("""
                    try
                    {
                        await js.PublishAsync("orders.created", "order-1", opts: NatsJSPubOpts.Default);
                    }
                    catch (NatsJSPublishNoResponseException)
                    {
                        await {|#0:js.PublishAsync("orders.created", "order-1")|};
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3004").WithLocation(0).WithArguments(
            "PublishAsync to 'orders.created'",
            "this catch block",
            "without NatsJSPubOpts.MsgId",
            "Set NatsJSPubOpts.MsgId to an ID that stays the same across attempts, so the stream drops the duplicate within its duplicate window."));
    }

    [Fact]
    public async Task PollyRetryPolicy_Reports()
    {
        var source = Code.InClass("""
                async Task Send(INatsJSContext js, Polly.AsyncRetryPolicy retry)
                {
                    await retry.ExecuteAsync(async () => await {|#0:js.PublishAsync("orders.created", 1)|});
                }
            """) + Polly;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3004").WithLocation(0).WithArguments(
            "PublishAsync to 'orders.created'",
            "the Polly retry policy",
            "without NatsJSPubOpts.MsgId",
            "Set NatsJSPubOpts.MsgId to an ID that stays the same across attempts, so the stream drops the duplicate within its duplicate window."));
    }

    [Fact]
    public async Task StableMsgIds_NoDiagnostic()
    {
        var source = Code.InClass("""
                record Order(string Id);

                async Task Send(INatsJSContext js, Order order, Polly.AsyncRetryPolicy retry)
                {
                    var msgId = Guid.NewGuid().ToString();
                    var opts = new NatsJSPubOpts { MsgId = Guid.NewGuid().ToString() };
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        try
                        {
                            await js.PublishAsync("a", 1, opts: new NatsJSPubOpts { MsgId = order.Id });
                            await js.PublishAsync("b", 2, opts: new NatsJSPubOpts { MsgId = msgId });
                            await js.PublishAsync("c", 3, opts: opts);
                            await js.PublishAsync("d", 4, opts: opts with { ExpectedStream = "ORDERS" });
                            break;
                        }
                        catch (NatsJSException)
                        {
                        }
                    }

                    await retry.ExecuteAsync(async () => await js.PublishAsync("e", 5, opts: new NatsJSPubOpts { MsgId = msgId }));
                }
            """) + Polly;
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task LoopsAndCatchesThatDoNotRetry_NoDiagnostic()
    {
        var source = Code.InClass("""
                async Task Send(INatsJSContext js, INatsJSConsumer consumer, NatsJSPubOpts configured, NatsHeaders headers, Polly.AsyncTimeoutPolicy timeout)
                {
                    foreach (var order in new[] { "a", "b" })
                    {
                        try { await js.PublishAsync("orders.created", order); }
                        catch (NatsJSException) { }
                    }

                    while (true)
                    {
                        try { await js.PublishAsync("heartbeat", 1); }
                        catch (NatsJSException) { }
                        await Task.Delay(1000);
                    }
                }

                async Task Other(INatsJSContext js, INatsJSConsumer consumer, NatsJSPubOpts configured, NatsHeaders headers, Polly.AsyncTimeoutPolicy timeout)
                {
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        try { await js.PublishAsync("out", msg.Data); await msg.AckAsync(); break; }
                        catch (NatsJSException) { await msg.NakAsync(TimeSpan.FromSeconds(5)); }
                    }

                    for (var i = 0; i < 3; i++)
                    {
                        try { await js.PublishAsync("a", 1); break; }
                        catch (NatsJSException) { throw; }
                    }

                    for (var i = 0; i < 3; i++)
                    {
                        try
                        {
                            await js.PublishAsync("b", 2, opts: configured);
                            await js.PublishAsync("c", 3, headers: headers);
                            break;
                        }
                        catch (NatsJSException) { }
                    }

                    try { await js.PublishAsync("orders", 1); }
                    catch (NatsJSException e) { await js.PublishAsync("orders.failed", e.Message); }

                    await timeout.ExecuteAsync(async () => await js.PublishAsync("d", 4));
                }
            """) + Polly;
        await Verify.AnalyzerAsync(source);
    }
}
