using System.Collections.Generic;
using System.Threading.Tasks;
using JetStream.Analyzers.CodeFixes;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.NakWithoutDelayAnalyzer>;

namespace JetStream.Analyzers.Tests.CodeFixes;

public class NakDelayCodeFixProviderTests
{
    private static string InCatch(string nak, string message = "var msg") => Code.InClass($$"""
                async Task Run(INatsJSConsumer consumer, System.Threading.CancellationToken ct)
                {
                    await foreach ({{message}} in consumer.ConsumeAsync<string>())
                    {
                        try
                        {
                            await msg.AckAsync();
                        }
                        catch (Exception)
                        {
                            // retry later
                            {{nak}} // after a pause
                        }
                    }
                }
            """);

    [Fact]
    public async Task NakWithoutArguments_GetsTheDefaultDelay()
    {
        await Verify.CodeFixAsync<NakDelayCodeFixProvider>(
            InCatch("await {|JS3005:msg.NakAsync()|};"),
            InCatch("await msg.NakAsync(TimeSpan.FromSeconds(5));"),
            equivalenceKey: "JS3005");
    }

    [Fact]
    public async Task ConfiguredDelay_IsUsed()
    {
        var options = new Dictionary<string, string> { ["jetstream_default_nak_delay"] = "2m" };
        await Verify.CodeFixAsync<NakDelayCodeFixProvider>(
            InCatch("await {|JS3005:msg.NakAsync()|};"),
            InCatch("await msg.NakAsync(TimeSpan.FromMinutes(2));"),
            options,
            equivalenceKey: "JS3005");
    }

    [Fact]
    public async Task CancellationTokenArgument_IsKept()
    {
        await Verify.CodeFixAsync<NakDelayCodeFixProvider>(
            InCatch("await {|JS3005:msg.NakAsync(null, ct)|};"),
            InCatch("await msg.NakAsync(TimeSpan.FromSeconds(5), ct);"),
            equivalenceKey: "JS3005");
    }

    [Fact]
    public async Task ExistingAckOpts_GetsNakDelay()
    {
        await Verify.CodeFixAsync<NakDelayCodeFixProvider>(
            InCatch("await {|JS3005:msg.NakAsync(new AckOpts { DoubleAck = true })|};"),
            InCatch("await msg.NakAsync(new AckOpts { DoubleAck = true, NakDelay = TimeSpan.FromSeconds(5) });"),
            equivalenceKey: "JS3005");
    }

    [Fact]
    public async Task StructMessage_UsesTheExtension()
    {
        await Verify.CodeFixAsync<NakDelayCodeFixProvider>(
            InCatch("await {|JS3005:msg.NakAsync()|};", "NatsJSMsg<string> msg"),
            InCatch("await msg.NakAsync(TimeSpan.FromSeconds(5));", "NatsJSMsg<string> msg"),
            equivalenceKey: "JS3005");
    }

    [Fact]
    public async Task FixAll_AddsDelaysEverywhere()
    {
        var source = Code.InClass("""
                async Task Run(INatsJSConsumer consumer)
                {
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        try { await msg.AckAsync(); }
                        catch (TimeoutException) { await {|JS3005:msg.NakAsync()|}; }
                        catch (Exception) { await {|JS3005:msg.NakAsync(new AckOpts())|}; }
                    }
                }
            """);
        var fixedSource = Code.InClass("""
                async Task Run(INatsJSConsumer consumer)
                {
                    await foreach (var msg in consumer.ConsumeAsync<string>())
                    {
                        try { await msg.AckAsync(); }
                        catch (TimeoutException) { await msg.NakAsync(TimeSpan.FromSeconds(5)); }
                        catch (Exception) { await msg.NakAsync(new AckOpts { NakDelay = TimeSpan.FromSeconds(5) }); }
                    }
                }
            """);
        await Verify.CodeFixAsync<NakDelayCodeFixProvider>(source, fixedSource, fixedSource, options: null, equivalenceKey: "JS3005");
    }
}
