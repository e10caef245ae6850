using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.UnacknowledgedMessageAnalyzer>;

namespace JetStream.Analyzers.Tests;

public class UnacknowledgedMessageAnalyzerTests
{
    private const string Helpers = """
            static Task Handle(string? data) => Task.CompletedTask;
            static Task Dispatch(INatsJSMsg<string> msg) => Task.CompletedTask;
            static void Log(Exception e) { }
        """;

    private static string InClass(string body) => Code.InClass("""
                async Task Run(INatsJSContext js, INatsJSConsumer consumer, System.Threading.CancellationToken ct)
                {
            """ + body + """

                }
            """ + Helpers);

    [Fact]
    public async Task CatchWithoutAck_ReportsAtTheCatch()
    {
        var source = InClass("""
                    var processor = await js.GetConsumerAsync("ORDERS", "processor");
                    await foreach (var msg in processor.ConsumeAsync<string>())
                    {
                        try
                        {
                            await Handle(msg.Data);
                            await msg.AckAsync();
                        }
                        {|#0:catch (Exception e)|}
                        {
                            Log(e);
                        }
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3006").WithLocation(0).WithArguments(
            "msg", "ConsumeAsync of consumer 'processor' on stream 'ORDERS'", "the path through this catch block"));
    }

    [Fact]
    public async Task ContinueBeforeAck_ReportsAtTheContinue()
    {
        var source = InClass("""
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        if (msg.Data is null)
                        {
                            {|#0:continue;|}
                        }

                        await Handle(msg.Data);
                        await msg.AckAsync();
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3006").WithLocation(0).WithArguments(
            "msg", "ConsumeAsync", "the path through this 'continue'"));
    }

    [Fact]
    public async Task ConditionalAck_ReportsAtTheMessage()
    {
        var source = InClass("""
                    var created = await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { MaxDeliver = 5 });
                    await foreach (var {|#0:msg|} in created.FetchAsync<string>(new NatsJSFetchOpts { MaxMsgs = 10 }))
                    {
                        if (msg.Data == "ok")
                        {
                            await msg.AckAsync();
                        }
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3006").WithLocation(0).WithArguments(
            "msg", "FetchAsync of consumer 'processor' on stream 'ORDERS'", "a path that reaches the end of the loop body"));
    }

    [Fact]
    public async Task NextAsyncLoopWithoutAck_ReportsAtTheDeclaration()
    {
        var source = InClass("""
                    while (!ct.IsCancellationRequested)
                    {
                        var {|#0:next|} = await consumer.NextAsync<string>(cancellationToken: ct);
                        if (next is null) continue;
                        await Handle(next.Data);
                        await next.AckProgressAsync();
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3006").WithLocation(0).WithArguments(
            "next", "NextAsync", "a path that reaches the end of the loop body"));
    }

    [Fact]
    public async Task UnusedMessagesSwitchesAndNestedTries_Report()
    {
        var source = InClass("""
                    var count = 0;
                    await foreach (var {|JS3006:counted|} in consumer.FetchNoWaitAsync<string>(new NatsJSFetchOpts { MaxMsgs = 10 }))
                    {
                        count++;
                    }

                    await foreach (NatsJSMsg<string> {|JS3006:msg|} in consumer.ConsumeAsync<string>())
                    {
                        switch (msg.Subject)
                        {
                            case "orders.created":
                                await msg.AckAsync();
                                break;
                            case "orders.deleted":
                                await msg.AckTerminateAsync();
                                break;
                        }
                    }

                    await foreach (var item in consumer.ConsumeAsync<string>())
                    {
                        try
                        {
                            try
                            {
                                await Handle(item.Data);
                            }
                            catch (TimeoutException)
                            {
                                await item.NakAsync(TimeSpan.FromSeconds(5));
                                continue;
                            }

                            await item.AckAsync();
                        }
                        {|JS3006:catch (Exception e) when (e is not OperationCanceledException)|}
                        {
                            Log(e);
                        }
                    }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task LoopsInLambdasLocalFunctionsAndIterators_Report()
    {
        var source = InClass("""
                    Func<Task> run = async () =>
                    {
                        await foreach (var {|JS3006:msg|} in consumer.ConsumeAsync<string>())
                        {
                            await Handle(msg.Data);
                        }
                    };

                    async IAsyncEnumerable<string?> Items()
                    {
                        await foreach (var msg in consumer.ConsumeAsync<string>())
                        {
                            if (msg.Headers is null) {|JS3006:continue;|}
                            yield return msg.Data;
                            await msg.AckAsync();
                        }
                    }

                    await run();
                    await foreach (var _ in Items()) { }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task EveryPathHandled_NoDiagnostic()
    {
        var source = InClass("""
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        if (msg.Data is null)
                        {
                            await msg.AckTerminateAsync();
                            continue;
                        }

                        try
                        {
                            await Handle(msg.Data);
                            await msg.AckAsync(cancellationToken: ct);
                        }
                        catch (Exception)
                        {
                            await msg.NakAsync(TimeSpan.FromSeconds(5));
                        }
                    }

                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        switch (msg.Subject)
                        {
                            case "a":
                                await msg.AckAsync();
                                break;
                            default:
                                await msg.NakAsync();
                                break;
                        }
                    }

                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        var acked = false;
                        try
                        {
                            await Handle(msg.Data);
                            await msg.AckAsync();
                            acked = true;
                        }
                        catch (Exception e)
                        {
                            Log(e);
                        }
                        finally
                        {
                            if (!acked) await msg.NakAsync();
                        }
                    }

                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        try { await msg.AckAsync(); }
                        catch (Exception e) { Log(e); }
                    }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task MessageHandedOnOrLoopLeft_NoDiagnostic()
    {
        var source = InClass("""
                    var batch = new List<INatsJSMsg<string>>();
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        await Dispatch(msg);
                    }

                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        batch.Add(msg);
                    }

                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        if (msg.Data == "stop") break;
                        if (msg.Data == "fail") throw new InvalidOperationException();
                        if (msg.Data == "done") return;
                        _ = Task.Run(async () => await msg.AckAsync());
                    }

                    while (true)
                    {
                        var next = await consumer.NextAsync<string>();
                        if (next == null) continue;
                        await next.AckAsync();
                    }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task ConsumersThatDoNotAck_NoDiagnostic()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js, INatsJSStream stream, ConsumerConfigAckPolicy policy)
                {
                    var ordered = await js.CreateOrderedConsumerAsync("ORDERS");
                    await foreach (var msg in ordered.ConsumeAsync<string>()) { Console.WriteLine(msg.Data); }

                    var orderedOnStream = await stream.CreateOrderedConsumerAsync();
                    await foreach (var msg in orderedOnStream.FetchAsync<string>(new NatsJSFetchOpts { MaxMsgs = 5 })) { Console.WriteLine(msg.Data); }

                    var none = await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("audit") { AckPolicy = ConsumerConfigAckPolicy.None });
                    await foreach (var msg in none.ConsumeAsync<string>()) { Console.WriteLine(msg.Data); }

                    var all = await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("batch") { AckPolicy = ConsumerConfigAckPolicy.All });
                    await foreach (var msg in all.ConsumeAsync<string>()) { Console.WriteLine(msg.Data); }

                    var configured = await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("x") { AckPolicy = policy });
                    await foreach (var msg in configured.ConsumeAsync<string>()) { Console.WriteLine(msg.Data); }

                    var push = await js.CreatePushConsumerAsync("ORDERS", new NatsJSPushConsumerOpts { DeliverSubject = "d", AckPolicy = ConsumerConfigAckPolicy.None });
                    await foreach (var msg in push.ConsumeAsync<string>()) { Console.WriteLine(msg.Data); }
                }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task GotoAndLocalFunctionsUsingTheMessage_NoDiagnostic()
    {
        var source = InClass("""
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        if (msg.Data is null) goto skip;
                        await msg.AckAsync();
                        skip:
                        Console.WriteLine();
                    }

                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        async Task Done() => await msg.AckAsync();
                        await Done();
                    }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task ReplySubjectKeptForALaterAck_NoDiagnostic()
    {
        // A fetch loop that keeps each reply subject and acknowledges later by publishing "+ACK" to it.
        var source = Code.InClass("""
                private readonly List<string> pending = new();
                private readonly Dictionary<ulong, string> bySequence = new();
                private string? last;

                async Task Run(INatsJSConsumer consumer, INatsConnection nats)
                {
                    await foreach (var msg in consumer.FetchAsync<string>(new NatsJSFetchOpts { MaxMsgs = 10 }))
                    {
                        pending.Add(msg.ReplyTo!);
                    }

                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        var reply = msg.ReplyTo;
                        await Handle(msg.Data);
                        await nats.PublishAsync(reply!, "+ACK");
                    }

                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        last = msg.ReplyTo;
                    }

                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        bySequence[msg.Metadata?.Sequence.Stream ?? 0] = msg?.ReplyTo ?? string.Empty;
                    }

                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        if (msg.ReplyTo is { } subject)
                        {
                            Remember(new Pending { Subject = subject });
                        }
                    }

                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        await nats.PublishAsync(msg.ReplyTo!, "+ACK");
                    }

                    foreach (var subject in pending)
                    {
                        await nats.PublishAsync(subject, "+ACK");
                    }
                }

                void Remember(Pending ack) { }

                sealed class Pending { public string? Subject { get; init; } }

                static Task Handle(string? data) => Task.CompletedTask;
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task ReplySubjectOnlyReadOrLogged_Reports()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSConsumer consumer)
                {
                    await foreach (var {|#0:msg|} in consumer.ConsumeAsync<string>())
                    {
                        Console.WriteLine($"got {msg.Data} (reply to {msg.ReplyTo})");
                    }

                    await foreach (var {|#1:msg|} in consumer.ConsumeAsync<string>())
                    {
                        if (msg.ReplyTo is null || msg.ReplyTo.Length == 0)
                        {
                            {|#2:continue;|}
                        }

                        var described = "reply: " + msg.ReplyTo;
                    }
                }
            """);
        await Verify.AnalyzerAsync(
            source,
            Verify.DiagnosticWithAnyMessage("JS3006").WithLocation(0),
            Verify.DiagnosticWithAnyMessage("JS3006").WithLocation(1),
            Verify.DiagnosticWithAnyMessage("JS3006").WithLocation(2));
    }

    [Theory]
    [InlineData(100, true)] // a long hand-written body is analyzed
    [InlineData(4000, false)] // past 60,000 characters the analysis gives up rather than grow with the square of the size
    public async Task VeryLargeBody_GivesUp(int statements, bool reported)
    {
        var filler = string.Concat(System.Linq.Enumerable.Repeat("            if (msg.Data is null) { Log(null!); }\n", statements));
        var source = InClass("""
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        if (msg.Data is null)
                        {
                            {|#0:continue;|}
                        }

            """ + filler + """
                        await msg.AckAsync();
                    }
            """);
        var expected = reported
            ? new[] { Verify.Diagnostic("JS3006").WithLocation(0).WithArguments("msg", "ConsumeAsync", "the path through this 'continue'") }
            : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>();
        await Verify.AnalyzerAsync(source, expected);
    }
}
