using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// One nats-server process with its output captured. Shared by <see cref="NatsServer"/>,
/// <see cref="ConfiguredNatsServer"/> and <see cref="NatsCluster"/> so that they locate the binary, pick ports, decide
/// readiness and clean up the same way.
/// </summary>
internal sealed class NatsProcess : IAsyncDisposable
{
    private static readonly Lazy<string?> DefaultBinary = new(Locate);
    private static readonly Lazy<string?> InstalledVersion = new(ReadInstalledVersion);

    private readonly StringBuilder log = new();
    private readonly Process process;

    private NatsProcess(string binary, IEnumerable<string> arguments, int clientPort)
    {
        ClientPort = clientPort;
        Binary = binary;
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
    }

    /// <summary>Full path of the nats-server binary (PATH, then /usr/sbin), or null when it is not installed.</summary>
    public static string? BinaryPath => DefaultBinary.Value;

    /// <summary>The binary this process runs.</summary>
    public string Binary { get; }

    /// <summary>The text <c>nats-server --version</c> reports (e.g. "2.9.10"), or null when it is not installed.</summary>
    public static string? InstalledVersionText => InstalledVersion.Value;

    public int ClientPort { get; }

    public string Url => $"nats://127.0.0.1:{ClientPort}";

    /// <summary>The server's output so far (it logs to stderr).</summary>
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

    /// <summary>The binary's path; throws with the install hint when it is missing.</summary>
    public static string RequireBinary() => BinaryPath ?? throw new InvalidOperationException(NatsServer.InstallHint);

    /// <summary>
    /// Launches nats-server without waiting for it; see <see cref="WaitUntilReadyAsync"/>. <paramref name="release"/>
    /// picks one of <see cref="NatsReleases"/>; null runs the installed one.
    /// </summary>
    public static NatsProcess Launch(IEnumerable<string> arguments, int clientPort, string? release = null)
    {
        var binary = release is null ? RequireBinary() : NatsReleases.RequireBinary(release);
        var p = new NatsProcess(binary, arguments, clientPort);
        p.process.Start();
        p.process.BeginErrorReadLine();
        p.process.BeginOutputReadLine();
        return p;
    }

    /// <summary>Launches nats-server and waits until it greets clients on <paramref name="clientPort"/>.</summary>
    public static async Task<NatsProcess> StartAsync(IEnumerable<string> arguments, int clientPort, TimeSpan readyTimeout, string? release = null)
    {
        var p = Launch(arguments, clientPort, release);
        try
        {
            await p.WaitUntilReadyAsync(DateTime.UtcNow + readyTimeout);
            return p;
        }
        catch
        {
            await p.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="start"/> again (up to three times in all) when it fails because a port chosen as free
    /// was taken by someone else before the server bound it.
    /// </summary>
    public static async Task<T> RetryOnAddressInUseAsync<T>(Func<Task<T>> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start();
            }
            catch (NatsProcessStartException e) when (attempt < 3 && e.AddressInUse)
            {
            }
        }
    }

    /// <summary>Ready means the server answers a new client connection with its INFO line (plaintext even with TLS).</summary>
    public async Task WaitUntilReadyAsync(DateTime deadline)
    {
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                var text = Log;
                throw new NatsProcessStartException(
                    $"nats-server exited with code {process.ExitCode} before accepting connections on {Url}. Its output:\n{text}",
                    text.Contains("address already in use", StringComparison.OrdinalIgnoreCase));
            }

            if (await GreetsClientsAsync(ClientPort))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new NatsProcessStartException($"nats-server did not accept connections on {Url} in time. Its output:\n{Log}", addressInUse: false);
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
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
    }

    public static int FreeLoopbackPort()
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

    /// <summary>A new empty directory under the system temp directory; the caller deletes it.</summary>
    public static string NewTempDirectory() => Directory.CreateTempSubdirectory("jetstream-analyzers-nats-").FullName;

    public static void DeleteDirectory(string? path)
    {
        if (!string.IsNullOrEmpty(path) && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>A value as a nats-server config string literal (paths, JWTs): double-quoted, with escapes.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static async Task<bool> GreetsClientsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
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
}

/// <summary>nats-server did not come up; <see cref="AddressInUse"/> tells whether trying other ports may help.</summary>
internal sealed class NatsProcessStartException : Exception
{
    public NatsProcessStartException(string message, bool addressInUse)
        : base(message)
    {
        AddressInUse = addressInUse;
    }

    public bool AddressInUse { get; }
}
