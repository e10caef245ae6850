using System;

namespace JetStream.Analyzers.Benchmarks;

/// <summary>
/// One file of a project that is nothing but JetStream wiring (a gateway, an event router, a worker host): a stream
/// created with <c>new StreamConfig(…) {…}</c>, a consumer with <c>new ConsumerConfig(…) {…}</c>, and an
/// <c>await foreach</c> over ConsumeAsync that publishes with a MsgId, checks the ack with EnsureSuccess, acks, and
/// naks with a delay in a catch. About half of the configurations are unsafe, so the configuration rules report.
/// Clean, every configuration is safe and nothing is reported: the same analysis without the compiler's cost of
/// reporting (about 0.1 ms a diagnostic, charged to the analyzer that reports it).
/// </summary>
internal static class DenseCode
{
    public static string File(int n, bool clean)
    {
        var random = new Random(5_000 + n);
        var domain = OrdinaryCode.Domain(n);
        var subject = domain.ToLowerInvariant() + n;
        var stream = domain.ToUpperInvariant() + "_" + n;
        var replicas = random.Next(4) == 0 && !clean ? "1" : "3";
        var maxBytes = random.Next(2) == 0 && !clean ? string.Empty : $"\n                MaxBytes = {random.Next(1, 64)}L * 1024 * 1024 * 1024,";
        var maxDeliver = random.Next(2) == 0 && !clean ? string.Empty : $"\n                MaxDeliver = {random.Next(4, 10)},";
        var safeStream = clean ? "\n                DenyDelete = true,\n                DenyPurge = true," : string.Empty;

        // Drawn in the order the template used to draw them, so the dense files stay what they were.
        var maxAge = random.Next(1, 60);
        var ackWait = random.Next(10, 120);
        var nakDelay = random.Next(1, 30);

        // With a backoff the server waits the first backoff value instead of AckWait (JS2011), so the clean file sets none.
        var ackWaitLine = clean ? string.Empty : $"\n            AckWait = TimeSpan.FromSeconds({ackWait}),";
        var safeConsumer = clean ? "\n                Backoff = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)],\n                MaxBatch = 100,\n                MaxExpires = TimeSpan.FromSeconds(30)," : string.Empty;
        return $$"""
            using NATS.Client.Core;
            using NATS.Client.JetStream;
            using NATS.Client.JetStream.Models;

            namespace Bench.Dense.{{domain}};

            public sealed class {{domain}}Router{{n}}(INatsJSContext js)
            {
                public async Task RunAsync(CancellationToken cancellationToken)
                {
                    await js.CreateOrUpdateStreamAsync(new StreamConfig("{{stream}}", ["{{subject}}.>"])
                    {
                        NumReplicas = {{replicas}},
                        MaxAge = TimeSpan.FromDays({{maxAge}}),{{maxBytes}}
                        DuplicateWindow = TimeSpan.FromMinutes(2),{{safeStream}}
                    }, cancellationToken);

                    var consumer = await js.CreateOrUpdateConsumerAsync("{{stream}}", new ConsumerConfig("{{subject}}-router")
                    {
                        AckPolicy = ConsumerConfigAckPolicy.Explicit,{{ackWaitLine}}{{maxDeliver}}
                        FilterSubject = "{{subject}}.in",{{safeConsumer}}
                    }, cancellationToken);

                    await foreach (var msg in consumer.ConsumeAsync<string>(cancellationToken: cancellationToken))
                    {
                        try
                        {
                            var ack = await js.PublishAsync("{{subject}}.out", msg.Data, opts: new NatsJSPubOpts { MsgId = msg.Metadata?.Sequence.Stream.ToString() }, cancellationToken: cancellationToken);
                            ack.EnsureSuccess();
                            await msg.AckAsync(cancellationToken: cancellationToken);
                        }
                        catch (NatsJSException)
                        {
                            await msg.NakAsync(new AckOpts { NakDelay = TimeSpan.FromSeconds({{nakDelay}}) }, cancellationToken);
                        }
                    }
                }
            }
            """;
    }
}
