using System;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.Server;

/// <summary>
/// JS2100's cluster-dependent reason: on an interest or work-queue stream a consumer's replicas must equal the
/// stream's (2.9.12+). A standalone server never gets there (a consumer can't exceed its R1 stream), so each release
/// judges the files on a 3-node cluster, and the linter, given that release, must agree. The variants the server
/// accepts with fewer consumer replicas than the stream are JS2007's.
/// </summary>
public sealed class ConsumerReplicasInClusterTests
{
    private const string Mismatch = "consumer config replicas must match interest retention stream's replicas";

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task Consumer_replicas_on_interest_and_work_queue_streams_must_match_the_stream(string release)
    {
        await using var cluster = await NatsCluster.StartAsync(release);
        var cases = new (string Retention, int Replicas, bool Rejected)[]
        {
            ("interest", 1, true),
            ("interest", 3, false),
            ("interest", 0, false), // 0: the stream's replicas
            ("workqueue", 1, true),
            ("workqueue", 3, false),
            ("limits", 1, false),
        };

        // 2.9.10 predates the check (2.9.12): it accepts every case.
        var checks = NatsReleases.Version(release).AtLeast(2, 9, 12);
        foreach (var (retention, replicas, mismatch) in cases)
        {
            var rejected = mismatch && checks;
            // A stream of its own per case: a deleted stream's name and subjects may still be taken on a peer when the next case starts.
            var name = $"R3{retention.ToUpperInvariant()}{replicas}";
            var stream = $$"""{"name":"{{name}}","subjects":["{{retention}}{{replicas}}.>"],"retention":"{{retention}}","num_replicas":3,"max_bytes":1048576,"max_age":3600000000000}""";
            var consumer = $$"""{"stream_name":"{{name}}","config":{"durable_name":"c{{replicas}}","ack_policy":"explicit","num_replicas":{{replicas}}""" + "}}";
            using var repo = new ConfigRepo().With("streams/stream.json", stream).With("consumers/consumer.json", consumer);
            var lint = repo.Lint(release).Where(l => l.StartsWith("consumers/", StringComparison.Ordinal) && l.Contains(": JS2100:", StringComparison.Ordinal)).ToList();
            var lessDurable = repo.Lint(release).Where(l => l.Contains(": JS2007:", StringComparison.Ordinal)).ToList();

            var created = await RawJetStreamApi.CreateStreamAsync(cluster.Connection, stream);
            Assert.True(created is null, $"{retention} stream: {created}");
            var answer = await RawJetStreamApi.PutConsumerAsync(cluster.Connection, consumer);
            await RawJetStreamApi.RequestAsync(cluster.Connection, $"STREAM.DELETE.{name}");

            var what = $"nats-server {release}, {retention} stream R3, consumer R{replicas}";
            Assert.True(rejected == answer is not null, $"{what}: the server answered {answer ?? "accepted"}");
            Assert.True(rejected ? answer!.Contains(Mismatch, StringComparison.Ordinal) : true, $"{what}: {answer}");
            Assert.True(rejected ? lint.Any(l => l.Contains(Mismatch, StringComparison.Ordinal)) : lint.Count == 0, $"{what}: the linter reported {string.Join(" | ", lint)}");

            // JS2007: a consumer the server accepts with fewer replicas than its stream; the rejected variant stays JS2100.
            Assert.True((replicas == 1 && !rejected) == (lessDurable.Count == 1), $"{what}: JS2007 reported {string.Join(" | ", lessDurable)}");
        }
    }
}
