using System;
using System.Text.Json;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.Core;
using static JetStream.Analyzers.Tests.LiveCheck.Health.HealthFixture;

namespace JetStream.Analyzers.Tests.LiveCheck.Health;

/// <summary>JS6004, JS6005, JS6007 and the health scope, on streams a real server filled, mirrored and gave consumers.</summary>
public sealed class StreamHealthTests
{
    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task A_discard_new_stream_filled_to_its_limit_refuses_publishes_and_is_reported(string release)
    {
        await using var server = await NatsServer.StartAsync(release);
        var full = """{"name":"FULL","subjects":["full.>"],"max_msgs":10,"discard":"new","max_age":3600000000000}""";
        var rolling = """{"name":"ROLLING","subjects":["rolling.>"],"max_msgs":10,"discard":"old","max_age":3600000000000}""";
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, full);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, rolling);
        using var repo = new ConfigRepo().With("streams/full.json", full).With("streams/rolling.json", rolling);
        await PublishAsync(server.Connection, "full.x", 10);
        await PublishAsync(server.Connection, "rolling.x", 15);

        var refused = await server.Connection.RequestAsync<byte[], string>("full.x", new byte[16]);
        Assert.Contains("maximum messages exceeded", refused.Data, StringComparison.Ordinal);

        var finding = Assert.Single(await CheckAsync(server.Connection, server.Url, repo, "JS6004"));
        Assert.Equal("streams/full.json(1,9): JS6004: Stream 'FULL' holds 10 of its 10 messages (max_msgs, 100%) and discards new messages at its limits: the server refuses every further publish ('maximum messages exceeded'). Raise the limit, remove messages that are no longer needed, or switch the discard policy to 'old' if old messages may go.", finding);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task A_stream_below_the_warning_level_is_not_reported(string release)
    {
        await using var server = await NatsServer.StartAsync(release);
        var stream = """{"name":"FULL","subjects":["full.>"],"max_msgs":10,"discard":"new","max_age":3600000000000}""";
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, stream);
        using var repo = new ConfigRepo().With("streams/full.json", stream);
        await PublishAsync(server.Connection, "full.x", 8);

        Assert.Empty(await CheckAsync(server.Connection, server.Url, repo, "JS6004"));
        var nearly = Assert.Single(await CheckAsync(server.Connection, server.Url, repo, "JS6004", Options(("jetstream_stream_fill_warning", "0.8"))));
        Assert.Contains("holds 8 of its 10 messages (max_msgs, 80%) and discards new messages at its limits: that is at or above the warning level of 80%, and publishes will be refused once it is full.", nearly, StringComparison.Ordinal);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task A_mirror_whose_origin_no_one_answers_is_reported_and_a_current_one_is_not(string release)
    {
        await using var server = await NatsServer.StartAsync(release);
        var origin = """{"name":"ORIGIN","subjects":["origin.>"],"max_age":3600000000000}""";
        var stranded = """{"name":"STRANDED","mirror":{"name":"ORIGIN","external":{"api":"$JS.nowhere.API"}},"max_age":3600000000000}""";
        var copy = """{"name":"COPY","mirror":{"name":"ORIGIN"},"max_age":3600000000000}""";
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, origin);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, stranded);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, copy);
        await PublishAsync(server.Connection, "origin.x", 5);
        using var repo = new ConfigRepo().With("streams/origin.json", origin).With("streams/stranded.json", stranded).With("streams/copy.json", copy);
        await WaitAsync(async () => await MessagesAsync(server.Connection, "COPY") == 5);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var finding = Assert.Single(await CheckAsync(server.Connection, server.Url, repo, "JS6005", Options(("jetstream_max_mirror_inactive", "2s"))));
        Assert.StartsWith("streams/stranded.json(1,9): JS6005: Stream 'STRANDED' mirrors stream 'ORIGIN' through API prefix '$JS.nowhere.API': it has not heard from the origin since it was created ", finding, StringComparison.Ordinal);
        Assert.EndsWith(" ago, longer than 2s (0 messages behind). Check that the origin stream exists and that this server can reach it (the domain, API prefix, account export and the connection to the origin's servers).", finding, StringComparison.Ordinal);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task A_mirror_whose_origin_was_deleted_is_reported_once_it_has_not_heard_from_it(string release)
    {
        await using var server = await NatsServer.StartAsync(release);
        var origin = """{"name":"ORIGIN","subjects":["origin.>"],"max_age":3600000000000}""";
        var copy = """{"name":"COPY","mirror":{"name":"ORIGIN"},"max_age":3600000000000}""";
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, origin);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, copy);
        await PublishAsync(server.Connection, "origin.x", 5);
        using var repo = new ConfigRepo().With("streams/copy.json", copy);
        await WaitAsync(async () => await MessagesAsync(server.Connection, "COPY") == 5);
        var options = Options(("jetstream_max_mirror_inactive", "3s"));
        Assert.Empty(await CheckAsync(server.Connection, server.Url, repo, "JS6005", options));

        Assert.Null(await RawJetStreamApi.RequestAsync(server.Connection, "STREAM.DELETE.ORIGIN"));
        await Task.Delay(TimeSpan.FromSeconds(4));

        // 2.9 keeps the error of its last attempt ('stream not found'); 2.10 and later keep none, and only `active` tells.
        var finding = Assert.Single(await CheckAsync(server.Connection, server.Url, repo, "JS6005", options));
        var problem = release == NatsReleases.V2_9 ? "the server reports 'stream not found' (0 messages behind)" : @"it last heard from the origin \d+s ago, longer than 3s (0 messages behind)";
        Assert.Matches(@"^streams/copy\.json\(1,9\): JS6005: Stream 'COPY' mirrors stream 'ORIGIN': " + problem.Replace("(", @"\(").Replace(")", @"\)") + @"\. Check that", finding);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task Consumers_past_the_thresholds_are_reported_per_stream_and_for_the_account(string release)
    {
        await using var server = await NatsServer.StartAsync(release);
        var stream = """{"name":"ORDERS","subjects":["orders.>"],"max_age":3600000000000}""";
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, stream);
        for (var i = 0; i < 3; i++)
        {
            await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, $$$"""{"stream_name":"ORDERS","config":{"durable_name":"c{{{i}}}","ack_policy":"explicit"}}""");
        }

        using var repo = new ConfigRepo().With("streams/orders.json", stream);
        Assert.Empty(await CheckAsync(server.Connection, server.Url, repo, "JS6007"));
        var findings = await CheckAsync(server.Connection, server.Url, repo, "JS6007", Options(("jetstream_max_consumers_per_stream", "2"), ("jetstream_max_consumers_per_account", "2")));
        Assert.Equal(2, findings.Count);
        Assert.Equal("(project): JS6007: The account at SERVER (nats-server " + release + ") has 3 consumers on 1 stream, above the threshold of 2 in the account: info and list requests slow down and every consumer costs the servers memory and Raft traffic. Remove consumers nobody reads from (set inactive_threshold on ephemeral and short-lived ones) or let applications share durable consumers.", findings[0]);
        Assert.StartsWith("streams/orders.json(1,9): JS6007: Stream 'ORDERS' has 3 consumers, above the threshold of 2 per stream: ", findings[1], StringComparison.Ordinal);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task Streams_no_file_defines_are_looked_at_only_with_JetStreamHealth(string release)
    {
        await using var server = await NatsServer.StartAsync(release);
        var defined = """{"name":"ORDERS","subjects":["orders.>"],"max_age":3600000000000}""";
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, defined);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, """{"name":"SCRATCH","subjects":["scratch.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, """{"stream_name":"SCRATCH","config":{"durable_name":"tail","ack_policy":"explicit"}}""");
        await PublishAsync(server.Connection, "scratch.x", 3);
        using var repo = new ConfigRepo().With("streams/orders.json", defined);
        var options = Options(("jetstream_max_consumer_pending", "2"));

        Assert.Empty(await CheckAsync(server.Connection, server.Url, repo, "JS6001", options));
        var finding = Assert.Single(await CheckAsync(server.Connection, server.Url, repo, "JS6001", options, allStreams: true));
        Assert.StartsWith("(project): JS6001: Consumer 'tail' on stream 'SCRATCH' has 3 messages not yet delivered (num_pending), above the threshold of 2: ", finding, StringComparison.Ordinal);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task An_account_near_its_storage_limit_is_reported(string release)
    {
        const string Accounts = """
            accounts {
              APP { jetstream { max_file: 100K, max_mem: 0 }, users = [ { user: app, password: app-secret } ] }
            }
            """;
        await using var server = await ConfiguredNatsServer.StartAsync(Accounts, release: release);
        await using var app = new NatsConnection(new NatsOpts { Url = server.Url, AuthOpts = new NatsAuthOpts { Username = "app", Password = "app-secret" } });
        await app.ConnectAsync();
        var stream = """{"name":"ORDERS","subjects":["orders.>"],"max_age":3600000000000}""";
        await RawJetStreamApi.CreateStreamOrFailAsync(app, stream);
        await PublishAsync(app, "orders.x", 10, size: 1000);
        using var repo = new ConfigRepo().With("streams/orders.json", stream);
        var settings = ConfigRepo.Server(server.Url);
        settings.User = "app";
        settings.Password = "app-secret";

        Assert.DoesNotContain(repo.LintLiveHealth(settings, null, allStreams: false), l => l.Contains(": JS6008:", StringComparison.Ordinal));
        var finding = Assert.Single(repo.LintLiveHealth(settings, Options(("jetstream_account_fill_warning", "5%")), allStreams: false), l => l.Contains(": JS6008:", StringComparison.Ordinal));
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(finding, @"^\(project\): JS6008: The account at nats://127\.0\.0\.1:\d+ \(nats-server [\d.]+\) uses \d+ B of its file storage limit of 100000 B \(\d+(\.\d)?%\), at or above the threshold of 5%: "), finding);
    }

    private static async Task<long> MessagesAsync(NatsConnection connection, string stream)
    {
        var reply = await connection.RequestAsync<byte[], string>("$JS.API.STREAM.INFO." + stream, Array.Empty<byte>());
        using var json = JsonDocument.Parse(reply.Data!);
        return json.RootElement.GetProperty("state").GetProperty("messages").GetInt64();
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
