using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using JetStream.Analyzers.LiveCheck;
using JetStream.Analyzers.LiveCheck.Health;
using JetStream.Analyzers.Tests.Infrastructure;
using static JetStream.Analyzers.Tests.LiveCheck.Health.HealthFixture;

namespace JetStream.Analyzers.Tests.LiveCheck.Health;

/// <summary>The consumer report (table and JSON) of a real server's streams and consumers in a state the test produced.</summary>
public sealed class HealthReportTests
{
    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task The_report_has_a_row_per_stream_and_per_consumer_with_their_state(string release)
    {
        await using var server = await NatsServer.StartAsync(release);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, """{"name":"ORDERS","subjects":["orders.>"],"max_msgs":100,"discard":"new"}""");
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, """{"name":"AUDIT","subjects":["audit.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit","max_ack_pending":20}}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, """{"stream_name":"ORDERS","config":{"durable_name":"bill","ack_policy":"explicit"}}""");
        await PublishAsync(server.Connection, "orders.new", 50, size: 100);
        Assert.Equal(10, await FetchAsync(server.Connection, "ORDERS", "ship", 10, NakConfirmed));
        Assert.Equal(10, await FetchAsync(server.Connection, "ORDERS", "ship", 10));
        using var repo = new ConfigRepo().With("streams/orders.json", """{"name":"ORDERS","subjects":["orders.>"],"max_msgs":100,"discard":"new"}""");

        var before = await JetStreamState.SnapshotAsync(server.Connection);
        var result = LiveLint.Run(() => ConfigRepo.Server(server.Url), (_, _) => new JetStream.Analyzers.ConfigFiles.Linting.ConfigFileLinter(_ => global::JetStream.Analyzers.Rules.Evaluation.RuleContext.Default, repo.Root).LintAll(new[] { repo.PathOf("streams/orders.json") }), new HealthSettings { AllStreams = true });
        Assert.Equal(before, await JetStreamState.SnapshotAsync(server.Connection));
        var snapshot = Assert.IsType<global::JetStream.Analyzers.Rules.Health.HealthSnapshot>(result.Health);

        var text = HealthReport.Table(snapshot);
        var table = text.Split('\n');
        Assert.Equal($"Streams of the account at {server.Url} (nats-server {release})", table[0]);
        Assert.Matches(@"^STREAM\s+MESSAGES\s+BYTES\s+FILL\s+REPLICAS\s+CONSUMERS$", table[1]);
        Assert.Matches(@"(?m)^ORDERS\s+50\s+\d+ B\s+50% \(discard new\)\s+1\s+2$", text);
        Assert.Matches(@"(?m)^AUDIT\s+0\s+0 B\s+no limit\s+1\s+0$", text);
        Assert.Matches(@"(?m)^STREAM\s+CONSUMER\s+PENDING\s+ACK PENDING\s+REDELIVERED\s+LAST DELIVERY\s+WAITING PULLS$", text);
        Assert.Matches(@"(?m)^ORDERS\s+bill\s+50\s+0 of [\d,]+\s+0\s+never\s+0$", text);
        Assert.Matches(@"(?m)^ORDERS\s+ship\s+40\s+10 of 20\s+10\s+(\d+(ms|s) ago|never)\s+0$", text);

        using var json = JsonDocument.Parse(HealthReport.Json(snapshot));
        var streams = json.RootElement.GetProperty("streams").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(50, streams["ORDERS"].GetProperty("messages").GetInt64());
        Assert.Equal(0.5, streams["ORDERS"].GetProperty("fill").GetDouble());
        Assert.Equal(JsonValueKind.Null, streams["AUDIT"].GetProperty("fill").ValueKind);
        var ship = json.RootElement.GetProperty("consumers").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "ship");
        Assert.Equal(40, ship.GetProperty("num_pending").GetInt64());
        Assert.Equal(10, ship.GetProperty("num_ack_pending").GetInt64());
        Assert.Equal(10, ship.GetProperty("num_redelivered").GetInt64());
        Assert.Equal(20, ship.GetProperty("deliveries").GetInt64());
    }
}
