using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace JetStream.Analyzers.Tests.LiveCheck.Health;

/// <summary>Producing consumer and stream state on a real server, and running the live check with the health rules over it.</summary>
internal static class HealthFixture
{
    /// <summary>
    /// Publishes through JetStream and waits for each acknowledgement (or refusal, for a full stream): after a plain
    /// publish and a ping the server has read the messages, but a stream may still be storing them while the check
    /// takes its before-and-after snapshots (seen on 2.15.1: 19 of 25 stored, then 25). While a cluster elects a new
    /// stream leader nobody answers; the message is sent again with the same message ID, which the stream stores once.
    /// </summary>
    public static async Task PublishAsync(NatsConnection connection, string subject, int count, int size = 16)
    {
        var js = new NatsJSContext(connection);
        var payload = new byte[size];
        var batch = Guid.NewGuid().ToString("N");
        for (var i = 0; i < count; i++)
        {
            var options = new NatsJSPubOpts { MsgId = $"{batch}-{i}" };
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await js.PublishAsync(subject, payload, opts: options);
                    break;
                }
                catch (NatsJSPublishNoResponseException) when (attempt < 100)
                {
                    await Task.Delay(100);
                }
            }
        }
    }

    // Acknowledgements confirmed by the server before the fetch returns: a plain ack may still be on its way when the
    // check snapshots the consumer's state (its ack floor moved during a check on 2.15.1).
    public static Task AckConfirmed(INatsJSMsg<byte[]> message) => message.AckAsync(new AckOpts { DoubleAck = true }).AsTask();

    public static Task NakConfirmed(INatsJSMsg<byte[]> message) => message.NakAsync(new AckOpts { DoubleAck = true }).AsTask();

    /// <summary>Pulls up to <paramref name="count"/> messages and handles each with <paramref name="handle"/> (nothing: left unacknowledged).</summary>
    public static async Task<int> FetchAsync(NatsConnection connection, string stream, string consumer, int count, Func<INatsJSMsg<byte[]>, Task>? handle = null)
    {
        var js = new NatsJSContext(connection);
        var pull = await js.GetConsumerAsync(stream, consumer);
        var received = 0;
        await foreach (var message in pull.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = count, Expires = TimeSpan.FromSeconds(1) }))
        {
            received++;
            if (handle is not null)
            {
                await handle(message);
            }
        }

        return received;
    }

    /// <summary>Runs the live check and returns the lines of the rules whose ID starts with <paramref name="id"/>; asserts that the server's state (delivery state included) is unchanged.</summary>
    public static async Task<List<string>> CheckAsync(NatsConnection admin, string url, ConfigRepo repo, string id, IDictionary<string, string>? options = null, bool allStreams = false)
    {
        var before = await JetStreamState.SnapshotAsync(admin);
        var findings = repo.LintLiveHealth(ConfigRepo.Server(url), options, allStreams);
        Assert.Equal(before, await JetStreamState.SnapshotAsync(admin));
        Assert.DoesNotContain(findings, l => l.Contains(": JS5001:", StringComparison.Ordinal));
        return findings.Where(l => l.Contains(": " + id, StringComparison.Ordinal)).Select(l => l.Replace(url, "SERVER", StringComparison.Ordinal)).ToList();
    }

    public static Dictionary<string, string> Options(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}
