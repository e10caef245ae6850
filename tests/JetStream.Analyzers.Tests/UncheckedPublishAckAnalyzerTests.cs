using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.UncheckedPublishAckAnalyzer>;

namespace JetStream.Analyzers.Tests;

public class UncheckedPublishAckAnalyzerTests
{
    [Fact]
    public async Task AwaitedAndDiscarded_Reports()
    {
        var source = Code.InMethod("""
                    await {|#0:js.PublishAsync("orders.created", "order-1")|};
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3003").WithLocation(0).WithArguments("PublishAsync to 'orders.created'", "discarded"));
    }

    [Fact]
    public async Task StoredButOnlySequenceRead_Reports()
    {
        var source = Code.InMethod("""
                    var ack = await {|#0:js.PublishAsync("orders.created", "order-1", opts: new NatsJSPubOpts { MsgId = "order-1" })|};
                    Console.WriteLine($"stored as {ack.Seq} in {ack.Stream}");
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3003").WithLocation(0).WithArguments("PublishAsync to 'orders.created'", "stored in 'ack' but never checked"));
    }

    [Fact]
    public async Task DiscardAssignmentConfigureAwaitAndReassignedLocal_Report()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js, string subject)
                {
                    _ = await {|#0:js.PublishAsync(subject, 42)|}.ConfigureAwait(false);
                    PubAckResponse last;
                    last = await {|#1:js.PublishAsync(subject, 43)|};
                    last = await {|#2:js.PublishAsync(subject, 44)|};
                    Console.WriteLine(last?.Seq);
                }
            """);
        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("JS3003").WithLocation(0).WithArguments("PublishAsync", "discarded"),
            Verify.Diagnostic("JS3003").WithLocation(1).WithArguments("PublishAsync", "stored in 'last' but never checked"),
            Verify.Diagnostic("JS3003").WithLocation(2).WithArguments("PublishAsync", "stored in 'last' but never checked"));
    }

    [Fact]
    public async Task ConcurrentPublishResponse_Discarded_Reports()
    {
        var source = Code.InMethod("""
                    await using var future = await js.PublishConcurrentAsync("orders.created", "order-1");
                    await {|#0:future.GetResponseAsync()|};
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3003").WithLocation(0).WithArguments("the concurrent publish", "discarded"));
    }

    [Fact]
    public async Task InLambdasLocalFunctionsAndExpressionBodies_Report()
    {
        var source = Code.InClass("""
                async Task Send(INatsJSContext js) => await {|JS3003:js.PublishAsync("a", 1)|};

                async IAsyncEnumerable<int> Stream(INatsJSContext js)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        await {|JS3003:js.PublishAsync("a", i)|};
                        yield return i;
                    }
                }

                void Register(INatsJSContext js)
                {
                    Func<Task> handler = async () => { await {|JS3003:js.PublishAsync("b", 2)|}; };
                    async Task Local() => await {|JS3003:js.PublishAsync("c", 3)|};
                }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task CheckedAcknowledgements_NoDiagnostic()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js)
                {
                    (await js.PublishAsync("a", 1)).EnsureSuccess();
                    var ack1 = await js.PublishAsync("a", 1);
                    ack1.EnsureSuccess();
                    var ack2 = await js.PublishAsync("a", 2);
                    if (!ack2.IsSuccess()) throw new InvalidOperationException();
                    var ack3 = await js.PublishAsync("a", 3);
                    if (ack3.Error is { } error) Console.WriteLine(error.Description);
                    var ack4 = await js.PublishAsync("a", 4);
                    Console.WriteLine(ack4?.Duplicate);
                    var ack5 = await js.PublishAsync("a", 5);
                    Func<bool> later = () => ack5.IsSuccess();
                    await using var future = await js.PublishConcurrentAsync("a", 6);
                    var ack6 = await future.GetResponseAsync();
                    ack6.EnsureSuccess();
                }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task AcknowledgementHandedOn_NoDiagnostic()
    {
        var source = Code.InClass("""
                readonly List<PubAckResponse> acks = new();
                PubAckResponse? last;

                async Task<PubAckResponse> Publish(INatsJSContext js) => await js.PublishAsync("a", 1);

                async Task<PubAckResponse> PublishReturn(INatsJSContext js)
                {
                    return await js.PublishAsync("a", 1);
                }

                async Task Run(INatsJSContext js)
                {
                    acks.Add(await js.PublishAsync("a", 1));
                    last = await js.PublishAsync("a", 2);
                    var ack = await js.PublishAsync("a", 3);
                    Check(ack);
                    var matched = await js.PublishAsync("a", 4);
                    if (matched is { Error: null }) Console.WriteLine("ok");
                    var pending = js.PublishAsync("a", 5);
                    await pending;
                    await js.Connection.PublishAsync("core.subject", 7);
                    await PublishAsync("a", 8);
                }

                static void Check(PubAckResponse ack) => ack.EnsureSuccess();

                static Task<PubAckResponse> PublishAsync(string subject, int data) => Task.FromResult(new PubAckResponse());
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task ResultReadAndTested_NoDiagnostic()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js)
                {
                    var counter = await js.PublishAsync("counters.a", 1);
                    if (string.IsNullOrEmpty(counter.Value)) throw new InvalidOperationException("no counter value");
                    var ack1 = await js.PublishAsync("a", 1);
                    if (ack1.Seq == 0) throw new InvalidOperationException("not stored");
                    var ack2 = await js.PublishAsync("a", 2);
                    Console.WriteLine(ack2.Seq > 0 ? "stored" : "lost");
                    var ack3 = await js.PublishAsync("a", 3);
                    var total = ack3.Value ?? throw new InvalidOperationException();
                    var ack4 = await js.PublishAsync("a", 4);
                    if (ack4?.Value is null) return;
                }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task ResultOnlyLogged_Reports()
    {
        var source = Code.InMethod("""
                    var ack = await {|#0:js.PublishAsync("orders.created", "order-1")|};
                    Console.WriteLine("stored as " + ack.Seq + ", value " + ack.Value);
                    var next = await {|#1:js.PublishAsync("orders.created", "order-2")|};
                    Console.WriteLine(next?.Seq.ToString());
            """);
        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("JS3003").WithLocation(0).WithArguments("PublishAsync to 'orders.created'", "stored in 'ack' but never checked"),
            Verify.Diagnostic("JS3003").WithLocation(1).WithArguments("PublishAsync to 'orders.created'", "stored in 'next' but never checked"));
    }

    [Fact]
    public async Task TryPublishResult_DiscardedOrOnlySuccessChecked_Reports()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js)
                {
                    await {|#0:js.TryPublishAsync("orders.created", "order-1")|};
                    var result = await {|#1:js.TryPublishAsync("orders.created", "order-2")|};
                    if (!result.Success)
                    {
                        Console.WriteLine($"publish failed: {result.Error.Message}");
                        return;
                    }

                    Console.WriteLine($"stored as {result.Value.Seq}");
                    var logged = await {|#2:js.TryPublishAsync("orders.created", "order-3")|};
                    Console.WriteLine(logged.Value.Seq);
                }
            """);
        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("JS3003").WithLocation(0).WithArguments("TryPublishAsync to 'orders.created'", "discarded"),
            Verify.Diagnostic("JS3003").WithLocation(1).WithArguments(
                "TryPublishAsync to 'orders.created'",
                "stored in 'result', whose Success is the only thing checked: Success means that a reply arrived, and the server's error is in result.Value.Error"),
            Verify.Diagnostic("JS3003").WithLocation(2).WithArguments("TryPublishAsync to 'orders.created'", "stored in 'logged' but never checked"));
    }

    [Fact]
    public async Task TryPublishResult_AcknowledgementChecked_NoDiagnostic()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js)
                {
                    var r1 = await js.TryPublishAsync("a", 1);
                    if (!r1.Success || r1.Value.Error is not null) return;
                    var r2 = await js.TryPublishAsync("a", 2);
                    if (r2.Success) r2.Value.EnsureSuccess();
                    var r3 = await js.TryPublishAsync("a", 3);
                    if (r3.Success && !r3.Value.IsSuccess()) Console.WriteLine("rejected");
                    var r4 = await js.TryPublishAsync("a", 4);
                    if (r4.Success && r4.Value.Seq == 0) return;
                    var r5 = await js.TryPublishAsync("a", 5);
                    var ack = r5.Value;
                    var r6 = await js.TryPublishAsync("a", 6);
                    Check(r6);
                }

                static void Check(NatsResult<PubAckResponse> result) { }
            """);
        await Verify.AnalyzerAsync(source);
    }
}
