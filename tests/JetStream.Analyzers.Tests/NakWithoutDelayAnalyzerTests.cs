using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.NakWithoutDelayAnalyzer>;

namespace JetStream.Analyzers.Tests;

public class NakWithoutDelayAnalyzerTests
{
    private const string Handlers = """
            static Task Handle(string? data) => Task.CompletedTask;
            static Task<bool> TryHandle(string? data) => Task.FromResult(true);
            static Task<Result> Process(string? data) => Task.FromResult(new Result());
            static bool IsMine(string? data) => true;
            sealed class Result { public bool IsSuccess { get; set; } public bool Failed { get; set; } }
        """;

    [Fact]
    public async Task NakInCatchBlock_Reports()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSConsumer consumer)
                {
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        try
                        {
                            await Handle(msg.Data);
                            await msg.AckAsync();
                        }
                        catch (Exception)
                        {
                            await {|#0:msg.NakAsync()|};
                        }
                    }
                }
            """ + Handlers);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3005").WithLocation(0).WithArguments("msg.NakAsync()", "in a catch block"));
    }

    [Fact]
    public async Task NakOnFailureBranches_Reports()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSConsumer consumer)
                {
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        if (!await TryHandle(msg.Data))
                        {
                            await {|#0:msg.NakAsync()|};
                            continue;
                        }

                        if (await TryHandle(msg.Data)) await msg.AckAsync();
                        else await {|JS3005:msg.NakAsync()|};

                        var ok = await TryHandle(msg.Data);
                        if (ok == false) await {|JS3005:msg.NakAsync()|};

                        var result = await Process(msg.Data);
                        if (result.IsSuccess) await msg.AckAsync(); else await {|JS3005:msg.NakAsync()|};
                        if (result.Failed) await {|JS3005:msg.NakAsync()|};
                    }
                }
            """ + Handlers);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3005").WithLocation(0).WithArguments("msg.NakAsync()", "on a failure path"));
    }

    [Fact]
    public async Task OptionsWithoutDelayAndStructMessages_Report()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSConsumer consumer, System.Threading.CancellationToken ct)
                {
                    await foreach (NatsJSMsg<string> msg in consumer.ConsumeAsync<string>())
                    {
                        try
                        {
                            await Handle(msg.Data);
                        }
                        catch (InvalidOperationException)
                        {
                            await {|JS3005:msg.NakAsync(new AckOpts { DoubleAck = true })|};
                        }
                        catch (Exception)
                        {
                            await {|JS3005:msg.NakAsync(null, ct)|};
                            await {|JS3005:msg.NakAsync(default)|};
                            await {|JS3005:msg.NakAsync(cancellationToken: ct)|};
                        }
                    }
                }
            """ + Handlers);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task NakInCatchInsideLambdaAndNextAsyncMessage_Reports()
    {
        var source = Code.InClass("""
                void Register(INatsJSConsumer consumer)
                {
                    Func<Task> loop = async () =>
                    {
                        var msg = await consumer.NextAsync<string>();
                        if (msg is null) return;
                        try { await Handle(msg.Data); await msg.AckAsync(); }
                        catch { await {|JS3005:msg.NakAsync()|}; }
                    };
                }
            """ + Handlers);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task NakWithDelayOrUnknownOptions_NoDiagnostic()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSConsumer consumer, AckOpts opts)
                {
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        try
                        {
                            await Handle(msg.Data);
                            await msg.AckAsync();
                        }
                        catch (TimeoutException)
                        {
                            await msg.NakAsync(TimeSpan.FromSeconds(10));
                        }
                        catch (InvalidOperationException)
                        {
                            await msg.NakAsync(new AckOpts { NakDelay = TimeSpan.FromSeconds(30) });
                        }
                        catch (Exception)
                        {
                            await msg.NakAsync(opts);
                        }
                    }
                }
            """ + Handlers);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task NakOutsideFailurePathsAndOnCancellation_NoDiagnostic()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSConsumer consumer, System.Threading.CancellationToken ct)
                {
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        if (!IsMine(msg.Data))
                        {
                            await msg.NakAsync();
                            continue;
                        }

                        if (ct.IsCancellationRequested)
                        {
                            await msg.NakAsync();
                            break;
                        }

                        try
                        {
                            await Handle(msg.Data);
                            await msg.AckAsync();
                        }
                        catch (OperationCanceledException)
                        {
                            await msg.NakAsync();
                        }
                        catch (Exception) when (ct.IsCancellationRequested)
                        {
                            await msg.NakAsync();
                        }
                        catch (Exception)
                        {
                            Func<Task> later = async () => await msg.NakAsync();
                            await msg.AckTerminateAsync();
                        }
                    }
                }
            """ + Handlers);
        await Verify.AnalyzerAsync(source);
    }
}
