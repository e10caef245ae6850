using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck;

/// <summary>A fresh nats-server per test and a config repo to check against it.</summary>
public abstract class LiveCheckFixture : IAsyncLifetime
{
    protected NatsServer Server { get; private set; } = null!;

    protected ConfigRepo Repo { get; } = new();

    /// <summary>False for tests that pick a release each with <see cref="UseReleaseAsync"/>.</summary>
    protected virtual bool StartsInstalledServer => true;

    public async Task InitializeAsync()
    {
        if (StartsInstalledServer && NatsServer.SkipReason is null)
        {
            Server = await NatsServer.StartAsync();
        }
    }

    /// <summary>Runs the test on a fresh server of one of <see cref="NatsReleases"/>.</summary>
    protected async Task UseReleaseAsync(string release)
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Server = await NatsServer.StartAsync(release);
    }

    public async Task DisposeAsync()
    {
        Repo.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>
    /// The live check's findings (all rules), as "path(line,col): JSxxxx: message" lines. Every run also asserts that
    /// the server's streams and consumers are exactly as before.
    /// </summary>
    protected List<string> Check(IDictionary<string, string>? options = null)
    {
        var before = JetStreamState.SnapshotAsync(Server.Connection).GetAwaiter().GetResult();
        var findings = Repo.LintLive(ConfigRepo.Server(Server.Url), options);
        Assert.Equal(before, JetStreamState.SnapshotAsync(Server.Connection).GetAwaiter().GetResult());
        return findings;
    }

    /// <summary>Only the findings of <paramref name="id"/>, with the server's URL replaced by "SERVER".</summary>
    protected List<string> Check(string id, IDictionary<string, string>? options = null) =>
        Check(options).Where(l => l.Contains(": " + id + ":", System.StringComparison.Ordinal)).Select(l => l.Replace(Server.Url, "SERVER", System.StringComparison.Ordinal)).ToList();

    protected string Version => Server.Version.ToString();
}
