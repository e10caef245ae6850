using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck.Checks;

/// <summary>JS5004 and the drift rules against a real 3-node cluster (routes between three nats-server processes).</summary>
public sealed class ReplicasInClusterTests
{
    private static ConnectionSettings Settings(NatsCluster cluster) =>
        ConfigRepo.Server(string.Join(",", cluster.Urls));

    /// <summary>The live check's findings; the cluster's streams and consumers must be the same afterwards.</summary>
    private static async Task<List<string>> CheckAsync(NatsCluster cluster, ConfigRepo repo, params string[] only)
    {
        var before = await JetStreamState.SnapshotAsync(cluster.Connection);
        var findings = repo.LintLive(Settings(cluster), null, only);
        Assert.Equal(before, await JetStreamState.SnapshotAsync(cluster.Connection));
        return findings;
    }

    [NatsServerFact]
    public async Task More_replicas_than_the_cluster_has_servers_are_reported_and_refused()
    {
        await using var cluster = await NatsCluster.StartAsync();
        var file = """{"name":"ORDERS","subjects":["orders.>"],"num_replicas":5}""";
        using var repo = new ConfigRepo().With("streams/orders.json", file);

        var finding = Assert.Single(await CheckAsync(cluster, repo), l => l.Contains(": JS5004:", StringComparison.Ordinal));
        Assert.StartsWith($"streams/orders.json(1,57): JS5004: Stream 'ORDERS' asks for 5 replicas, but cluster 'C1' of {cluster.Url} (nats-server ", finding, StringComparison.Ordinal);
        Assert.EndsWith(") has 3 servers; the server refuses it ('no suitable peers for placement')", finding, StringComparison.Ordinal);

        var refused = await RawJetStreamApi.CreateStreamAsync(cluster.Connection, file);
        Assert.NotNull(refused);
        Assert.Contains("no suitable peers for placement", refused, StringComparison.Ordinal);
    }

    [NatsServerFact]
    public async Task Replicated_streams_and_consumers_that_fit_show_no_finding_once_applied()
    {
        await using var cluster = await NatsCluster.StartAsync();
        var stream = """{"name":"ORDERS","subjects":["orders.>"],"num_replicas":3,"max_bytes":1048576,"max_age":3600000000000}""";
        var consumer = """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit","max_deliver":5,"backoff":[1000000000,10000000000]}}""";
        var other = """{"name":"ELSEWHERE","subjects":["elsewhere.>"],"num_replicas":5,"placement":{"cluster":"C2"}}""";
        using var repo = new ConfigRepo().With("streams/orders.json", stream).With("consumers/ship.json", consumer).With("streams/elsewhere.json", other);

        // Before: both are missing; a stream placed in another cluster is not judged by this one's size.
        // Whole lines in the failure message: one run of the full suite saw a JS5004 here that xunit's collection diff cut short.
        var tooMany = (await CheckAsync(cluster, repo)).Where(l => l.Contains(": JS5004:", StringComparison.Ordinal)).ToList();
        Assert.True(tooMany.Count == 0, string.Join("\n", tooMany));
        Assert.Null(await RawJetStreamApi.CreateStreamAsync(cluster.Connection, stream));
        Assert.Null(await RawJetStreamApi.PutConsumerAsync(cluster.Connection, consumer));

        var live = (await CheckAsync(cluster, repo, "streams/orders.json", "consumers/ship.json")).Where(l => l.Contains(": JS50", StringComparison.Ordinal)).ToList();
        Assert.Empty(live);
    }
}
