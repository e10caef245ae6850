using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Consumers = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.ConsumerConfigurationAnalyzer>;
using Streams = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.StreamConfigurationAnalyzer>;

namespace JetStream.Analyzers.Tests.Configuration;

/// <summary>Which NATS.Net calls send a configuration (ConfigCall), and which calls that merely carry one do not.</summary>
public class ConfigCallTests
{
    private static DiagnosticResult Replicas(int location, string subject = "Stream 'ORDERS'") =>
        Streams.Diagnostic("JS1001").WithLocation(location)
            .WithMessage($"{subject} has 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas.");

    [Theory]
    [InlineData("await js.CreateStreamAsync({0});")]
    [InlineData("await js.CreateOrUpdateStreamAsync({0});")]
    [InlineData("await js.UpdateStreamAsync({0});")]
    [InlineData("await js.UpdateStreamAsync(request: {0});")]
    [InlineData("await js.CreateStreamAsync({0}, CancellationToken.None);")]
    [InlineData("await js.CreateStreamAsync(cancellationToken: default, config: {0});")]
    [InlineData("await stream.UpdateAsync({0});")]
    [InlineData("await context.CreateStreamAsync({0});")]
    [InlineData("_ = js.CreateStreamAsync({0}).AsTask();")]
    [InlineData("var pending = js.CreateStreamAsync({0}); await pending;")]
    public async Task StreamCalls(string call)
    {
        var source = Code.Usings + "using System.Threading;\n" + $$"""
            class Test
            {
                async Task Run(INatsJSContext js, NatsJSContext context, INatsJSStream stream)
                {
                    {{string.Format(call, Configs.Stream("{|#0:NumReplicas = 1|}"))}}
                }
            }
            """;
        await Streams.AnalyzerAsync(source, Replicas(0));
    }

    [Theory]
    [InlineData("await js.CreateConsumerAsync(\"ORDERS\", {0});", " on stream 'ORDERS'")]
    [InlineData("await js.CreateOrUpdateConsumerAsync(\"ORDERS\", {0});", " on stream 'ORDERS'")]
    [InlineData("await js.UpdateConsumerAsync(\"ORDERS\", {0});", " on stream 'ORDERS'")]
    [InlineData("await context.CreateOrUpdateConsumerAsync(\"ORDERS\", {0});", " on stream 'ORDERS'")]
    [InlineData("await stream.CreateOrUpdateConsumerAsync({0});", "")]
    [InlineData("await stream.CreateOrUpdateConsumerAsync({0}, CancellationToken.None);", "")]
    public async Task ConsumerCalls(string call, string onStream)
    {
        var source = Code.Usings + "using System.Threading;\n" + $$"""
            class Test
            {
                async Task Run(INatsJSContext js, NatsJSContext context, INatsJSStream stream)
                {
                    {{string.Format(call, Configs.Consumer("{|#0:MaxDeliver = 0|}"))}}
                }
            }
            """;
        await Consumers.AnalyzerAsync(source,
            Consumers.Diagnostic("JS2002").WithLocation(0)
                .WithMessage($"Consumer 'worker'{onStream} has no max-deliver limit (MaxDeliver is 0); a message that always fails is redelivered forever. Set a maximum number of deliveries."));
    }

    [Theory]
    [InlineData("await kv.CreateStoreAsync({0});")]
    [InlineData("await kv.CreateOrUpdateStoreAsync({0});")]
    [InlineData("await kv.UpdateStoreAsync({0});")]
    public async Task KeyValueCalls(string call)
    {
        var source = Code.InMethod("        " + string.Format(call, "new NatsKVConfig(\"cfg\") { {|#0:NumberOfReplicas = 1|}, MaxBytes = 1L << 20 }"));
        await Streams.AnalyzerAsync(source, Replicas(0, "Key-value bucket 'cfg'"));
    }

    [Fact]
    public async Task ObjectStoreCall()
    {
        var source = Code.InMethod("        await obj.CreateObjectStoreAsync(new NatsObjConfig(\"files\") { {|#0:NumberOfReplicas = 1|}, MaxBytes = 1L << 20 });");
        await Streams.AnalyzerAsync(source, Replicas(0, "Object store 'files'"));
    }

    [Theory]
    [InlineData("await js.PublishAsync(\"configs.orders\", cfg);")]
    [InlineData("await store.PutAsync(\"orders\", cfg);")]
    [InlineData("await store.UpdateAsync(\"orders\", cfg, 3);")]
    [InlineData("await store.CreateAsync(\"orders\", cfg);")]
    [InlineData("await mine.CreateStreamAsync(cfg);")]
    [InlineData("await mine.UpdateAsync(cfg);")]
    public async Task CallsThatOnlyCarryAStreamConfig_NotAnalyzed(string call)
    {
        // Regression (UpdateAsync<T>): INatsKVStore.UpdateAsync<StreamConfig>(key, value, revision) is not a stream update.
        var source = Code.Usings + $$"""
            class MyClient
            {
                public Task CreateStreamAsync(StreamConfig config) => Task.CompletedTask;

                public Task UpdateAsync(StreamConfig config) => Task.CompletedTask;
            }

            class Test
            {
                async Task Run(INatsJSContext js, INatsKVStore store, MyClient mine)
                {
                    var cfg = new StreamConfig("ORDERS", ["orders.>"]);
                    {{call}}
                }
            }
            """;
        await Streams.AnalyzerAsync(source);
    }

    [Theory]
    [InlineData("await store.UpdateAsync(\"orders\", cfg, 3);")]
    [InlineData("await store.PutAsync(\"orders\", cfg);")]
    [InlineData("await js.PublishAsync(\"configs.orders\", cfg);")]
    public async Task CallsThatOnlyCarryAConsumerConfig_NotAnalyzed(string call)
    {
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, INatsKVStore store)
                {
                    var cfg = new ConsumerConfig("worker");
                    {{call}}
                }
            """);
        await Consumers.AnalyzerAsync(source);
    }

    [Fact]
    public async Task ConsumerConfigToTheStreamAnalyzer_AndBack_NotMixedUp()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { NumReplicas = 3, MaxBytes = 1, MaxAge = TimeSpan.FromDays(1), DenyDelete = true, DenyPurge = true });
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("worker") { MaxDeliver = 5, Backoff = [TimeSpan.FromSeconds(1)], MaxExpires = TimeSpan.FromMinutes(1) });
            """);
        await Streams.AnalyzerAsync(source);
        await Consumers.AnalyzerAsync(source);
    }

    [Fact]
    public async Task NullOrDefaultConfig_NotAnalyzed()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync(null!);
                    await js.CreateStreamAsync(default!);
                    await js.CreateOrUpdateConsumerAsync("ORDERS", null!);
            """);
        await Streams.AnalyzerAsync(source);
        await Consumers.AnalyzerAsync(source);
    }

    [Fact]
    public async Task DynamicCalls_NotAnalyzed()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSContext js)
                {
                    dynamic context = js;
                    await context.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]));
                }
            """);
        await Streams.AnalyzerAsync(source);
    }
}
