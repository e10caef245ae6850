using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using static JetStream.Analyzers.Tests.LiveCheck.Health.HealthFixture;

namespace JetStream.Analyzers.Tests.LiveCheck.Health;

/// <summary>JS6006 on a real 3-node cluster: silent while every replica is current, reported once a node is stopped.</summary>
public sealed class ReplicaHealthTests
{
    private const string Stream = """{"name":"ORDERS","subjects":["orders.>"],"num_replicas":3,"max_age":3600000000000}""";
    private const string Consumer = """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit","num_replicas":3}}""";

    [Theory]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task A_stopped_node_leaves_replicas_behind_and_is_reported(string release)
    {
        await using var cluster = await NatsCluster.StartAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(cluster.Connection, Stream);
        await RawJetStreamApi.PutConsumerOrFailAsync(cluster.Connection, Consumer);
        using var repo = new ConfigRepo().With("streams/orders.json", Stream).With("consumers/ship.json", Consumer);
        await PublishAsync(cluster.Connection, "orders.new", 10);
        await WaitForReplicasAsync(cluster, current: true);

        Assert.Empty(await CheckAsync(cluster.Connection, cluster.Url, repo, "JS6006"));

        await cluster.StopNodeAsync(2);
        await PublishAsync(cluster.Connection, "orders.new", 10);
        await WaitForReplicasAsync(cluster, current: false);

        var findings = await CheckAsync(cluster.Connection, cluster.Url, repo, "JS6006");
        var stream = Assert.Single(findings, l => l.StartsWith("streams/orders.json", StringComparison.Ordinal));
        Assert.Matches(@"^streams/orders\.json\(1,9\): JS6006: Stream 'ORDERS' has a replica behind its leader 'n[12]': 'n3' is (offline|not current \(\d+ entries behind\))\. Check that the servers of cluster 'C1' are running and can reach each other, and that they have disk space\.$", stream);
    }

    // Polls the stream's cluster info until its replicas are all current (or, after a stop, until one is not); while
    // they should be current, the consumer's replicas must be too, or the first check finds the consumer behind.
    private static async Task WaitForReplicasAsync(NatsCluster cluster, bool current)
    {
        var last = string.Empty;
        for (var i = 0; i < 300; i++)
        {
            try
            {
                last = await InfoAsync(cluster);
                if (TryReplicas(last, out var allCurrent) && allCurrent == current && await ConsumerListedAsync(cluster, current))
                {
                    return;
                }
            }
            catch (Exception e) when (e is NATS.Client.Core.NatsException or TimeoutException or OperationCanceledException)
            {
                last = e.Message; // no responders or no reply while the groups elect leaders
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the replicas of ORDERS did not become {(current ? "current" : "not current")}: {last}");
    }

    // Right after a create or a leader change a cluster lists the consumer under "missing" and returns an empty page.
    private static async Task<bool> ConsumerListedAsync(NatsCluster cluster, bool current)
    {
        var reply = await cluster.Connection.RequestAsync<byte[], string>("$JS.API.CONSUMER.LIST.ORDERS", "{\"offset\":0}"u8.ToArray(), replyOpts: new NATS.Client.Core.NatsSubOpts { Timeout = TimeSpan.FromSeconds(2) });
        using var json = JsonDocument.Parse(reply.Data ?? "{}");
        if (!json.RootElement.TryGetProperty("consumers", out var consumers) || consumers.ValueKind != JsonValueKind.Array || consumers.GetArrayLength() != 1)
        {
            return false;
        }

        return !current || TryReplicas(consumers[0].GetRawText(), out var allCurrent) && allCurrent;
    }

    private static async Task<string> InfoAsync(NatsCluster cluster)
    {
        var reply = await cluster.Connection.RequestAsync<byte[], string>("$JS.API.STREAM.INFO.ORDERS", Array.Empty<byte>(), replyOpts: new NATS.Client.Core.NatsSubOpts { Timeout = TimeSpan.FromSeconds(2) });
        return reply.Data ?? string.Empty;
    }

    private static bool TryReplicas(string info, out bool allCurrent)
    {
        allCurrent = false;
        try
        {
            using var json = JsonDocument.Parse(info);
            if (!json.RootElement.TryGetProperty("cluster", out var group) || !group.TryGetProperty("leader", out var leader) || string.IsNullOrEmpty(leader.GetString())
                || !group.TryGetProperty("replicas", out var replicas))
            {
                return false;
            }

            var list = replicas.EnumerateArray().ToList();
            allCurrent = list.Count == 2 && list.All(r => r.TryGetProperty("current", out var c) && c.GetBoolean() && !(r.TryGetProperty("offline", out var o) && o.GetBoolean()));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
