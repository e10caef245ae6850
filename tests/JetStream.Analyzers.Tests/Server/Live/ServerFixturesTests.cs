using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Xunit.Abstractions;

namespace JetStream.Analyzers.Tests.Server.Live;

/// <summary>
/// The live-check fixtures do what they promise: each test would pass against a broken fixture only if the
/// fixture's failure were invisible to a real client, which is what these assert against.
/// </summary>
public sealed class ServerFixturesTests
{
    private readonly ITestOutputHelper output;

    public ServerFixturesTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task EachReleaseRunsWithJetStreamAndReportsItsVersion(string release)
    {
        await using var server = await NatsServer.StartAsync(release);

        Assert.Equal(release, server.Connection.ServerInfo!.Version);
        Assert.True(server.Connection.ServerInfo.JetStreamAvailable);
        Assert.Equal(NatsReleases.Version(release), server.Version);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task EachReleaseFormsAThreeNodeCluster(string release)
    {
        await using var cluster = await NatsCluster.StartAsync(release);

        Assert.Equal(release, cluster.Connection.ServerInfo!.Version);
        Assert.Equal(3, (await cluster.JetStream.CreateStreamAsync(new StreamConfig("R3", ["r3.>"]) { NumReplicas = 3 })).Info.Config.NumReplicas);
    }

    [NatsServerFact]
    public async Task ConfiguredServerAppliesTheConfigBodyAndCleansUp()
    {
        string directory;
        await using (var server = await ConfiguredNatsServer.StartAsync("""authorization { user: "u", password: "p" }"""))
        {
            directory = server.ConfigDirectory;
            Assert.Equal($"nats://127.0.0.1:{server.Port}", server.Url);
            Assert.Contains("Server is ready", server.Log);

            await Assert.ThrowsAnyAsync<NatsException>(() => ConnectAsync(Opts(server.Url)));

            await using var nats = await ConnectAsync(Opts(server.Url) with { AuthOpts = new NatsAuthOpts { Username = "u", Password = "p" } });
            Assert.True(nats.ServerInfo!.JetStreamAvailable);
            var account = await new NatsJSContext(nats).GetAccountInfoAsync();
            Assert.Equal(0, account.Streams);
        }

        Assert.False(Directory.Exists(directory));
    }

    [NatsServerFact]
    public async Task ConfiguredServerWithoutJetStream()
    {
        await using var server = await ConfiguredNatsServer.StartAsync(string.Empty, jetStream: false);
        await using var nats = await ConnectAsync(Opts(server.Url));

        Assert.False(nats.ServerInfo!.JetStreamAvailable);
        Assert.DoesNotContain("jetstream", server.ConfigText, StringComparison.Ordinal);
    }

    [NatsServerFact]
    public async Task ConfiguredServerReportsAConfigTheServerRejects()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => ConfiguredNatsServer.StartAsync("authorization { users = [ { user: } ] "));

        Assert.Contains("nats-server exited", e.Message);
        Assert.Contains("Config file:", e.Message);
    }

    [NatsServerFact]
    public async Task TlsServerAcceptsAClientCertificateFromTheTestCa()
    {
        using var certificates = TestCertificates.Create();
        await using var server = await ConfiguredNatsServer.StartAsync(certificates.ServerTlsBlock(verify: true));

        await using var nats = await ConnectAsync(Opts(server.Url) with { TlsOpts = certificates.ClientTlsOpts() });
        Assert.True(nats.ServerInfo!.TlsRequired);
        output.WriteLine(await ReadGreetingAsync(server.Port));
        await new NatsJSContext(nats).GetAccountInfoAsync();

        foreach (var pem in new[] { certificates.CaFile, certificates.ServerCertFile, certificates.ClientCertFile, certificates.OtherCaFile })
        {
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(pem));
        }

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(certificates.ServerKeyFile));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(certificates.ClientKeyFile));
    }

    [NatsServerFact]
    public async Task TlsClientFailsWithTheOtherCaOrWithoutItsCertificate()
    {
        using var certificates = TestCertificates.Create();
        await using var server = await ConfiguredNatsServer.StartAsync(certificates.ServerTlsBlock(verify: true));

        await Assert.ThrowsAnyAsync<NatsException>(() => ConnectAsync(Opts(server.Url) with { TlsOpts = certificates.ClientTlsOpts(caFile: certificates.OtherCaFile) }));
        await Assert.ThrowsAnyAsync<NatsException>(() => ConnectAsync(Opts(server.Url) with { TlsOpts = certificates.ClientTlsOpts(clientCertificate: false) }));
    }

    [NatsServerFact]
    public async Task OperatorModeUserConnectsWithCredsAndHasJetStream()
    {
        using var credentials = TestCredentials.Create();
        await using var server = await ConfiguredNatsServer.StartAsync(credentials.OperatorConfig);

        await using var nats = await ConnectAsync(Opts(server.Url) with { AuthOpts = new NatsAuthOpts { CredsFile = credentials.CredsFile } });
        var js = new NatsJSContext(nats);
        var account = await js.GetAccountInfoAsync();
        Assert.Equal(-1, account.Limits.MaxStreams);
        await js.CreateStreamAsync(new StreamConfig("CREDS", ["creds.>"]) { Storage = StreamConfigStorage.Memory });

        var text = File.ReadAllText(credentials.CredsFile);
        Assert.StartsWith("-----BEGIN NATS USER JWT-----\neyJ", text);
        Assert.Contains("-----BEGIN USER NKEY SEED-----\nSU", text);

        using var strangers = TestCredentials.Create();
        await Assert.ThrowsAnyAsync<NatsException>(() => ConnectAsync(Opts(server.Url) with { AuthOpts = new NatsAuthOpts { CredsFile = strangers.CredsFile } }));
    }

    [NatsServerFact]
    public async Task OperatorModeAccountWithoutJetStream()
    {
        using var credentials = TestCredentials.Create(accountJetStream: false);
        await using var server = await ConfiguredNatsServer.StartAsync(credentials.OperatorConfig);

        await using var nats = await ConnectAsync(Opts(server.Url) with { AuthOpts = new NatsAuthOpts { CredsFile = credentials.CredsFile } });
        var e = await Assert.ThrowsAsync<NatsJSApiException>(async () => await new NatsJSContext(nats).GetAccountInfoAsync());
        output.WriteLine($"account without JetStream: {e.Error.Code}/{e.Error.ErrCode} {e.Error.Description}");
    }

    [NatsServerFact]
    public async Task OperatorModeUserWithRestrictedPermissions()
    {
        using var credentials = TestCredentials.Create();
        var creds = credentials.IssueUserCreds("reader", publishAllow: NatsConfigSnippets.ReadOnlyJetStreamSubjects, subscribeAllow: ["_INBOX.>"]);
        await using var server = await ConfiguredNatsServer.StartAsync(credentials.OperatorConfig);

        await using var nats = await ConnectAsync(Opts(server.Url) with { AuthOpts = new NatsAuthOpts { CredsFile = creds } });
        await new NatsJSContext(nats).GetAccountInfoAsync();
        await AssertCreateIsDeniedAsync(nats, "DENIED");
    }

    [NatsServerFact]
    public async Task NKeyUserConnectsWithItsSeed()
    {
        using var credentials = TestCredentials.Create();
        await using var server = await ConfiguredNatsServer.StartAsync(credentials.NKeyAuthorization);

        Assert.StartsWith("SU", File.ReadAllText(credentials.NKeyUserSeedFile));
        await using (var byFile = await ConnectAsync(Opts(server.Url) with { AuthOpts = new NatsAuthOpts { NKeyFile = credentials.NKeyUserSeedFile } }))
        {
            await new NatsJSContext(byFile).GetAccountInfoAsync();
        }

        await using (var bySeed = await ConnectAsync(Opts(server.Url) with { AuthOpts = new NatsAuthOpts { Seed = credentials.NKeyUserSeed, NKey = credentials.NKeyUserPublicKey } }))
        {
            await new NatsJSContext(bySeed).GetAccountInfoAsync();
        }

        await Assert.ThrowsAnyAsync<NatsException>(() => ConnectAsync(Opts(server.Url)));
    }

    [NatsServerFact]
    public async Task ReadOnlyUserListsButCannotCreateWhileAdminCan()
    {
        await using var server = await ConfiguredNatsServer.StartAsync(NatsConfigSnippets.ReadOnlyJetStreamUser("reader", "reader-secret"));
        await using var admin = await ConnectAsync(Opts(server.Url) with { AuthOpts = new NatsAuthOpts { Username = NatsConfigSnippets.AdminUser, Password = NatsConfigSnippets.AdminPassword } });
        await using var reader = await ConnectAsync(Opts(server.Url) with { AuthOpts = new NatsAuthOpts { Username = "reader", Password = "reader-secret" } });
        await new NatsJSContext(admin).CreateStreamAsync(new StreamConfig("SEEDED", ["seeded.>"]) { Storage = StreamConfigStorage.Memory });

        var list = await RawAsync(reader, "$JS.API.STREAM.LIST", "{}");
        Assert.Equal("SEEDED", list.GetProperty("streams")[0].GetProperty("config").GetProperty("name").GetString());
        await new NatsJSContext(reader).GetStreamAsync("SEEDED");

        await AssertCreateIsDeniedAsync(reader, "X");
        Assert.DoesNotContain("stream X", await JetStreamState.SnapshotAsync(admin));
        await new NatsJSContext(admin).CreateStreamAsync(new StreamConfig("X", ["x.>"]) { Storage = StreamConfigStorage.Memory });
        Assert.Contains("stream X\n", await JetStreamState.SnapshotAsync(admin));
    }

    [NatsServerFact]
    public async Task SilentEndpointsNeverCompleteTheHandshake()
    {
        foreach (var mode in new[] { SilentEndpointMode.Silent, SilentEndpointMode.InfoThenSilence })
        {
            using var endpoint = new SilentEndpoint(mode);
            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<NatsException>(() => ConnectAsync(Opts(endpoint.Url) with { ConnectTimeout = TimeSpan.FromSeconds(1) }));
            output.WriteLine($"{mode}: NATS.Net gave up after {watch.ElapsedMilliseconds} ms");
            Assert.True(endpoint.AcceptedConnections >= 1, $"{mode}: the client never connected");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{mode}: took {watch.Elapsed}");
        }

        using var info = new SilentEndpoint(SilentEndpointMode.InfoThenSilence);
        Assert.Equal(info.InfoLine, await ReadGreetingAsync(info.Port));
        using var silent = new SilentEndpoint();
        Assert.Equal(string.Empty, await ReadGreetingAsync(silent.Port));
    }

    [NatsServerFact]
    public async Task ClosedPortRefusesConnections()
    {
        var url = SilentEndpoint.ClosedPortUrl();
        var port = new Uri(url).Port;
        using var client = new TcpClient();
        var e = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
        Assert.Equal(SocketError.ConnectionRefused, e.SocketErrorCode);
        await Assert.ThrowsAnyAsync<NatsException>(() => ConnectAsync(Opts(url)));
    }

    [NatsServerFact]
    public async Task SnapshotSeesEveryChangeAndNothingElse()
    {
        await using var server = await ConfiguredNatsServer.StartAsync(string.Empty);
        await using var nats = await ConnectAsync(Opts(server.Url));
        var js = new NatsJSContext(nats);
        Assert.Equal(string.Empty, await JetStreamState.SnapshotAsync(nats));

        await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]));
        await js.PublishAsync("orders.1", "one");
        await js.PublishAsync("orders.2", "two");
        var consumer = await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("worker") { AckPolicy = ConsumerConfigAckPolicy.Explicit });

        var before = await JetStreamState.SnapshotAsync(nats);
        output.WriteLine(before);
        Assert.Contains("stream ORDERS", before);
        Assert.Contains("  consumer worker", before);
        Assert.Contains("state.messages: 2", before);
        Assert.Contains("num_pending: 2", before);

        await js.GetStreamAsync("ORDERS");
        await js.GetConsumerAsync("ORDERS", "worker");
        await Task.Delay(1100);
        Assert.Equal(before, await JetStreamState.SnapshotAsync(nats));

        var message = await consumer.NextAsync<string>();
        Assert.NotEqual(before, await JetStreamState.SnapshotAsync(nats));
        await message!.AckAsync(new AckOpts { DoubleAck = true });
        var delivered = await JetStreamState.SnapshotAsync(nats);
        Assert.Contains("num_pending: 1", delivered);

        await js.UpdateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { MaxMsgs = 100 });
        Assert.NotEqual(delivered, await JetStreamState.SnapshotAsync(nats));
    }

    [NatsServerFact]
    public async Task SnapshotPagesThroughLongLists()
    {
        const int Count = 300;
        await using var server = await ConfiguredNatsServer.StartAsync(string.Empty);
        await using var nats = await ConnectAsync(Opts(server.Url));
        var js = new NatsJSContext(nats);
        await Task.WhenAll(Enumerable.Range(0, Count).Select(i =>
            js.CreateStreamAsync(new StreamConfig($"S{i:000}", [$"s{i:000}"]) { Storage = StreamConfigStorage.Memory }).AsTask()));
        await Task.WhenAll(Enumerable.Range(0, Count).Select(i =>
            js.CreateOrUpdateConsumerAsync("S000", new ConsumerConfig($"c{i:000}")).AsTask()));

        var snapshot = await JetStreamState.SnapshotAsync(nats);

        Assert.Equal(Count, snapshot.Split('\n').Count(l => l.StartsWith("stream ", StringComparison.Ordinal)));
        Assert.Equal(Count, snapshot.Split('\n').Count(l => l.StartsWith("  consumer ", StringComparison.Ordinal)));
        Assert.Contains($"stream S{Count - 1:000}\n", snapshot);
        Assert.Contains($"  consumer c{Count - 1:000}\n", snapshot);
    }

    [NatsServerFact]
    public async Task ClusterElectsAMetaLeaderAndPlacesReplicatedStreams()
    {
        var watch = Stopwatch.StartNew();
        await using var cluster = await NatsCluster.StartAsync();
        output.WriteLine($"cluster ready after {watch.ElapsedMilliseconds} ms");

        Assert.Equal("C1", cluster.ClusterName);
        Assert.Equal(3, cluster.Urls.Distinct().Count());
        Assert.Equal(cluster.Urls[0], cluster.Url);

        var greeting = await ReadGreetingAsync(new Uri(cluster.Url).Port);
        output.WriteLine(greeting);
        using var info = JsonDocument.Parse(greeting["INFO ".Length..]);
        Assert.Equal("C1", info.RootElement.GetProperty("cluster").GetString());
        Assert.Equal("n1", info.RootElement.GetProperty("server_name").GetString());
        var connectUrls = info.RootElement.GetProperty("connect_urls").EnumerateArray().Select(u => "nats://" + u.GetString()).OrderBy(u => u).ToArray();
        Assert.Equal(cluster.Urls.OrderBy(u => u).ToArray(), connectUrls);

        var stream = await cluster.JetStream.CreateStreamAsync(new StreamConfig("REPLICATED", ["replicated.>"]) { NumReplicas = 3 });
        Assert.Equal(2, stream.Info.Cluster!.Replicas!.Count);
        await cluster.JetStream.DeleteStreamAsync("REPLICATED");

        foreach (var url in cluster.Urls)
        {
            await using var node = await ConnectAsync(Opts(url));
            Assert.Equal("C1", node.ServerInfo!.Cluster);
            await new NatsJSContext(node).GetAccountInfoAsync();
        }

        Assert.Contains("--- n3 ---", cluster.Log);
    }

    private static NatsOpts Opts(string url) => new()
    {
        Url = url,
        Name = "jetstream-analyzers-fixture-tests",
        ConnectTimeout = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    private static async Task<NatsConnection> ConnectAsync(NatsOpts opts)
    {
        var connection = new NatsConnection(opts);
        try
        {
            await connection.ConnectAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<JsonElement> RawAsync(NatsConnection connection, string subject, string body, double timeoutSeconds = 2)
    {
        var reply = await connection.RequestAsync<byte[], byte[]>(subject, Encoding.UTF8.GetBytes(body), replyOpts: new NatsSubOpts { Timeout = TimeSpan.FromSeconds(timeoutSeconds) });
        using var json = JsonDocument.Parse(reply.Data!);
        return json.RootElement.Clone();
    }

    // A publish the user may not make is dropped by the server (and reported as -ERR), so the request gets no reply.
    private static async Task AssertCreateIsDeniedAsync(NatsConnection connection, string stream)
    {
        var body = $"{{\"name\":\"{stream}\",\"subjects\":[\"{stream.ToLowerInvariant()}.>\"],\"storage\":\"memory\"}}";
        await Assert.ThrowsAsync<NatsNoReplyException>(() => RawAsync(connection, "$JS.API.STREAM.CREATE." + stream, body, timeoutSeconds: 1));
    }

    // The first line a server (or endpoint) sends, or "" when it sends nothing within half a second.
    private static async Task<string> ReadGreetingAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (!text.ToString().EndsWith("\r\n", StringComparison.Ordinal))
            {
                var n = await client.GetStream().ReadAsync(buffer, timeout.Token);
                if (n == 0)
                {
                    break;
                }

                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
        }
        catch (OperationCanceledException)
        {
        }

        return text.ToString();
    }
}
