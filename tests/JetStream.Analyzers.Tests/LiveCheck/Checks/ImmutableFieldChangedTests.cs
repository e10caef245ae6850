using System;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck.Checks;

/// <summary>
/// Each case puts the "before" definition on the server, writes the "after" one as the repository's file, and checks
/// both sides: the live check reports JS5009 quoting the server's error, and the real server refuses the update with it,
/// on each test release.
/// </summary>
public sealed class ImmutableFieldChangedTests : LiveCheckFixture
{
    protected override bool StartsInstalledServer => false;

    public static TheoryData<string, string, string, string, string> StreamCasesOnEachRelease => OnEachRelease(StreamCases);

    public static TheoryData<string, string, string, string, string> ConsumerCasesOnEachRelease => OnEachRelease(ConsumerCases);

    public static TheoryData<string> Releases => new(NatsReleases.All);

    public static TheoryData<string, string, string, string> StreamCases => new()
    {
        { """{"name":"S","subjects":["s.>"],"storage":"file"}""", """{"name":"S","subjects":["s.>"],"storage":"memory"}""", "storage from file on the server to memory", "stream configuration update can not change storage type" },
        { """{"name":"S","subjects":["s.>"]}""", """{"name":"S","subjects":["s.>"],"retention":"workqueue"}""", "retention from limits on the server to workqueue", "can not change retention policy" },
        { """{"name":"S","subjects":["s.>"],"deny_delete":true}""", """{"name":"S","subjects":["s.>"]}""", "deny_delete from true on the server to false", "stream configuration update can not cancel deny message deletes" },
        { """{"name":"S","subjects":["s.>"],"deny_purge":true}""", """{"name":"S","subjects":["s.>"],"deny_purge":false}""", "deny_purge from true on the server to false", "stream configuration update can not cancel deny purge" },
    };

    public static TheoryData<string, string, string, string> ConsumerCases => new()
    {
        { """{"durable_name":"c","ack_policy":"explicit"}""", """{"durable_name":"c","ack_policy":"explicit","deliver_policy":"new"}""", "deliver_policy from all on the server to new", "deliver policy can not be updated" },
        { """{"durable_name":"c","ack_policy":"explicit"}""", """{"durable_name":"c","ack_policy":"all"}""", "ack_policy from explicit on the server to all", "ack policy can not be updated" },
        { """{"durable_name":"c","ack_policy":"explicit","deliver_policy":"by_start_sequence","opt_start_seq":5}""", """{"durable_name":"c","ack_policy":"explicit","deliver_policy":"by_start_sequence","opt_start_seq":10}""", "opt_start_seq from 5 on the server to 10", "start sequence can not be updated" },
        { """{"durable_name":"c","ack_policy":"explicit"}""", """{"durable_name":"c","ack_policy":"explicit","replay_policy":"original"}""", "replay_policy from instant on the server to original", "replay policy can not be updated" },
        { """{"durable_name":"c","ack_policy":"explicit","max_waiting":100}""", """{"durable_name":"c","ack_policy":"explicit"}""", "max_waiting from 100 on the server to 512", "max waiting can not be updated" },
        { """{"durable_name":"c","ack_policy":"explicit","deliver_subject":"deliver.c"}""", """{"durable_name":"c","ack_policy":"explicit"}""", "deliver_subject from 'deliver.c' on the server to (none)", "can not update push consumer to pull based" },
        { """{"durable_name":"c","ack_policy":"explicit","deliver_subject":"deliver.c"}""", """{"durable_name":"c","ack_policy":"explicit","deliver_subject":"deliver.c","idle_heartbeat":5000000000}""", "idle_heartbeat from 0s on the server to 5s", "heart beats can not be updated" },
        { """{"durable_name":"c","ack_policy":"explicit","deliver_policy":"by_start_time","opt_start_time":"2024-01-31T12:00:00Z"}""", """{"durable_name":"c","ack_policy":"explicit","deliver_policy":"by_start_time","opt_start_time":"2024-02-29T12:00:00+01:00"}""", "opt_start_time from 2024-01-31T12:00:00Z on the server to 2024-02-29T11:00:00Z", "start time can not be updated" },
    };

    private static TheoryData<string, string, string, string, string> OnEachRelease(TheoryData<string, string, string, string> cases)
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var release in NatsReleases.All)
        {
            foreach (var row in cases)
            {
                data.Add(release, (string)row[0], (string)row[1], (string)row[2], (string)row[3]);
            }
        }

        return data;
    }

    [NatsReleasesTheory(NatsReleases.V2_9, NatsReleases.V2_10, NatsReleases.V2_15)]
    [MemberData(nameof(StreamCasesOnEachRelease))]
    public async Task Stream_field_the_server_cannot_update(string release, string before, string after, string change, string serverError)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, before);
        Repo.With("streams/s.json", after);

        var finding = Assert.Single(Check("JS5009"));
        Assert.Contains($"JS5009: Stream 'S' changes {change}, which can't change on an existing stream: the update fails ('", finding, StringComparison.Ordinal);
        Assert.Contains(serverError, finding, StringComparison.Ordinal);
        Assert.DoesNotContain(Check("JS5003"), l => l.Contains(change.Split(' ')[0] + " is", StringComparison.Ordinal));

        var refused = await RawJetStreamApi.UpdateStreamAsync(Server.Connection, after);
        Assert.NotNull(refused);
        Assert.Contains(serverError, refused, StringComparison.Ordinal);
        Assert.Contains(refused!, finding, StringComparison.Ordinal);
    }

    [NatsReleasesTheory(NatsReleases.V2_9, NatsReleases.V2_10, NatsReleases.V2_15)]
    [MemberData(nameof(ConsumerCasesOnEachRelease))]
    public async Task Consumer_field_the_server_cannot_update(string release, string before, string after, string change, string serverError)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"S","subjects":["s.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, $$"""{"stream_name":"S","config":{{before}}}""");
        Repo.With("consumers/c.json", $$"""{"stream_name":"S","config":{{after}}}""");

        var finding = Assert.Single(Check("JS5009"));
        Assert.Contains($"JS5009: Consumer 'c' on stream 'S' changes {change}, which can't change on an existing consumer: the update fails ('{serverError}')", finding, StringComparison.Ordinal);

        // The server stops at the first field it can't update: push to pull also changes max_waiting (0 to 512), which 2.9 checks first.
        var refused = await RawJetStreamApi.PutConsumerAsync(Server.Connection, $$"""{"stream_name":"S","config":{{after}}}""");
        Assert.NotNull(refused);
        Assert.True(refused!.Contains(serverError, StringComparison.Ordinal) || refused.Contains("can not be updated", StringComparison.Ordinal), refused);
    }

    [NatsReleasesTheory(NatsReleases.V2_9, NatsReleases.V2_10, NatsReleases.V2_15)]
    [MemberData(nameof(Releases))]
    public async Task A_sealed_stream_cannot_be_unsealed(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"S","subjects":["s.>"]}""");
        Assert.Null(await RawJetStreamApi.UpdateStreamAsync(Server.Connection, """{"name":"S","subjects":["s.>"],"sealed":true}"""));
        Repo.With("streams/s.json", """{"name":"S","subjects":["s.>"]}""");

        Assert.Contains(Check("JS5009"), l => l.Contains("changes sealed from true on the server to false", StringComparison.Ordinal));
        Assert.Equal("stream configuration update can not unseal a sealed stream", await RawJetStreamApi.UpdateStreamAsync(Server.Connection, """{"name":"S","subjects":["s.>"]}"""));
    }

    [NatsReleasesTheory(NatsReleases.V2_9, NatsReleases.V2_10, NatsReleases.V2_15)]
    [MemberData(nameof(Releases))]
    public async Task Changes_an_update_can_make_are_drift_not_JS5009(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"S","subjects":["s.>"],"deny_delete":false,"max_age":60000000000}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"S","config":{"durable_name":"c","ack_policy":"explicit","max_deliver":3}}""");
        var stream = """{"name":"S","subjects":["s.>"],"deny_delete":true,"max_age":120000000000}""";
        var consumer = """{"stream_name":"S","config":{"durable_name":"c","ack_policy":"explicit","max_deliver":5}}""";
        Repo.With("streams/s.json", stream).With("consumers/c.json", consumer);

        Assert.Empty(Check("JS5009"));
        Assert.Equal(2, Check("JS5003").Count);
        Assert.Null(await RawJetStreamApi.UpdateStreamAsync(Server.Connection, stream));
        Assert.Null(await RawJetStreamApi.PutConsumerAsync(Server.Connection, consumer));
        Assert.Empty(Check("JS5003"));
    }

    [NatsReleasesTheory(NatsReleases.V2_9, NatsReleases.V2_10, NatsReleases.V2_15)]
    [MemberData(nameof(Releases))]
    public async Task A_mirror_cannot_be_pointed_at_another_stream(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"EU","subjects":["eu.>"]}""");
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"US","subjects":["us.>"]}""");
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"BACKUP","mirror":{"name":"EU"}}""");
        var after = """{"name":"BACKUP","mirror":{"name":"US"}}""";
        Repo.With("streams/backup.json", after);

        var finding = Assert.Single(Check("JS5009"));
        Assert.Contains("JS5009: Stream 'BACKUP' changes mirror from 'EU' on the server to 'US', which can't change on an existing stream: the update fails ('stream mirror configuration can not be updated')", finding, StringComparison.Ordinal);
        Assert.Equal("stream mirror configuration can not be updated", await RawJetStreamApi.UpdateStreamAsync(Server.Connection, after));
    }

    [NatsReleasesTheory(NatsReleases.V2_9, NatsReleases.V2_10, NatsReleases.V2_15)]
    [MemberData(nameof(Releases))]
    public async Task The_same_start_time_written_another_way_is_no_change(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"S","subjects":["s.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"S","config":{"durable_name":"c","ack_policy":"explicit","deliver_policy":"by_start_time","opt_start_time":"2024-01-31T12:00:00.5Z"}}""");
        var same = """{"stream_name":"S","config":{"durable_name":"c","ack_policy":"explicit","deliver_policy":"by_start_time","opt_start_time":"2024-01-31T13:00:00.500000000+01:00"}}""";
        Repo.With("consumers/c.json", same);

        Assert.Empty(Check("JS5009"));
        Assert.Empty(Check("JS5003"));
        if (NatsReleases.Version(release).AtLeast(2, 10, 12))
        {
            Assert.Null(await RawJetStreamApi.PutConsumerAsync(Server.Connection, same));
        }
        else
        {
            // Before 2.10.12 the server compares the times by reference; written with another offset they never match.
            Assert.Equal("start time can not be updated", await RawJetStreamApi.PutConsumerAsync(Server.Connection, same));
        }
    }

    [NatsReleasesTheory(NatsReleases.V2_9, NatsReleases.V2_10, NatsReleases.V2_15)]
    [MemberData(nameof(Releases))]
    public async Task Before_2_10_12_no_update_of_a_consumer_with_a_start_time_passes(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"S","subjects":["s.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"S","config":{"durable_name":"c","ack_policy":"explicit","max_deliver":3,"deliver_policy":"by_start_time","opt_start_time":"2024-01-31T12:00:00Z"}}""");
        var after = """{"stream_name":"S","config":{"durable_name":"c","ack_policy":"explicit","max_deliver":5,"deliver_policy":"by_start_time","opt_start_time":"2024-01-31T12:00:00Z"}}""";
        Repo.With("consumers/c.json", after);

        var findings = Check("JS5009");
        var refused = await RawJetStreamApi.PutConsumerAsync(Server.Connection, after);

        if (NatsReleases.Version(release).AtLeast(2, 10, 12))
        {
            Assert.Empty(findings);
            Assert.Null(refused);
        }
        else
        {
            var finding = Assert.Single(findings);
            Assert.Contains($"JS5009: Consumer 'c' on stream 'S' changes max_deliver from 3 on the server to 5, which can't change on an existing consumer with an opt_start_time on nats-server {release} (2.10.12 fixed it): the update fails ('start time can not be updated')", finding, StringComparison.Ordinal);
            Assert.Equal("start time can not be updated", refused);
        }
    }

    /// <summary>A move needs a placement in the request that differs from the stream's; on a cluster, with three replicas to place.</summary>
    [NatsReleasesTheory(NatsReleases.V2_9, NatsReleases.V2_10, NatsReleases.V2_15)]
    [MemberData(nameof(Releases))]
    public async Task A_move_and_a_scale_in_one_update_is_refused(string release)
    {
        await using var cluster = await NatsCluster.StartAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(cluster.Connection, """{"name":"S","subjects":["s.>"],"num_replicas":1}""");
        var both = """{"name":"S","subjects":["s.>"],"num_replicas":3,"placement":{"cluster":"C1"}}""";
        var scaleOnly = """{"name":"S","subjects":["s.>"],"num_replicas":3}""";
        Repo.With("streams/s.json", both);

        var findings = Repo.LintLive(ConfigRepo.Server(cluster.Url)).Where(l => l.Contains(": JS5009:", StringComparison.Ordinal)).ToList();

        var finding = Assert.Single(findings);
        Assert.Contains("JS5009: Stream 'S' changes num_replicas and placement from 1 replicas, placement.cluster (none) on the server to 3 replicas, placement.cluster 'C1', which can't change on an existing stream in one update: the update fails ('can not move and scale a stream in a single update'); apply the new placement and the new replica count in two updates", finding, StringComparison.Ordinal);
        Assert.Equal("can not move and scale a stream in a single update", await RawJetStreamApi.UpdateStreamAsync(cluster.Connection, both));

        Repo.With("streams/s.json", scaleOnly);
        Assert.DoesNotContain(Repo.LintLive(ConfigRepo.Server(cluster.Url)), l => l.Contains(": JS5009:", StringComparison.Ordinal));
        Assert.Null(await RawJetStreamApi.UpdateStreamAsync(cluster.Connection, scaleOnly));
    }

    [NatsReleasesTheory(NatsReleases.V2_15)]
    [InlineData("allow_msg_ttl", "message TTL status can not be disabled")]
    [InlineData("allow_msg_schedules", "message schedules can not be disabled")]
    public async Task Per_message_TTLs_and_schedules_cannot_be_turned_off(string field, string serverError)
    {
        await UseReleaseAsync(NatsReleases.V2_15);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, $$"""{"name":"S","subjects":["s.>"],"{{field}}":true}""");
        var after = """{"name":"S","subjects":["s.>"]}""";
        Repo.With("streams/s.json", after);

        var finding = Assert.Single(Check("JS5009"));
        Assert.Contains($"changes {field} from true on the server to false, which can't change on an existing stream: the update fails ('{serverError}')", finding, StringComparison.Ordinal);
        Assert.Equal(serverError, await RawJetStreamApi.UpdateStreamAsync(Server.Connection, after));
    }
}
