using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck.Checks;

/// <summary>
/// Values a server stores differently than the file wrote them are not drift: each definition below is created from
/// the file's own text, then the file is checked against the server that just accepted it.
/// </summary>
public sealed class ServerNormalisationTests
{
    private static readonly string[] DriftRules = { "JS5002", "JS5003", "JS5009" };

    public static IEnumerable<object[]> Normalised()
    {
        // From 2.12 negative limits are stored as -1 (unlimited) and negative sizes and durations as 0.
        yield return Stream(NatsReleases.V2_15, """{"name":"LIMITS","subjects":["l.>"],"max_msgs":-5,"max_bytes":-5,"max_msgs_per_subject":-5,"max_msg_size":-5,"max_consumers":-5}""");
        yield return Consumer(NatsReleases.V2_15, """{"durable_name":"pull","ack_policy":"explicit","max_waiting":-1,"max_batch":-1,"max_expires":-1,"max_bytes":-1,"inactive_threshold":-1,"max_ack_pending":-5}""");
        yield return Consumer(NatsReleases.V2_15, """{"durable_name":"push","deliver_subject":"dlv.push","ack_policy":"explicit","max_waiting":-1,"idle_heartbeat":-1}""");

        // From 2.11.2 a delete marker TTL turns message TTLs and roll-ups on; from 2.12 message schedules turn roll-ups on.
        yield return Stream(NatsReleases.V2_15, """{"name":"MARKERS","subjects":["m.>"],"subject_delete_marker_ttl":5000000000}""");
        yield return Stream(NatsReleases.V2_15, """{"name":"SCHEDULES","subjects":["s.>"],"allow_msg_schedules":true}""");

        // The flow_control ack policy (2.14) turns flow control on with a 1s heartbeat.
        yield return Consumer(NatsReleases.V2_15, """{"durable_name":"flow","deliver_subject":"dlv.flow","ack_policy":"flow_control"}""");

        // Before 2.12 the same negative limits are stored as written.
        yield return Stream(NatsReleases.V2_10, """{"name":"LIMITS","subjects":["l.>"],"max_msgs":-5,"max_msgs_per_subject":-5,"max_consumers":-5}""");
    }

    [Theory]
    [MemberData(nameof(Normalised))]
    public async Task A_definition_the_server_just_accepted_shows_no_drift(string release, string kind, string json)
    {
        if (NatsReleases.SkipReason(release) is not null)
        {
            return;
        }

        await using var server = await NatsServer.StartAsync(release);
        using var repo = new ConfigRepo();
        const string Base = """{"name":"BASE","subjects":["base.>"]}""";
        if (kind == "stream")
        {
            await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, json);
            repo.With("streams/definition.json", json);
        }
        else
        {
            await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, Base);
            var request = "{\"stream_name\":\"BASE\",\"config\":" + json + "}";
            await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, request);
            repo.With("streams/base.json", Base).With("consumers/definition.json", request);
        }

        var before = await JetStreamState.SnapshotAsync(server.Connection);
        var drift = repo.LintLive(ConfigRepo.Server(server.Url), null).Where(line => DriftRules.Any(id => line.Contains(": " + id + ":", System.StringComparison.Ordinal))).ToList();
        Assert.Equal(before, await JetStreamState.SnapshotAsync(server.Connection));
        Assert.Empty(drift);
    }

    private static object[] Stream(string release, string json) => new object[] { release, "stream", json };

    private static object[] Consumer(string release, string json) => new object[] { release, "consumer", json };
}
