using System;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.Core;

namespace JetStream.Analyzers.Tests.LiveCheck;

/// <summary>
/// The live check only reads: it runs as a user that may publish nothing but the three read-only requests it uses,
/// and the server's streams and consumers (configuration, creation time, messages, delivery state) are the same after
/// a run that reports every kind of finding.
/// </summary>
public sealed class ReadOnlyTests
{
    private const string Permissions = """
        authorization {
          users = [
            { user: linter, password: linter-secret, permissions: { publish: { allow: ["$JS.API.INFO", "$JS.API.STREAM.LIST", "$JS.API.CONSUMER.LIST.>"] }, subscribe: { allow: ["_INBOX.>"] } } }
            { user: admin, password: admin-secret }
          ]
        }
        """;

    [NatsServerFact]
    public async Task A_user_allowed_only_the_read_requests_runs_the_whole_check_and_changes_nothing()
    {
        await using var server = await ConfiguredNatsServer.StartAsync(Permissions);
        await using var admin = new NatsConnection(new NatsOpts { Url = server.Url, AuthOpts = new NatsAuthOpts { Username = "admin", Password = "admin-secret" } });
        await admin.ConnectAsync();
        await Seed(admin);
        using var repo = Repository();
        var before = await JetStreamState.SnapshotAsync(admin);

        var settings = ConfigRepo.Server(server.Url);
        settings.User = "linter";
        settings.Password = "linter-secret";
        var findings = repo.LintLive(settings);

        Assert.DoesNotContain(findings, l => l.Contains(": JS5001:", StringComparison.Ordinal));
        foreach (var id in new[] { "JS5002", "JS5003", "JS5007", "JS5008", "JS5009" })
        {
            Assert.Contains(findings, l => l.Contains(": " + id + ":", StringComparison.Ordinal));
        }

        Assert.Equal(before, await JetStreamState.SnapshotAsync(admin));
    }

    [NatsServerFact]
    public async Task A_cluster_is_unchanged_after_the_check()
    {
        await using var cluster = await NatsCluster.StartAsync();
        await Seed(cluster.Connection);
        using var repo = Repository();
        var before = await JetStreamState.SnapshotAsync(cluster.Connection);

        var findings = repo.LintLive(ConfigRepo.Server(cluster.Url));

        Assert.Contains(findings, l => l.Contains(": JS5003:", StringComparison.Ordinal));
        Assert.Equal(before, await JetStreamState.SnapshotAsync(cluster.Connection));
    }

    private static async Task Seed(NatsConnection admin)
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(admin, """{"name":"ORDERS","subjects":["orders.>"],"max_age":86400000000000}""");
        await RawJetStreamApi.CreateStreamOrFailAsync(admin, """{"name":"LEGACY","subjects":["legacy.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(admin, """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit"}}""");
        for (var i = 0; i < 10; i++)
        {
            await admin.PublishAsync($"orders.{i}", $"order {i}");
        }

        await admin.PingAsync();
    }

    private static ConfigRepo Repository() => new ConfigRepo()
        .With("streams/orders.json", """{"name":"ORDERS","subjects":["orders.>"],"max_age":3600000000000,"storage":"memory"}""")
        .With("streams/new.json", """{"name":"NEW","subjects":["legacy.new"]}""")
        .With("consumers/ship.json", """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit","max_deliver":3}}""")
        .With("consumers/bill.json", """{"stream_name":"ORDERS","config":{"durable_name":"bill","ack_policy":"explicit"}}""");
}
