using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.Core;

namespace JetStream.Analyzers.Tests.LiveCheck.Checks;

/// <summary>
/// Each case runs a server whose account has one JetStream limit, lints definitions that exceed it, and shows the
/// server refusing them with the error the finding quotes.
/// </summary>
public sealed class AccountLimitExceededTests
{
    /// <summary>A server whose account APP has the given JetStream limits, and a connection as its user.</summary>
    private sealed class LimitedAccount : IAsyncDisposable
    {
        private LimitedAccount(ConfiguredNatsServer server, NatsConnection connection)
        {
            Server = server;
            Connection = connection;
        }

        public ConfiguredNatsServer Server { get; }

        public NatsConnection Connection { get; }

        public static async Task<LimitedAccount> StartAsync(string limits)
        {
            var server = await ConfiguredNatsServer.StartAsync($$"""
                accounts {
                  APP: {
                    jetstream: { {{limits}} }
                    users: [ { user: app, password: app } ]
                  }
                }
                """);
            var connection = new NatsConnection(new NatsOpts { Url = server.Url, AuthOpts = new NatsAuthOpts { Username = "app", Password = "app" } });
            await connection.ConnectAsync();
            return new LimitedAccount(server, connection);
        }

        /// <summary>The JS5005 findings; the server's state must be the same afterwards.</summary>
        public List<string> Check(ConfigRepo repo)
        {
            var before = JetStreamState.SnapshotAsync(Connection).GetAwaiter().GetResult();
            var settings = ConfigRepo.Server(Server.Url);
            settings.User = "app";
            settings.Password = "app";
            var findings = repo.LintLive(settings).Where(l => l.Contains(": JS5005:", StringComparison.Ordinal)).Select(l => l.Replace(Server.Url, "SERVER", StringComparison.Ordinal)).ToList();
            Assert.Equal(before, JetStreamState.SnapshotAsync(Connection).GetAwaiter().GetResult());
            return findings;
        }

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            await Server.DisposeAsync();
        }
    }

    [NatsServerFact]
    public async Task Streams_without_max_bytes_when_the_account_requires_it()
    {
        await using var account = await LimitedAccount.StartAsync("max_mem: 64MB, max_file: 64MB, max_bytes_required: true");
        using var repo = new ConfigRepo().With("streams/orders.json", """{"name":"ORDERS","subjects":["orders.>"]}""");

        var finding = Assert.Single(account.Check(repo));
        Assert.Equal("streams/orders.json(1,9): JS5005: Stream 'ORDERS' has no max_bytes; the account's limit is that every stream sets max_bytes, so the server refuses it ('account requires a stream config to have max bytes set')", finding);
        Assert.Equal("account requires a stream config to have max bytes set", await RawJetStreamApi.CreateStreamAsync(account.Connection, """{"name":"ORDERS","subjects":["orders.>"]}"""));
    }

    [NatsServerFact]
    public async Task A_stream_larger_than_the_accounts_largest_stream()
    {
        await using var account = await LimitedAccount.StartAsync("max_mem: 64MB, max_file: 64MB, disk_max_stream_bytes: 4MB");
        var file = """{"name":"ORDERS","subjects":["orders.>"],"max_bytes":8388608}""";
        using var repo = new ConfigRepo().With("streams/orders.json", file);

        var finding = Assert.Single(account.Check(repo));
        Assert.Equal("streams/orders.json(1,54): JS5005: Stream 'ORDERS' has max_bytes 8 MiB; the account's limit is 4 MiB per stream, so the server refuses it ('stream max bytes exceeds account limit max stream bytes')", finding);
        Assert.Equal("stream max bytes exceeds account limit max stream bytes", await RawJetStreamApi.CreateStreamAsync(account.Connection, file));
    }

    [NatsServerFact]
    public async Task Reservations_beyond_the_accounts_storage_count_streams_already_on_the_server()
    {
        await using var account = await LimitedAccount.StartAsync("max_mem: 64MB, max_file: 10MB");
        await RawJetStreamApi.CreateStreamOrFailAsync(account.Connection, """{"name":"LEGACY","subjects":["legacy.>"],"max_bytes":4194304}""");
        var orders = """{"name":"ORDERS","subjects":["orders.>"],"max_bytes":4194304}""";
        var payments = """{"name":"PAYMENTS","subjects":["payments.>"],"max_bytes":4194304}""";
        using var repo = new ConfigRepo().With("streams/a-orders.json", orders).With("streams/b-payments.json", payments);

        var finding = Assert.Single(account.Check(repo));
        Assert.Equal("streams/b-payments.json(1,58): JS5005: Stream 'PAYMENTS' reserves 4 MiB of file storage (max_bytes × num_replicas), which brings the account's reservations to 12 MiB; the account's limit is 10 MiB of file storage, so the server refuses it ('insufficient storage resources available')", finding);
        Assert.Null(await RawJetStreamApi.CreateStreamAsync(account.Connection, orders));
        Assert.Equal("insufficient storage resources available", await RawJetStreamApi.CreateStreamAsync(account.Connection, payments));
    }

    [NatsServerFact]
    public async Task More_streams_than_the_account_may_have()
    {
        await using var account = await LimitedAccount.StartAsync("max_mem: 64MB, max_file: 64MB, max_streams: 2");
        await RawJetStreamApi.CreateStreamOrFailAsync(account.Connection, """{"name":"LEGACY","subjects":["legacy.>"]}""");
        using var repo = new ConfigRepo()
            .With("streams/a.json", """{"name":"A","subjects":["a.>"]}""")
            .With("streams/b.json", """{"name":"B","subjects":["b.>"]}""");

        var finding = Assert.Single(account.Check(repo));
        Assert.Equal("streams/b.json(1,9): JS5005: Stream 'B' would be stream number 3 of the account; the account's limit is 2 streams, so the server refuses it ('maximum number of streams reached')", finding);
        Assert.Null(await RawJetStreamApi.CreateStreamAsync(account.Connection, """{"name":"A","subjects":["a.>"]}"""));
        Assert.Equal("maximum number of streams reached", await RawJetStreamApi.CreateStreamAsync(account.Connection, """{"name":"B","subjects":["b.>"]}"""));
    }

    [NatsServerFact]
    public async Task More_consumers_on_a_stream_than_the_account_allows()
    {
        await using var account = await LimitedAccount.StartAsync("max_mem: 64MB, max_file: 64MB, max_consumers: 1");
        await RawJetStreamApi.CreateStreamOrFailAsync(account.Connection, """{"name":"ORDERS","subjects":["orders.>"]}""");
        var ship = """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit"}}""";
        var bill = """{"stream_name":"ORDERS","config":{"durable_name":"bill","ack_policy":"explicit"}}""";
        using var repo = new ConfigRepo().With("consumers/a-ship.json", ship).With("consumers/b-bill.json", bill);

        var finding = Assert.Single(account.Check(repo));
        Assert.Equal("consumers/b-bill.json(1,50): JS5005: Consumer 'bill' on stream 'ORDERS' would be consumer number 2 of stream 'ORDERS'; the account's limit is 1 consumer per stream, so the server refuses it ('maximum consumers limit reached')", finding);
        Assert.Null(await RawJetStreamApi.PutConsumerAsync(account.Connection, ship));
        Assert.Equal("maximum consumers limit reached", await RawJetStreamApi.PutConsumerAsync(account.Connection, bill));
    }

    [NatsServerFact]
    public async Task Max_ack_pending_above_the_accounts_limit()
    {
        await using var account = await LimitedAccount.StartAsync("max_mem: 64MB, max_file: 64MB, max_ack_pending: 100");
        await RawJetStreamApi.CreateStreamOrFailAsync(account.Connection, """{"name":"ORDERS","subjects":["orders.>"]}""");
        var ship = """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit","max_ack_pending":500}}""";
        using var repo = new ConfigRepo().With("consumers/ship.json", ship);

        var finding = Assert.Single(account.Check(repo));
        Assert.Equal("consumers/ship.json(1,99): JS5005: Consumer 'ship' on stream 'ORDERS' has max_ack_pending 500; the account's limit is 100 pending acknowledgements, so the server refuses it ('consumer max ack pending exceeds system limit of 100')", finding);
        Assert.Equal("consumer max ack pending exceeds system limit of 100", await RawJetStreamApi.PutConsumerAsync(account.Connection, ship));
    }

    [NatsServerFact]
    public async Task Definitions_within_the_limits_are_not_reported()
    {
        await using var account = await LimitedAccount.StartAsync("max_mem: 64MB, max_file: 64MB, max_streams: 5, max_consumers: 5, max_bytes_required: true, max_ack_pending: 1000");
        using var repo = new ConfigRepo()
            .With("streams/orders.json", """{"name":"ORDERS","subjects":["orders.>"],"max_bytes":8388608}""")
            .With("consumers/ship.json", """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit","max_ack_pending":1000}}""");

        Assert.Empty(account.Check(repo));
    }

    /// <summary>An operator-mode account with JetStream limits for R1 only, as hosted accounts have per replica count.</summary>
    private static async Task<(TestCredentials Credentials, ConfiguredNatsServer Server, NatsConnection Connection)> StartTieredAsync()
    {
        var credentials = TestCredentials.Create(tieredLimits: new System.Text.Json.Nodes.JsonObject
        {
            ["R1"] = new System.Text.Json.Nodes.JsonObject { ["mem_storage"] = 1048576, ["disk_storage"] = 10485760, ["streams"] = 3, ["consumer"] = -1 },
        });
        var server = await ConfiguredNatsServer.StartAsync(credentials.OperatorConfig);
        var connection = new NatsConnection(new NatsOpts { Url = server.Url, AuthOpts = new NatsAuthOpts { CredsFile = credentials.CredsFile } });
        await connection.ConnectAsync();
        return (credentials, server, connection);
    }

    private static List<string> CheckTiered(ConfigRepo repo, ConfiguredNatsServer server, TestCredentials credentials)
    {
        var settings = ConfigRepo.Server(server.Url);
        settings.CredsFile = credentials.CredsFile;
        return repo.LintLive(settings).Where(l => l.Contains(": JS5005:", StringComparison.Ordinal)).Select(l => l.Replace(server.Url, "SERVER", StringComparison.Ordinal)).ToList();
    }

    [NatsServerFact]
    public async Task A_tiered_account_without_a_tier_for_the_replica_count()
    {
        var (credentials, server, connection) = await StartTieredAsync();
        using var _ = credentials;
        await using var __ = server;
        await using var ___ = connection;
        var replicated = """{"name":"ORDERS","subjects":["orders.>"],"num_replicas":3}""";
        var unset = """{"name":"AUDIT","subjects":["audit.>"]}""";
        using var repo = new ConfigRepo().With("streams/audit.json", unset).With("streams/orders.json", replicated);

        var findings = CheckTiered(repo, server, credentials);

        Assert.Contains("streams/orders.json(1,57): JS5005: Stream 'ORDERS' has 3 replicas; the account's limit is JetStream only for R1, so the server refuses it ('no JetStream default or applicable tiered limit present')", findings);
        Assert.Equal("no JetStream default or applicable tiered limit present", await RawJetStreamApi.CreateStreamAsync(connection, replicated));
        if (InstalledVersion.Before(2, 10))
        {
            // Before 2.10 an unset replica count is looked up as R0, so even a single-replica stream needs num_replicas.
            Assert.Contains($"streams/audit.json(1,9): JS5005: Stream 'AUDIT' has no num_replicas, which nats-server {InstalledVersion} looks up as tier R0; the account's limit is JetStream only for R1, so the server refuses it ('no JetStream default or applicable tiered limit present')", findings);
            Assert.Equal("no JetStream default or applicable tiered limit present", await RawJetStreamApi.CreateStreamAsync(connection, unset));
        }

        Assert.Equal(InstalledVersion.Before(2, 10) ? 2 : 1, findings.Count);
    }

    [NatsServerFact]
    public async Task A_tiers_storage_is_shared_by_the_streams_of_that_replica_count()
    {
        var (credentials, server, connection) = await StartTieredAsync();
        using var _ = credentials;
        await using var __ = server;
        await using var ___ = connection;
        await RawJetStreamApi.CreateStreamOrFailAsync(connection, """{"name":"LEGACY","subjects":["legacy.>"],"num_replicas":1,"max_bytes":6291456}""");
        var orders = """{"name":"ORDERS","subjects":["orders.>"],"num_replicas":1,"max_bytes":6291456}""";
        using var repo = new ConfigRepo().With("streams/orders.json", orders);

        Assert.Equal(
            new[] { "streams/orders.json(1,71): JS5005: Stream 'ORDERS' reserves 6 MiB of file storage (max_bytes × num_replicas), which brings the account's reservations for tier R1 to 12 MiB; the account's limit is 10 MiB of file storage, so the server refuses it ('insufficient storage resources available')" },
            CheckTiered(repo, server, credentials));
        Assert.Equal("insufficient storage resources available", await RawJetStreamApi.CreateStreamAsync(connection, orders));
    }

    private static JetStream.Analyzers.Rules.Evaluation.ServerVersion InstalledVersion => NatsServer.Installed!.Value;
}
