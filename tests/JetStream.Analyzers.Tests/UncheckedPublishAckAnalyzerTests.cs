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
                    await js.TryPublishAsync("a", 6);
                    await js.Connection.PublishAsync("core.subject", 7);
                    await PublishAsync("a", 8);
                }

                static void Check(PubAckResponse ack) => ack.EnsureSuccess();

                static Task<PubAckResponse> PublishAsync(string subject, int data) => Task.FromResult(new PubAckResponse());
            """);
        await Verify.AnalyzerAsync(source);
    }
}
