using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// A nats-server started from a config file, for tests that need what the command line cannot express:
/// authorization, accounts, operator/JWT mode, TLS. The file holds <c>listen: 127.0.0.1:&lt;free port&gt;</c>, a
/// <c>jetstream { store_dir }</c> block in a temp directory (unless disabled), then the caller's text verbatim.
/// Files the text refers to (certificates, JWTs) can live in <see cref="NewTempDirectory"/>. Disposing kills the
/// process and deletes the server's own temp directory.
/// </summary>
public sealed class ConfiguredNatsServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(15);

    private readonly NatsProcess process;
    private bool disposed;

    private ConfiguredNatsServer(NatsProcess process, string directory, string configFile, string configText)
    {
        this.process = process;
        ConfigDirectory = directory;
        ConfigFile = configFile;
        ConfigText = configText;
    }

    public int Port => process.ClientPort;

    public string Url => process.Url;

    /// <summary>The server's own temp directory: the config file and the JetStream store (<c>jetstream/</c>).</summary>
    public string ConfigDirectory { get; }

    public string ConfigFile { get; }

    /// <summary>The config file's full text, for failure messages.</summary>
    public string ConfigText { get; }

    /// <summary>The server's log so far.</summary>
    public string Log => process.Log;

    /// <summary>A new empty temp directory for files a config refers to; the caller deletes it.</summary>
    public static string NewTempDirectory() => NatsProcess.NewTempDirectory();

    /// <summary>
    /// Writes the config file and starts <c>nats-server -c</c> on it, retrying with other ports when the chosen one
    /// was taken meanwhile. Throws with the config text and the server's output when the server does not come up
    /// (e.g. it rejects the config).
    /// </summary>
    public static Task<ConfiguredNatsServer> StartAsync(string configBody, bool jetStream = true, string? release = null) =>
        NatsProcess.RetryOnAddressInUseAsync(async () =>
        {
            var directory = NatsProcess.NewTempDirectory();
            var port = NatsProcess.FreeLoopbackPort();
            var text = new StringBuilder()
                .Append("listen: 127.0.0.1:").Append(port).Append('\n');
            if (jetStream)
            {
                text.Append("jetstream {\n  store_dir: ").Append(NatsProcess.Quote(Path.Combine(directory, "jetstream"))).Append("\n}\n");
            }

            text.Append(configBody).Append('\n');
            var configFile = Path.Combine(directory, "nats-server.conf");
            await File.WriteAllTextAsync(configFile, text.ToString());
            try
            {
                var process = await NatsProcess.StartAsync(["-c", configFile], port, ReadyTimeout, release);
                return new ConfiguredNatsServer(process, directory, configFile, text.ToString());
            }
            catch (NatsProcessStartException e)
            {
                NatsProcess.DeleteDirectory(directory);
                throw new NatsProcessStartException($"{e.Message}\nConfig file:\n{text}", e.AddressInUse);
            }
            catch
            {
                NatsProcess.DeleteDirectory(directory);
                throw;
            }
        });

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await process.DisposeAsync();
        NatsProcess.DeleteDirectory(ConfigDirectory);
    }
}
