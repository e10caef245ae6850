using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using static JetStream.Analyzers.Tests.LiveCheck.Health.HealthFixture;

namespace JetStream.Analyzers.Tests.Lint;

/// <summary>jetstream-lint report and --health against a real server.</summary>
[Collection(LintLiveCollection.Name)]
public class LintCommandReportTests
{
    [NatsServerFact]
    public async Task Report_WritesTheTableToStdoutAndJsonToAFile()
    {
        await using var server = await NatsServer.StartAsync();
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, """{"name":"ORDERS","subjects":["orders.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit"}}""");
        await PublishAsync(server.Connection, "orders.new", 3);
        using var repo = new ConfigRepo();

        var table = LintRun.In(repo.Root, "report", "--server", server.Url);
        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"(?m)^ORDERS\s+ship\s+3\s+0 of [\d,]+\s+0\s+never\s+0$", table.Stdout);
        Assert.Contains($"jetstream-lint: report: 1 stream read from {server.Url} (nats-server {server.Version}) in 3 read-only requests.", table.Stderr);

        var json = LintRun.In(repo.Root, "report", "--server", server.Url, "--format", "json", "--output", "report.json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(File.ReadAllText(repo.PathOf("report.json")));
        Assert.Equal(3, document.RootElement.GetProperty("consumers").EnumerateArray().Single().GetProperty("num_pending").GetInt64());
    }

    [Fact]
    public void Report_NeedsAServerAndATableOrJsonFormat()
    {
        using var repo = new ConfigRepo();
        Assert.Equal("jetstream-lint: error: report needs a server: --server URL or --context NAME\n", LintRun.In(repo.Root, "report").Stderr);
        Assert.Equal("jetstream-lint: error: --format 'sarif' is not a report format; use table or json\n", LintRun.In(repo.Root, "report", "--server", "nats://127.0.0.1:1", "--format", "sarif").Stderr);

        var closed = SilentEndpoint.ClosedPortUrl();
        var unreachable = LintRun.In(repo.Root, "report", "--server", closed, "--timeout", "3");
        Assert.Equal(2, unreachable.ExitCode);
        Assert.StartsWith($"jetstream-lint: error: Can't check the JetStream definitions against {closed}: nothing accepts connections", unreachable.Stderr, StringComparison.Ordinal);
    }

    [NatsServerFact]
    public async Task Health_LooksAtStreamsNoFileDefines_WithTheProjectsOptions()
    {
        await using var server = await NatsServer.StartAsync();
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, """{"name":"SCRATCH","subjects":["scratch.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, """{"stream_name":"SCRATCH","config":{"durable_name":"tail","ack_policy":"explicit"}}""");
        await PublishAsync(server.Connection, "scratch.x", 3);
        using var repo = new ConfigRepo()
            .With("jetstream/orders.json", """{"name":"ORDERS","subjects":["orders.>"]}""")
            .With(".editorconfig", "root = true\n\n[*]\njetstream_max_consumer_pending = 2\n");

        Assert.DoesNotContain("JS6001", LintRun.In(repo.Root, "--server", server.Url).Stdout, StringComparison.Ordinal);
        var run = LintRun.In(repo.Root, "--server", server.Url, "--health");
        Assert.Contains("jetstream-lint : warning JS6001: Consumer 'tail' on stream 'SCRATCH' has 3 messages not yet delivered (num_pending), above the threshold of 2: ", run.Stdout, StringComparison.Ordinal);
    }
}
