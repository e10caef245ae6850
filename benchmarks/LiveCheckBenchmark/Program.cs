// Live check cost against a real nats-server on loopback: how many requests and how long for a repository of
// N streams (each with a file) and C consumers, and the peak memory of the process. The server is seeded with the
// same definitions, one field changed on every tenth stream so that drift is found and reported. Then the health pass
// (JS6001-JS6008 over every stream, as JetStreamHealth=true) on its own session: its requests, time and memory.
//   dotnet run -c Release --project benchmarks/LiveCheckBenchmark -- [streams=1000] [consumersPerStream=2] [runs=5]
// NATS_SERVER_BINARY names the nats-server to run (default: the installed one).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.LiveCheck;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.Rules.Evaluation;
using NATS.Client.Core;

var streams = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var consumersPerStream = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;

var binary = new[] { Environment.GetEnvironmentVariable("NATS_SERVER_BINARY") ?? string.Empty, "/usr/sbin/nats-server", "/usr/local/bin/nats-server", "/usr/bin/nats-server" }.FirstOrDefault(File.Exists)
    ?? throw new InvalidOperationException("nats-server is not installed: apt-get update && apt-get install -y nats-server");
var store = Directory.CreateTempSubdirectory("live-bench-store-").FullName;
var repo = Directory.CreateTempSubdirectory("live-bench-repo-").FullName;
var port = FreePort();
using var server = Process.Start(new ProcessStartInfo(binary, $"-js -a 127.0.0.1 -p {port} -sd {store} -m 0") { RedirectStandardError = true, RedirectStandardOutput = true })!;
try
{
    var url = $"nats://127.0.0.1:{port}";
    await using var nats = new NatsConnection(new NatsOpts { Url = url, RequestTimeout = TimeSpan.FromSeconds(10) });
    for (var attempt = 0; ; attempt++)
    {
        try { await nats.ConnectAsync(); break; }
        catch (NatsException) when (attempt < 100) { await Task.Delay(50); }
    }

    var seed = Stopwatch.StartNew();
    var files = new List<string>();
    for (var s = 0; s < streams; s++)
    {
        var name = $"S{s:0000}";
        var file = $$"""{"name":"{{name}}","subjects":["bench.{{s}}.>"],"max_age":3600000000000,"max_bytes":1048576,"storage":"file"}""";
        var onServer = s % 10 == 0 ? file.Replace("3600000000000", "7200000000000") : file;
        await Request(nats, $"$JS.API.STREAM.CREATE.{name}", onServer);
        files.Add(Write(repo, $"streams/{name}.json", file));
        for (var c = 0; c < consumersPerStream; c++)
        {
            var consumer = $$$"""{"stream_name":"{{{name}}}","config":{"durable_name":"c{{{c}}}","ack_policy":"explicit","max_deliver":5}}""";
            await Request(nats, $"$JS.API.CONSUMER.DURABLE.CREATE.{name}.c{c}", consumer);
            files.Add(Write(repo, $"consumers/{name}-c{c}.json", consumer));
        }
    }

    Console.WriteLine($"nats-server at {url}: {streams} streams, {streams * consumersPerStream} consumers, seeded in {seed.Elapsed.TotalSeconds:0.0} s");
    var settings = ConnectionSettings.Resolve(new LiveCheckProperties { Server = url });
    var times = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var clock = Stopwatch.StartNew();
        using var session = LiveSession.Open(settings);
        var opened = clock.Elapsed;
        var context = new RuleContext(RuleOptions.Default, session.Version);
        var lint = new ConfigFileLinter(_ => context, repo).LintAll(files);
        var linted = clock.Elapsed;
        var findings = session.Check(lint);
        var total = clock.Elapsed;
        times.Add(total.TotalMilliseconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {run + 1}: {session.Requests} requests; connect + snapshot {opened.TotalMilliseconds:0} ms, lint {(linted - opened).TotalMilliseconds:0} ms, compare {(total - linted).TotalMilliseconds:0} ms, total {total.TotalMilliseconds:0} ms; " +
            $"{findings.Count(f => f.Rule.Id == "JS5003")} drift findings"));
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"median total {times[times.Count / 2]:0} ms over {runs} runs; one INFO request per asset would be {1 + streams + streams * consumersPerStream} requests; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));

    // Messages on every stream, so that the consumers have pending counts to read.
    for (var s = 0; s < streams; s++)
    {
        await nats.PublishAsync($"bench.{s}.x", "m");
    }

    await nats.PingAsync();
    var healthTimes = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = LiveLint.Run(() => settings, (version, _) => new ConfigFileLinter(_ => new RuleContext(RuleOptions.Default, version ?? ServerVersion.Newest), repo).LintAll(Array.Empty<string>()),
            new JetStream.Analyzers.LiveCheck.Health.HealthSettings { AllStreams = true, ProjectOptions = new RuleOptions(key => key == "jetstream_max_consumer_pending" ? "0" : null) });
        var total = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: false);
        healthTimes.Add(total.TotalMilliseconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"health run {run + 1}: {result.Requests} requests, {result.Health?.Streams.Count} streams, {result.Health?.Streams.Sum(h => h.Consumers?.Count ?? 0)} consumers, {result.Findings.Count(f => f.Rule.Id == "JS6001")} JS6001 findings; {total.TotalMilliseconds:0} ms; allocated {allocated / (1024 * 1024)} MiB, heap after {retained / (1024 * 1024)} MiB"));
    }

    healthTimes.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"health pass: median {healthTimes[healthTimes.Count / 2]:0} ms over {runs} runs; peak working set of the process {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));
}
finally
{
    server.Kill(entireProcessTree: true);
    server.WaitForExit();
    Directory.Delete(store, recursive: true);
    Directory.Delete(repo, recursive: true);
}

static async Task Request(NatsConnection nats, string subject, string body)
{
    var reply = await nats.RequestAsync<byte[], byte[]>(subject, Encoding.UTF8.GetBytes(body));
    var text = Encoding.UTF8.GetString(reply.Data ?? Array.Empty<byte>());
    if (text.Contains("\"error\"", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"{subject}: {text}");
    }
}

static string Write(string root, string relative, string content)
{
    var path = Path.Combine(root, relative);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, content);
    return path;
}

static int FreePort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}
