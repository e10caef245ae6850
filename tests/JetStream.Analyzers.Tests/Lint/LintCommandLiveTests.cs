using System.Collections.Generic;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.Lint;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LintLiveCollection
{
    public const string Name = "jetstream-lint live check";
}

/// <summary>The tool's live check, run apart from the other server-backed tests (they start servers on loopback ports too).</summary>
[Collection(LintLiveCollection.Name)]
public class LintCommandLiveTests
{
    private const string MemoryStream = "{\n  \"name\": \"ORDERS\",\n  \"subjects\": [\"orders.>\"],\n  \"num_replicas\": 3,\n  \"max_bytes\": 1024,\n  \"max_age\": 60000000000,\n  \"storage\": \"memory\"\n}\n";

    [Fact]
    public void LiveCheck_UnreachableServerIsJS5001()
    {
        using var repo = new ConfigRepo().With("jetstream/orders.json", MemoryStream);
        var closed = SilentEndpoint.ClosedPortUrl();

        var run = LintRun.In(repo.Root, "--server", closed, "--timeout", "3");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"jetstream-lint : error JS5001: Can't check the JetStream definitions against {closed}: nothing accepts connections at {closed} (connection refused)", run.Stdout);
        Assert.Contains("warning JS1005", run.Stdout);
    }

    [NatsServerFact]
    public async Task LiveCheck_ComparesWithTheServer_ReadingSecretsFromTheEnvironment()
    {
        const string Password = "Pa55-never-in-output";
        await using var server = await ConfiguredNatsServer.StartAsync($"authorization {{ users = [ {{ user: ci, password: {Password} }} ] }}");
        using var repo = new ConfigRepo().With("jetstream/orders.json", MemoryStream);

        var run = LintRun.In(repo.Root, new Dictionary<string, string> { ["JETSTREAM_USER"] = "ci", ["JETSTREAM_PASSWORD"] = Password }, "--server", server.Url);

        Assert.Contains($"jetstream/orders.json(2,11,2,19): warning JS5002: Stream 'ORDERS' is not on the server {server.Url}", run.Stdout);
        Assert.Contains($"jetstream-lint: live check: 1 stream and 0 consumers compared with {server.Url}", run.Stderr);
        Assert.DoesNotContain(Password, run.Stdout + run.Stderr);

        var refused = LintRun.In(repo.Root, new Dictionary<string, string> { ["JETSTREAM_USER"] = "ci", ["JETSTREAM_PASSWORD"] = "wrong" }, "--server", server.Url);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error JS5001:", refused.Stdout);
        Assert.Contains("refused the credentials", refused.Stdout);
    }

    [NatsServerFact]
    public async Task LiveCheck_CrossDefinitionMessagesNameTheServerWithoutItsPassword()
    {
        const string Password = "Pa55-never-in-output";
        await using var server = await ConfiguredNatsServer.StartAsync($"authorization {{ users = [ {{ user: ci, password: {Password} }} ] }}");
        using var repo = new ConfigRepo().With("jetstream/backup.json", "{\"name\":\"BACKUP\",\"mirror\":{\"name\":\"ORDRES\"}}");
        var url = server.Url.Replace("nats://", $"nats://ci:{Password}@", System.StringComparison.Ordinal);

        var run = LintRun.In(repo.Root, "--server", url);

        var shown = server.Url.Replace("nats://", "nats://ci:***@", System.StringComparison.Ordinal);
        Assert.Contains($"warning JS1009: Stream 'BACKUP' mirrors (mirror) stream 'ORDRES', which no linted definition provides and the server at {shown} doesn't have;", run.Stdout);
        Assert.DoesNotContain(Password, run.Stdout + run.Stderr);
    }
}
