using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.ConnectionPerIterationAnalyzer>;

namespace JetStream.Analyzers.Tests;

public class ConnectionPerIterationAnalyzerTests
{
    [Fact]
    public async Task ConnectionPerMessage_Reports()
    {
        var source = Code.InMethod("""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        await using var connection = {|#0:new NatsConnection()|};
                        await connection.PublishAsync("audit", msg.Data);
                        await msg.AckAsync();
                    }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3007").WithLocation(0).WithArguments(
            "NatsConnection", "for every message of the loop over ConsumeAsync"));
    }

    [Fact]
    public async Task ConnectionDisposedOnEveryIteration_Reports()
    {
        var source = Code.InClass("""
                async Task Run(string[] lines)
                {
                    while (true)
                    {
                        await using (var client = {|#0:new NATS.Net.NatsClient("nats://localhost:4222")|})
                        {
                            await client.PublishAsync("lines", "x");
                        }
                    }
                }

                async Task Each(string[] lines)
                {
                    foreach (var line in lines)
                    {
                        await using NatsConnection connection = {|#1:new(new NatsOpts { Url = "nats://localhost:4222" })|};
                        await connection.PublishAsync("lines", line);
                    }
                }
            """);
        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("JS3007").WithLocation(0).WithArguments("NatsClient", "and disposed on every iteration of the loop"),
            Verify.Diagnostic("JS3007").WithLocation(1).WithArguments("NatsConnection", "and disposed on every iteration of the loop"));
    }

    [Fact]
    public async Task ConnectionKeptInALocalOfTheLoopBody_Reports()
    {
        var source = Code.InClass("""
                async Task Run(string[] lines)
                {
                    while (true)
                    {
                        var connection = {|#0:new NatsConnection()|};
                        var context = new NatsJSContext(connection);
                        (await context.PublishAsync("lines", "x")).EnsureSuccess();
                        await connection.DisposeAsync();
                    }
                }
            """);
        await Verify.AnalyzerAsync(source, Verify.Diagnostic("JS3007").WithLocation(0).WithArguments("NatsConnection", "on every iteration of the loop"));
    }

    [Fact]
    public async Task ClientPerMessageInNextAsyncLoopWithoutUsing_Reports()
    {
        var source = Code.InMethod("""
                    var consumer = await js.GetConsumerAsync("ORDERS", "processor");
                    while (true)
                    {
                        var msg = await consumer.NextAsync<string>();
                        if (msg is null) continue;
                        var client = {|JS3007:new NATS.Net.NatsClient()|};
                        await client.PublishAsync("audit", msg.Data);
                        await msg.AckAsync();
                    }
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task SharedPooledPacedOrPerServerConnections_NoDiagnostic()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSConsumer consumer, string[] urls)
                {
                    await using var shared = new NatsConnection();
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        await shared.PublishAsync("audit", msg.Data);
                        await msg.AckAsync();
                    }

                    var pool = new List<NatsConnection>();
                    for (var i = 0; i < 4; i++)
                    {
                        pool.Add(new NatsConnection());
                    }

                    while (pool.Count < 8)
                    {
                        var extra = new NatsConnection();
                        await extra.ConnectAsync();
                        pool.Add(extra);
                    }

                    foreach (var url in urls)
                    {
                        await using var probe = new NatsConnection(new NatsOpts { Url = url });
                        await probe.PingAsync();
                    }

                    while (true)
                    {
                        await using var health = new NatsConnection();
                        await health.PingAsync();
                        await Task.Delay(TimeSpan.FromMinutes(1));
                    }
                }

                void Later(INatsJSConsumer consumer, List<Func<NatsConnection>> factories)
                {
                    for (var i = 0; i < 10; i++)
                    {
                        factories.Add(() => new NatsConnection());
                    }
                }
            """);
        await Verify.AnalyzerAsync(source);
    }
}
