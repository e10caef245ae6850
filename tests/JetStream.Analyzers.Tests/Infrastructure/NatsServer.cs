using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Evaluation;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// A real nats-server with JetStream, started by the tests on a free loopback port with a temporary store
/// directory: <c>nats-server -js -a 127.0.0.1 -p &lt;port&gt; -sd &lt;dir&gt; -m 0</c> (monitoring off). Used as an
/// xunit collection fixture (<see cref="NatsServerCollection"/>); disposing kills the process and deletes the store.
/// </summary>
public sealed class NatsServer : IAsyncLifetime, IAsyncDisposable
{
    public const string InstallHint = "nats-server is not installed; install it with: apt-get update && apt-get install -y nats-server";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(15);
    private static readonly Lazy<string?> Binary = new(Locate);
    private static readonly Lazy<string?> InstalledVersion = new(ReadInstalledVersion);

    private readonly StringBuilder log = new();
    private readonly ConcurrentDictionary<string, Lazy<Task>> streams = new(StringComparer.Ordinal);
    private Process? process;
    private NatsConnection? connection;

    /// <summary>Full path of the nats-server binary (PATH, then /usr/sbin), or null when it is not installed.</summary>
    public static string? BinaryPath => Binary.Value;

    /// <summary>True when the CI environment variable is "true": a missing server then fails tests instead of skipping them.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason server-backed tests are skipped, or null when they run.</summary>
    public static string? SkipReason => BinaryPath is null && !IsCi ? InstallHint : null;

    /// <summary>The installed server's version from <c>nats-server --version</c>, or null when it is not installed.</summary>
    public static ServerVersion? Installed => InstalledVersion.Value is { } text && ServerVersion.TryParse(text, out var v) ? v : null;

    /// <summary>The running server's version, as reported by <c>nats-server --version</c> (e.g. "2.9.10").</summary>
    public ServerVersion Version { get; private set; }

    public int Port { get; private set; }

    public string Url => $"nats://127.0.0.1:{Port}";

    public string StoreDirectory { get; private set; } = string.Empty;

    /// <summary>A connection shared by the tests of the collection.</summary>
    public NatsConnection Connection => connection ?? throw new InvalidOperationException(NotRunning());

    public INatsJSContext JetStream { get; private set; } = null!;

    /// <summary>Starts a server outside the collection fixture, e.g. for a test that must not share one.</summary>
    public static async Task<NatsServer> StartAsync()
    {
        var server = new NatsServer();
        await server.InitializeAsync();
        return server;
    }

    public async Task InitializeAsync()
    {
        if (BinaryPath is not { } binary)
        {
            if (IsCi)
            {
                throw new InvalidOperationException(InstallHint + " (CI=true, so server-backed tests do not skip)");
            }

            return;
        }

        Version = ServerVersion.Parse(InstalledVersion.Value ?? throw new InvalidOperationException($"'{binary} --version' printed no version"));

        // A free port can be taken by someone else between probing and binding; try a few.
        for (var attempt = 1; ; attempt++)
        {
            StoreDirectory = Directory.CreateTempSubdirectory("jetstream-analyzers-nats-").FullName;
            Port = FreeLoopbackPort();
            try
            {
                await StartProcessAsync(binary);
                break;
            }
            catch (NatsServerStartException e) when (attempt < 3 && e.AddressInUse)
            {
                await DisposeProcessAsync();
            }
            catch
            {
                await DisposeProcessAsync();
                throw;
            }
        }

        connection = new NatsConnection(new NatsOpts { Url = Url, Name = "jetstream-analyzers-tests", RequestTimeout = TimeSpan.FromSeconds(5) });
        await connection.ConnectAsync();
        JetStream = new NatsJSContext(connection);
    }

    public async Task DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }

        await DisposeProcessAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>Creates a stream the first time a test asks for it; later calls reuse it.</summary>
    public Task EnsureStreamAsync(StreamConfig config) =>
        streams.GetOrAdd(config.Name!, _ => new Lazy<Task>(async () => await JetStream.CreateStreamAsync(config))).Value;

    /// <summary>The server's log so far (it logs to stderr).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    private async Task StartProcessAsync(string binary)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-js", "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", StoreDirectory, "-m", "0" })
        {
            info.ArgumentList.Add(arg);
        }

        lock (log)
        {
            log.Clear();
        }

        process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                var text = Log;
                throw new NatsServerStartException(
                    $"nats-server exited with code {process.ExitCode} before accepting connections on {Url}. Its output:\n{text}",
                    text.Contains("address already in use", StringComparison.OrdinalIgnoreCase));
            }

            if (await AcceptsConnectionsAsync())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new NatsServerStartException(
                    $"nats-server did not accept connections on {Url} within {ReadyTimeout.TotalSeconds:0}s. Its output:\n{Log}",
                    addressInUse: false);
            }

            await Task.Delay(50);
        }
    }

    // Ready means the server answers a new client connection with its INFO line.
    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var buffer = new byte[4];
            var read = 0;
            var stream = client.GetStream();
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            return Encoding.ASCII.GetString(buffer) == "INFO";
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    private async Task DisposeProcessAsync()
    {
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // Never started or already reaped.
            }

            process.Dispose();
            process = null;
        }

        if (StoreDirectory.Length > 0 && Directory.Exists(StoreDirectory))
        {
            Directory.Delete(StoreDirectory, recursive: true);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static string NotRunning() => BinaryPath is null ? InstallHint : "nats-server is not running";

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string? Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "nats-server.exe" : "nats-server"));
        return candidates.FirstOrDefault(File.Exists);
    }

    // "nats-server: v2.9.10" → "2.9.10".
    private static string? ReadInstalledVersion()
    {
        if (BinaryPath is not { } binary)
        {
            return null;
        }

        var info = new ProcessStartInfo(binary, "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        var match = Regex.Match(output, @"v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.\-]+)?)");
        return match.Success ? match.Groups[1].Value : null;
    }

    private sealed class NatsServerStartException : Exception
    {
        public NatsServerStartException(string message, bool addressInUse)
            : base(message)
        {
            AddressInUse = addressInUse;
        }

        public bool AddressInUse { get; }
    }
}

/// <summary>One nats-server for every test class in the "nats-server" collection.</summary>
[CollectionDefinition(Name)]
public sealed class NatsServerCollection : ICollectionFixture<NatsServer>
{
    public const string Name = "nats-server";
}

/// <summary>A fact that needs nats-server: skipped when it is not installed, unless CI is "true" (then it fails).</summary>
public sealed class NatsServerFactAttribute : FactAttribute
{
    public NatsServerFactAttribute()
    {
        if (NatsServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs nats-server: skipped when it is not installed, unless CI is "true" (then it fails).</summary>
public sealed class NatsServerTheoryAttribute : TheoryAttribute
{
    public NatsServerTheoryAttribute()
    {
        if (NatsServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
