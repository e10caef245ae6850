using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using static JetStream.Analyzers.Tests.LiveCheck.Health.HealthFixture;

namespace JetStream.Analyzers.Tests.LiveCheck.Health;

/// <summary>JS6001–JS6003 on consumer state a real server produced: messages published past a consumer, ack-less pulls, nak loops.</summary>
public sealed class ConsumerHealthTests
{
    private const string Stream = """{"name":"ORDERS","subjects":["orders.>"],"max_age":3600000000000}""";

    private static string Consumer(string name, int maxAckPending = 1000) =>
        $$$"""{"stream_name":"ORDERS","config":{"durable_name":"{{{name}}}","ack_policy":"explicit","max_ack_pending":{{{maxAckPending}}},"ack_wait":60000000000}}""";

    private static async Task<(NatsServer Server, ConfigRepo Repo)> StartAsync(string release, params string[] consumers)
    {
        var server = await NatsServer.StartAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, Stream);
        var repo = new ConfigRepo().With("streams/orders.json", Stream);
        for (var i = 0; i < consumers.Length; i++)
        {
            await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, consumers[i]);
            repo.With($"consumers/c{i}.json", consumers[i]);
        }

        return (server, repo);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task Pending_above_the_threshold_is_consumer_lag(string release)
    {
        var (server, repo) = await StartAsync(release, Consumer("ship"));
        await using var _ = server;
        using var __ = repo;
        await PublishAsync(server.Connection, "orders.new", 25);

        var finding = Assert.Single(await CheckAsync(server.Connection, server.Url, repo, "JS6001", Options(("jetstream_max_consumer_pending", "20"))));
        Assert.Equal("consumers/c0.json(1,50): JS6001: Consumer 'ship' on stream 'ORDERS' has 25 messages not yet delivered (num_pending), above the threshold of 20: its subscribers don't keep up with the publishers. Add subscribers or make processing faster, or check that the application is running.", finding);
        Assert.Empty(await CheckAsync(server.Connection, server.Url, repo, "JS6001", Options(("jetstream_max_consumer_pending", "25"))));
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task Ack_less_delivery_up_to_max_ack_pending_is_a_stalled_consumer(string release)
    {
        var (server, repo) = await StartAsync(release, Consumer("ship", maxAckPending: 5), Consumer("bill", maxAckPending: 100));
        await using var _ = server;
        using var __ = repo;
        await PublishAsync(server.Connection, "orders.new", 8);
        Assert.Equal(5, await FetchAsync(server.Connection, "ORDERS", "ship", 8));
        Assert.Equal(8, await FetchAsync(server.Connection, "ORDERS", "bill", 8));

        // The server really stops: another pull gets nothing while 5 wait for an acknowledgement.
        Assert.Equal(0, await FetchAsync(server.Connection, "ORDERS", "ship", 8));
        var finding = Assert.Single(await CheckAsync(server.Connection, server.Url, repo, "JS6002"));
        Assert.Equal("consumers/c0.json(1,50): JS6002: Consumer 'ship' on stream 'ORDERS' has 5 messages delivered and not acknowledged, its max_ack_pending of 5: the server delivers nothing more until some are acknowledged, while 3 more wait in the stream. Find out why messages are not acknowledged (processing errors, a missing ack), then raise ack_wait or max_ack_pending if processing is just slow.", finding);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task A_nak_loop_is_high_redelivery_and_acknowledged_messages_are_not(string release)
    {
        var (server, repo) = await StartAsync(release, Consumer("ship"), Consumer("bill"));
        await using var _ = server;
        using var __ = repo;
        await PublishAsync(server.Connection, "orders.new", 10);
        Assert.Equal(10, await FetchAsync(server.Connection, "ORDERS", "ship", 10, NakConfirmed));
        Assert.Equal(10, await FetchAsync(server.Connection, "ORDERS", "ship", 10, NakConfirmed));
        Assert.Equal(10, await FetchAsync(server.Connection, "ORDERS", "ship", 10));
        Assert.Equal(10, await FetchAsync(server.Connection, "ORDERS", "bill", 10, AckConfirmed));

        var finding = Assert.Single(await CheckAsync(server.Connection, server.Url, repo, "JS6003"));
        Assert.Equal("consumers/c0.json(1,50): JS6003: Consumer 'ship' on stream 'ORDERS' has 10 redelivered messages waiting for an acknowledgement (num_redelivered), 33.3% of its 30 deliveries, above the threshold of 5%: messages are negatively acknowledged or not acknowledged within ack_wait. Fix the processing errors, or raise ack_wait if processing takes longer.", finding);
        Assert.Empty(await CheckAsync(server.Connection, server.Url, repo, "JS6003", Options(("jetstream_max_redelivered_ratio", "50%"))));
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task A_healthy_consumer_shows_no_health_finding(string release)
    {
        var (server, repo) = await StartAsync(release, Consumer("ship", maxAckPending: 5));
        await using var _ = server;
        using var __ = repo;
        await PublishAsync(server.Connection, "orders.new", 8);
        Assert.Equal(8, await FetchAsync(server.Connection, "ORDERS", "ship", 8, AckConfirmed));

        var findings = await CheckAsync(server.Connection, server.Url, repo, "JS6");
        Assert.Empty(findings);
    }
}
