using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.LiveCheck;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck;

/// <summary>
/// With the live check, the checks across definitions (JS1008, JS1009, JS1011, JS1012, JS4005) count the server's
/// streams and consumers: each case puts them on a real server of each test release, and shows the file lint alone
/// reporting what the live check, seeing the server, doesn't, and both reporting what the server doesn't change.
/// </summary>
public sealed class ServerStreamsInDefinitionSetTests : LiveCheckFixture
{
    private const string Orders = """{"name":"ORDERS","subjects":["orders.>"]}""";
    private const string Events = """{"name":"EVENTS","subjects":["events.>"],"retention":"interest"}""";
    private const string Jobs = """{"name":"JOBS","subjects":["jobs.email.>","jobs.push.>"],"retention":"workqueue"}""";
    private const string EmailConsumer = """{"stream_name":"JOBS","config":{"durable_name":"email","ack_policy":"explicit","filter_subject":"jobs.email.>"}}""";

    private static readonly Dictionary<string, string> Critical = new() { [OptionKeys.CriticalStreams] = "ORDERS" };

    protected override bool StartsInstalledServer => false;

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS1008_a_mirror_only_the_server_has_is_the_copy(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, Orders);
        Repo.With("streams/orders.json", Orders);
        var reported = "streams/orders.json(1,9): JS1008: Stream 'ORDERS' is listed in jetstream_critical_streams, but no defined stream{0} mirrors or sources it;";

        AssertStartsWith(string.Format(reported, " and no stream on the server at SERVER"), Assert.Single(Check("JS1008", Critical)));

        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"BACKUP","mirror":{"name":"ORDERS"}}""");
        AssertStartsWith(string.Format(reported, string.Empty), Assert.Single(Lint("JS1008", Critical)));
        Assert.Empty(Check("JS1008", Critical));
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS1009_an_origin_the_server_has_is_provided(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, Orders);
        Repo.With("streams/backup.json", """{"name":"BACKUP","mirror":{"name":"ORDERS"}}""")
            .With("streams/all.json", """{"name":"ALL","subjects":["all.>"],"sources":[{"name":"ORDRES"}]}""");

        Assert.Equal(
            new[] { "streams/all.json(1,55): JS1009: Stream 'ALL' sources (sources) stream 'ORDRES', which no linted definition provides and the server at SERVER doesn't have; the server accepts this and keeps retrying, so nothing is copied until a stream of that name exists. Define it, check the name, or set external.api when it lives in another account or domain." },
            Check("JS1009"));
        Assert.Equal(2, Lint("JS1009").Count);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS1011_a_consumer_or_a_copy_on_the_server_reads_the_interest_stream(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, Events);
        Repo.With("streams/events.json", Events);

        AssertStartsWith("streams/events.json(1,54): JS1011: Stream 'EVENTS' has interest retention, but no linted definition and nothing on the server at SERVER reads it (no consumer, mirror or source);", Assert.Single(Check("JS1011")));

        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"EVENTS","config":{"durable_name":"audit","ack_policy":"explicit"}}""");
        Assert.Single(Lint("JS1011"));
        Assert.Empty(Check("JS1011"));
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS1011_a_stream_on_the_server_that_sources_the_interest_stream_reads_it(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"ARCHIVE","subjects":["archive.>"],"sources":[{"name":"EVENTS"}]}""");
        Repo.With("streams/events.json", Events);

        Assert.Single(Lint("JS1011"));
        Assert.Empty(Check("JS1011"));
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS1012_the_servers_consumers_take_work_queue_subjects_too(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, Jobs);
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, EmailConsumer);
        Repo.With("streams/jobs.json", Jobs).With("consumers/email.json", EmailConsumer);

        Assert.Equal(
            new[] { "streams/jobs.json(1,27): JS1012: Stream 'JOBS' has subject 'jobs.push.>', but no consumer's filter matches it, counting the consumers on the server at SERVER; those messages are never consumed and pile up until the stream's limits drop them. Add a consumer for them, or narrow the stream's subjects." },
            Check("JS1012"));

        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"JOBS","config":{"durable_name":"push","ack_policy":"explicit","filter_subject":"jobs.push.>"}}""");
        Assert.Single(Lint("JS1012"));
        Assert.Empty(Check("JS1012"));
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task JS4005_a_consumer_of_a_stream_on_the_server_has_its_stream(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, Orders);
        Repo.With("consumers/worker.json", """{"stream_name":"ORDERS","config":{"durable_name":"worker","ack_policy":"explicit"}}""")
            .With("consumers/lost.json", """{"stream_name":"ORDRES","config":{"durable_name":"lost","ack_policy":"explicit"}}""");

        Assert.Equal(
            new[] { "consumers/lost.json(1,16): JS4005: Consumer 'lost' is for stream 'ORDRES', which no linted file defines and the server at SERVER doesn't have" },
            Check("JS4005"));
        Assert.Equal(2, Lint("JS4005").Count);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task The_cross_definition_checks_send_no_request_of_their_own(string release)
    {
        await UseReleaseAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, Jobs);
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"JOBS","config":{"durable_name":"push","ack_policy":"explicit","filter_subject":"jobs.push.>"}}""");
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, Events);
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"EVENTS","config":{"durable_name":"audit","ack_policy":"explicit"}}""");
        Repo.With("streams/jobs.json", Jobs).With("consumers/email.json", EmailConsumer).With("streams/events.json", Events);
        var files = new[] { "streams/jobs.json", "consumers/email.json", "streams/events.json" }.Select(Repo.PathOf).ToList();

        var result = LiveLint.Run(() => ConfigRepo.Server(Server.Url), (version, onServer) =>
            new ConfigFileLinter(_ => new RuleContext(RuleOptions.Default, version ?? ServerVersion.Newest), Repo.Root).LintAll(files, onServer));

        Assert.DoesNotContain(result.Findings, f => f.Rule.Id is "JS1011" or "JS1012" or "JS5001");
        Assert.Equal(4, result.Requests); // account info, the stream list, and the consumer lists of JOBS and EVENTS the checks after the lint read anyway
    }

    /// <summary>The file lint alone (no server) reports these: what the live check doesn't report, the server changed.</summary>
    private List<string> Lint(string id, IDictionary<string, string>? options = null) =>
        Repo.Lint(Version, options).Where(l => l.Contains(": " + id + ":", StringComparison.Ordinal)).ToList();

    private static void AssertStartsWith(string expected, string actual) => Assert.StartsWith(expected, actual, StringComparison.Ordinal);
}
