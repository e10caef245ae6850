using System;
using System.Collections.Concurrent;
using System.Globalization;
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

    private readonly ConcurrentDictionary<string, Lazy<Task>> streams = new(StringComparer.Ordinal);
    private NatsProcess? process;
    private string lastLog = string.Empty;
    private NatsConnection? connection;

    /// <summary>Full path of the nats-server binary (PATH, then /usr/sbin), or null when it is not installed.</summary>
    public static string? BinaryPath => NatsProcess.BinaryPath;

    /// <summary>True when the CI environment variable is "true": a missing server then fails tests instead of skipping them.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason server-backed tests are skipped, or null when they run.</summary>
    public static string? SkipReason => BinaryPath is null && !IsCi ? InstallHint : null;

    /// <summary>The installed server's version from <c>nats-server --version</c>, or null when it is not installed.</summary>
    public static ServerVersion? Installed => NatsProcess.InstalledVersionText is { } text && ServerVersion.TryParse(text, out var v) ? v : null;

    /// <summary>The running server's version, as reported by <c>nats-server --version</c> (e.g. "2.9.10").</summary>
    public ServerVersion Version { get; private set; }

    public int Port { get; private set; }

    public string Url => $"nats://127.0.0.1:{Port}";

    public string StoreDirectory { get; private set; } = string.Empty;

    /// <summary>A connection shared by the tests of the collection.</summary>
    public NatsConnection Connection => connection ?? throw new InvalidOperationException(NotRunning());

    public INatsJSContext JetStream { get; private set; } = null!;

    /// <summary>The release this server runs (one of <see cref="NatsReleases"/>), or null for the installed one.</summary>
    public string? Release { get; private init; }

    /// <summary>
    /// Starts a server outside the collection fixture, e.g. for a test that must not share one; <paramref name="release"/>
    /// picks one of <see cref="NatsReleases"/>, null the installed one.
    /// </summary>
    public static async Task<NatsServer> StartAsync(string? release = null)
    {
        var server = new NatsServer { Release = release };
        await server.InitializeAsync();
        return server;
    }

    public async Task InitializeAsync()
    {
        if (Release is not null)
        {
            NatsReleases.RequireBinary(Release);
            Version = NatsReleases.Version(Release);
            await LaunchAsync();
            return;
        }

        if (BinaryPath is not { } binary)
        {
            if (IsCi)
            {
                throw new InvalidOperationException(InstallHint + " (CI=true, so server-backed tests do not skip)");
            }

            return;
        }

        Version = ServerVersion.Parse(NatsProcess.InstalledVersionText ?? throw new InvalidOperationException($"'{binary} --version' printed no version"));
        await LaunchAsync();
    }

    private async Task LaunchAsync()
    {
        try
        {
            process = await NatsProcess.RetryOnAddressInUseAsync(async () =>
            {
                DeleteStore();
                StoreDirectory = NatsProcess.NewTempDirectory();
                Port = NatsProcess.FreeLoopbackPort();
                var args = new[] { "-js", "-a", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-sd", StoreDirectory, "-m", "0" };
                try
                {
                    return await NatsProcess.StartAsync(args, Port, ReadyTimeout, Release);
                }
                catch (NatsProcessStartException e)
                {
                    lastLog = e.Message;
                    throw;
                }
            });
        }
        catch
        {
            DeleteStore();
            throw;
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
    public string Log => process?.Log ?? lastLog;

    private async Task DisposeProcessAsync()
    {
        if (process is not null)
        {
            lastLog = process.Log;
            await process.DisposeAsync();
            process = null;
        }

        DeleteStore();
    }

    private void DeleteStore()
    {
        NatsProcess.DeleteDirectory(StoreDirectory);
    }

    private static string NotRunning() => BinaryPath is null ? InstallHint : "nats-server is not running";
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
