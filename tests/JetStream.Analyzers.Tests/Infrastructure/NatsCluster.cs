using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// A three-node JetStream cluster ("C1": servers n1, n2, n3) on loopback ports, for checks whose answer depends on
/// clustering (replicas, placement, peers). Each node has a client, a route and a monitoring port; startup waits until
/// every node reports healthy (<c>/healthz</c>: in contact with the meta leader) and <c>$JS.API.INFO</c> answers
/// through n1, and a three-replica stream can be placed (it is deleted again before any test runs); a launch that is not ready within
/// 40 s is abandoned and the cluster launched again. Used as an xunit collection fixture (<see cref="NatsClusterCollection"/>);
/// disposing kills the nodes and deletes their stores.
/// </summary>
public sealed class NatsCluster : IAsyncLifetime, IAsyncDisposable
{
    // A cluster is usually ready within 2 s. Now and then a 2.10 meta leader never adds one healthy, current follower to
    // its peer set (its /jsz shows cluster_size 2 for minutes), so no three-replica stream can ever be placed: such an
    // attempt is abandoned after AttemptTimeout and the cluster launched again, with new ports and stores.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(130);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(1) };

    private readonly List<NatsProcess> nodes = new();
    private string directory = string.Empty;
    private string lastLog = string.Empty;
    private NatsConnection? connection;
    private NatsJSContext? jetStream;

    public string ClusterName => "C1";

    /// <summary>The nodes' <c>server_name</c>s, in the order of <see cref="Urls"/>.</summary>
    public IReadOnlyList<string> NodeNames { get; } = new[] { "n1", "n2", "n3" };

    /// <summary>Client URLs of n1, n2, n3 ("nats://127.0.0.1:port").</summary>
    public IReadOnlyList<string> Urls { get; private set; } = Array.Empty<string>();

    /// <summary>Monitoring URLs of n1, n2, n3 ("http://127.0.0.1:port").</summary>
    public IReadOnlyList<string> MonitorUrls { get; private set; } = Array.Empty<string>();

    /// <summary>n1's client URL.</summary>
    public string Url => Urls.Count > 0 ? Urls[0] : throw new InvalidOperationException(NotRunning());

    /// <summary>A connection to n1 shared by the tests of the collection.</summary>
    public NatsConnection Connection => connection ?? throw new InvalidOperationException(NotRunning());

    public NatsJSContext JetStream => jetStream ?? throw new InvalidOperationException(NotRunning());

    /// <summary>Every node's output so far, each under a "--- nX ---" heading.</summary>
    public string Log => nodes.Count > 0 ? CombinedLog() : lastLog;

    /// <summary>The release the nodes run (one of <see cref="NatsReleases"/>), or null for the installed one.</summary>
    public string? Release { get; private init; }

    /// <summary>Starts a cluster outside the collection fixture; <paramref name="release"/> as for <see cref="NatsServer.StartAsync"/>.</summary>
    public static async Task<NatsCluster> StartAsync(string? release = null)
    {
        var cluster = new NatsCluster { Release = release };
        await cluster.InitializeAsync();
        return cluster;
    }

    public async Task InitializeAsync()
    {
        if (Release is not null)
        {
            NatsReleases.RequireBinary(Release);
        }
        else if (NatsProcess.BinaryPath is null)
        {
            if (NatsServer.IsCi)
            {
                throw new InvalidOperationException(NatsServer.InstallHint + " (CI=true, so server-backed tests do not skip)");
            }

            return;
        }

        var deadline = DateTime.UtcNow + StartTimeout;
        for (var attempt = 1; ; attempt++)
        {
            var attemptDeadline = Min(deadline, DateTime.UtcNow + AttemptTimeout);
            try
            {
                await LaunchAsync(attemptDeadline);
                await WaitForJetStreamAsync(attemptDeadline);
                return;
            }
            catch (NatsProcessStartException e) when (attempt < 3 && e.AddressInUse && DateTime.UtcNow < deadline)
            {
                await DisposeAsync();
            }
            catch (TimeoutException) when (attempt < 3 && DateTime.UtcNow + TimeSpan.FromSeconds(10) < deadline)
            {
                await DisposeAsync();
            }
            catch (Exception e)
            {
                var message = $"The 3-node cluster did not come up (attempt {attempt}, {StartTimeout.TotalSeconds:0}s in all): {FirstLine(e.Message)}\n{CombinedLog()}";
                await DisposeAsync();
                throw new InvalidOperationException(message, e);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
            jetStream = null;
        }

        if (nodes.Count > 0)
        {
            lastLog = CombinedLog();
            await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
            nodes.Clear();
        }

        NatsProcess.DeleteDirectory(directory);
        directory = string.Empty;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>Kills one node (0 = n1); the others keep running, so its replicas fall behind. n1 carries <see cref="Connection"/>.</summary>
    public async Task StopNodeAsync(int index) => await nodes[index].DisposeAsync();

    private async Task LaunchAsync(DateTime deadline)
    {
        directory = NatsProcess.NewTempDirectory();
        var ports = DistinctFreePorts(3 * NodeNames.Count);
        var clientPorts = ports.Take(3).ToArray();
        var routePorts = ports.Skip(3).Take(3).ToArray();
        var httpPorts = ports.Skip(6).Take(3).ToArray();
        var routes = string.Join(", ", routePorts.Select(p => $"nats-route://127.0.0.1:{p}"));
        Urls = clientPorts.Select(p => $"nats://127.0.0.1:{p}").ToArray();
        MonitorUrls = httpPorts.Select(p => $"http://127.0.0.1:{p}").ToArray();

        for (var i = 0; i < NodeNames.Count; i++)
        {
            var config = $$"""
                server_name: {{NodeNames[i]}}
                listen: 127.0.0.1:{{clientPorts[i]}}
                http: 127.0.0.1:{{httpPorts[i]}}
                jetstream {
                  store_dir: {{NatsProcess.Quote(Path.Combine(directory, NodeNames[i]))}}
                }
                cluster {
                  name: {{ClusterName}}
                  listen: 127.0.0.1:{{routePorts[i]}}
                  routes: [{{routes}}]
                }
                """;
            var file = Path.Combine(directory, NodeNames[i] + ".conf");
            await File.WriteAllTextAsync(file, config);
            nodes.Add(NatsProcess.Launch(["-c", file], clientPorts[i], Release));
        }

        foreach (var node in nodes)
        {
            await node.WaitUntilReadyAsync(deadline);
        }
    }

    private async Task WaitForJetStreamAsync(DateTime deadline)
    {
        // As in RawJetStreamApi: R3 assets on a busy machine can take longer than 5 s to answer.
        connection = new NatsConnection(new NatsOpts { Url = Url, Name = "jetstream-analyzers-tests-cluster", RequestTimeout = TimeSpan.FromSeconds(15) });
        await connection.ConnectAsync();
        jetStream = new NatsJSContext(connection);

        var lastProblem = "not polled yet";
        while (DateTime.UtcNow < deadline)
        {
            lastProblem = await UnhealthyNodeAsync() ?? await JetStreamInfoProblemAsync() ?? await PlacementProblemAsync() ?? string.Empty;
            if (lastProblem.Length == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"JetStream was not ready: {lastProblem}");
    }

    // A node is healthy once its JetStream is in contact with a meta leader and current with it.
    private async Task<string?> UnhealthyNodeAsync()
    {
        for (var i = 0; i < MonitorUrls.Count; i++)
        {
            string body;
            try
            {
                body = await Http.GetStringAsync(MonitorUrls[i] + "/healthz");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return $"{NodeNames[i]} /healthz: {e.Message}";
            }

            if (!body.Contains("\"ok\"", StringComparison.Ordinal))
            {
                return $"{NodeNames[i]} /healthz: {body}";
            }
        }

        return null;
    }

    // Healthy nodes are not enough on 2.10: until every node's statistics have reached the meta leader it counts peers
    // offline ("no suitable peers for placement"). A three-replica stream that can be placed, then deleted, proves the
    // cluster ready.
    private async Task<string?> PlacementProblemAsync()
    {
        try
        {
            // A short wait: a probe that gets no answer is sent again.
            var created = await RawJetStreamApi.CreateStreamAsync(Connection, """{"name":"CLUSTER_READY","subjects":["_cluster.ready"],"num_replicas":3,"storage":"memory"}""", ProbeTimeout);
            if (created is not null)
            {
                return "placing a three-replica stream: " + created;
            }

            return await RawJetStreamApi.RequestAsync(Connection, "STREAM.DELETE.CLUSTER_READY", timeout: ProbeTimeout) is { } deleteError ? "deleting the placement probe: " + deleteError : null;
        }
        catch (Exception e) when (e is NatsException or TimeoutException or OperationCanceledException)
        {
            return "placing a three-replica stream: " + e.Message;
        }
    }

    private async Task<string?> JetStreamInfoProblemAsync()
    {
        try
        {
            var reply = await Connection.RequestAsync<byte[], byte[]>(
                "$JS.API.INFO",
                Array.Empty<byte>(),
                replyOpts: new NatsSubOpts { Timeout = TimeSpan.FromSeconds(1) });
            var text = reply.Data is { } data ? Encoding.UTF8.GetString(data) : string.Empty;
            using var json = JsonDocument.Parse(text.Length > 0 ? text : "{}");
            return json.RootElement.TryGetProperty("error", out _) || !json.RootElement.TryGetProperty("type", out _)
                ? "$JS.API.INFO: " + text
                : null;
        }
        catch (Exception e) when (e is NatsException or TimeoutException or OperationCanceledException or JsonException)
        {
            return "$JS.API.INFO: " + e.Message;
        }
    }

    private string CombinedLog()
    {
        var text = new StringBuilder();
        for (var i = 0; i < nodes.Count; i++)
        {
            text.Append("--- ").Append(NodeNames[i]).Append(" ---\n").Append(nodes[i].Log);
        }

        return text.ToString();
    }

    // Held open together so that no two are the same.
    private static int[] DistinctFreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    private static string NotRunning() => NatsProcess.BinaryPath is null ? NatsServer.InstallHint : "the cluster is not running";
}

/// <summary>One three-node cluster for every test class in the "nats-cluster" collection.</summary>
[CollectionDefinition(Name)]
public sealed class NatsClusterCollection : ICollectionFixture<NatsCluster>
{
    public const string Name = "nats-cluster";
}
