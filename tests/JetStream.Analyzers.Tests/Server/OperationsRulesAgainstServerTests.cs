using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace JetStream.Analyzers.Tests.Server;

/// <summary>
/// What the pages of JS1010, JS1013, JS2007 and JS2011 say a server does, shown on each release that has the feature: the definition is created
/// on a real nats-server, the configuration the server stored (and, for JS1010 and JS1013, what publishing then
/// does) is compared with the finding the linter reports for the same file with that release as its target.
/// </summary>
public sealed class OperationsRulesAgainstServerTests
{
    private const string Origin = """{"name":"ORIGIN","subjects":["origin.>"]}""";

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS1010_a_sourcing_stream_without_a_window_loses_deduplication_from_2_14(string release)
    {
        const string All = """{"name":"ALL","subjects":["all.>"],"sources":[{"name":"ORIGIN"}]}""";
        await using var server = await NatsServer.StartAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, Origin);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, All);

        var window = Config(await InfoAsync(server, "STREAM.INFO.ALL")).TryGetProperty("duplicate_window", out var w) ? w.GetInt64() : 0;
        var first = await server.JetStream.PublishAsync("all.1", "a", opts: new NatsJSPubOpts { MsgId = "m-1" });
        var second = await server.JetStream.PublishAsync("all.1", "a", opts: new NatsJSPubOpts { MsgId = "m-1" });
        first.EnsureSuccess();
        Assert.Null(second.Error);

        using var repo = new ConfigRepo().With("all.json", All);
        var reported = Findings(repo, release, "JS1010");
        if (NatsReleases.Version(release).AtLeast(2, 14))
        {
            Assert.Equal(0, window);
            Assert.False(second.Duplicate, $"{release}: the retried publish should be stored a second time");
            Assert.Equal(2UL, second.Seq);
            Assert.Equal(new[] { "all.json(1,46): JS1010: Stream 'ALL' has sources and no duplicate_window; NATS server " + release + " then sets it to 0, which turns message-ID de-duplication off, for the stream's own publishes as well. Set duplicate_window explicitly, e.g. to 2m." }, reported);
        }
        else
        {
            Assert.Equal(120_000_000_000, window);
            Assert.True(second.Duplicate, $"{release}: the retried publish should be dropped as a duplicate");
            Assert.Empty(reported);
        }
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS1013_marker_ttl_turns_ttls_and_rollups_on_and_clears_deny_purge_from_2_11_2(string release)
    {
        const string Markers = """{"name":"MARKERS","subjects":["markers.>"],"deny_purge":true,"subject_delete_marker_ttl":60000000000}""";
        await using var server = await NatsServer.StartAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, Markers);
        var config = Config(await InfoAsync(server, "STREAM.INFO.MARKERS"));

        using var repo = new ConfigRepo().With("markers.json", Markers);
        var reported = Findings(repo, release, "JS1013");
        if (NatsReleases.Version(release).AtLeast(2, 11, 2))
        {
            Assert.True(Flag(config, "allow_msg_ttl"));
            Assert.True(Flag(config, "allow_rollup_hdrs"));
            Assert.False(Flag(config, "deny_purge"));
            Assert.Equal(2, reported.Length);
            Assert.All(reported, line => Assert.StartsWith("markers.json(1,90): JS1013: Stream 'MARKERS' sets subject_delete_marker_ttl without ", line));

            // What the page warns about: any publisher can now purge a subject with a roll-up header.
            await server.JetStream.PublishAsync("markers.a", "1");
            await server.JetStream.PublishAsync("markers.a", "2");
            (await server.JetStream.PublishAsync("markers.a", "3", headers: new NatsHeaders { ["Nats-Rollup"] = "sub" })).EnsureSuccess();
            Assert.Equal(1, State(await InfoAsync(server, "STREAM.INFO.MARKERS")).GetProperty("messages").GetInt64());
        }
        else
        {
            // Before 2.11 the server doesn't know the field and drops it: nothing is rewritten (JS1101 reports the dropped field).
            Assert.False(config.TryGetProperty("subject_delete_marker_ttl", out _));
            Assert.False(Flag(config, "allow_rollup_hdrs"));
            Assert.True(Flag(config, "deny_purge"));
            Assert.Empty(reported);
        }
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS1013_message_schedules_turn_rollups_on_and_clear_deny_purge_from_2_12(string release)
    {
        const string Scheduled = """{"name":"SCHEDULED","subjects":["scheduled.>"],"deny_purge":true,"allow_msg_schedules":true}""";
        await using var server = await NatsServer.StartAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, Scheduled);
        var config = Config(await InfoAsync(server, "STREAM.INFO.SCHEDULED"));

        using var repo = new ConfigRepo().With("scheduled.json", Scheduled);
        var reported = Findings(repo, release, "JS1013");
        var rewritten = NatsReleases.Version(release).AtLeast(2, 12);
        Assert.Equal(rewritten, Flag(config, "allow_rollup_hdrs"));
        Assert.Equal(!rewritten, Flag(config, "deny_purge"));
        Assert.Equal(rewritten ? 1 : 0, reported.Length);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS2011_every_release_replaces_ack_wait_with_the_first_backoff_and_keeps_backoff_under_ack_none(string release)
    {
        const string Stream = """{"name":"WORK","subjects":["work.>"]}""";
        const string AckWait = """{"stream_name":"WORK","config":{"durable_name":"waits","ack_policy":"explicit","ack_wait":300000000000,"max_deliver":5,"backoff":[30000000000,60000000000]}}""";
        const string AckNone = """{"stream_name":"WORK","config":{"durable_name":"none","ack_policy":"none","max_deliver":5,"backoff":[30000000000,60000000000]}}""";
        await using var server = await NatsServer.StartAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, Stream);
        await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, AckWait);
        await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, AckNone);

        Assert.Equal(30_000_000_000, Config(await InfoAsync(server, "CONSUMER.INFO.WORK.waits")).GetProperty("ack_wait").GetInt64());
        Assert.Equal(2, Config(await InfoAsync(server, "CONSUMER.INFO.WORK.none")).GetProperty("backoff").GetArrayLength());

        using var repo = new ConfigRepo().With("work.json", Stream).With("waits.json", AckWait).With("none.json", AckNone);
        var reported = Findings(repo, release, "JS2011");
        Assert.Contains(reported, l => l.StartsWith("waits.json(1,91): JS2011: Consumer 'waits' on stream 'WORK' sets ack_wait 5m, which has no effect: the server replaces it with the first backoff value, 30s", StringComparison.Ordinal));
        Assert.Contains(reported, l => l.StartsWith("none.json(1,101): JS2011: Consumer 'none' on stream 'WORK' sets backoff, which has no effect: with ack policy none", StringComparison.Ordinal));
        Assert.Equal(2, reported.Length);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS2007_every_release_keeps_a_durable_consumer_in_memory_on_a_file_stream(string release)
    {
        const string Stream = """{"name":"FILED","subjects":["filed.>"],"storage":"file"}""";
        const string Consumer = """{"stream_name":"FILED","config":{"durable_name":"volatile","ack_policy":"explicit","max_deliver":5,"mem_storage":true}}""";
        await using var server = await NatsServer.StartAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, Stream);
        await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, Consumer);
        Assert.True(Flag(Config(await InfoAsync(server, "CONSUMER.INFO.FILED.volatile")), "mem_storage"));

        using var repo = new ConfigRepo().With("filed.json", Stream).With("volatile.json", Consumer);
        var reported = Assert.Single(Findings(repo, release, "JS2007"));
        Assert.StartsWith("volatile.json(1,114): JS2007: Consumer 'volatile' on stream 'FILED' keeps its state in memory (mem_storage), while its stream 'FILED' is stored in files", reported);
    }

    /// <summary>
    /// The flow_control ack policy exists from 2.14 (2.15.1 is the test release that has it): the server keeps the
    /// consumer, with flow control on and a 1s heartbeat whatever the request said; only a pedantic request is refused.
    /// </summary>
    [Theory]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS2011_the_flow_control_ack_policy_replaces_the_heartbeat_with_1s(string release)
    {
        const string Stream = """{"name":"FEED","subjects":["feed.>"]}""";
        const string Consumer = """{"stream_name":"FEED","config":{"durable_name":"fc","ack_policy":"flow_control","deliver_subject":"dlv.fc","idle_heartbeat":5000000000}}""";
        await using var server = await NatsServer.StartAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, Stream);

        var pedantic = Consumer.Replace("{\"stream_name\"", "{\"pedantic\":true,\"stream_name\"", StringComparison.Ordinal);
        Assert.NotNull(await RawJetStreamApi.PutConsumerAsync(server.Connection, pedantic));

        await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, Consumer);
        var stored = Config(await InfoAsync(server, "CONSUMER.INFO.FEED.fc"));
        Assert.Equal(1_000_000_000, stored.GetProperty("idle_heartbeat").GetInt64());
        Assert.True(Flag(stored, "flow_control"));

        using var repo = new ConfigRepo().With("feed.json", Stream).With("fc.json", Consumer);
        var reported = Assert.Single(Findings(repo, release, "JS2011"));
        Assert.StartsWith("fc.json(1,", reported, StringComparison.Ordinal);
        Assert.Contains("sets idle_heartbeat 5s, which has no effect: under the flow_control ack policy NATS server 2.15.1 always uses a 1s heartbeat", reported, StringComparison.Ordinal);
    }

    private static string[] Findings(ConfigRepo repo, string release, string id) => repo.Lint(release).Where(l => l.Contains($": {id}: ", StringComparison.Ordinal)).ToArray();

    private static async Task<JsonElement> InfoAsync(NatsServer server, string subject)
    {
        var reply = await server.Connection.RequestAsync<byte[], byte[]>("$JS.API." + subject, Array.Empty<byte>(), replyOpts: new NatsSubOpts { Timeout = TimeSpan.FromSeconds(5) });
        using var json = JsonDocument.Parse(reply.Data ?? Array.Empty<byte>());
        Assert.False(json.RootElement.TryGetProperty("error", out var error), $"{subject}: {error}");
        return json.RootElement.Clone();
    }

    private static JsonElement Config(JsonElement info) => info.GetProperty("config");

    private static JsonElement State(JsonElement info) => info.GetProperty("state");

    private static bool Flag(JsonElement config, string field) => config.TryGetProperty(field, out var value) && value.GetBoolean();
}
