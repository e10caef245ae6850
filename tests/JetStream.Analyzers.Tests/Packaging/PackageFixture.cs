using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.Packaging;

/// <summary>Packs the repository once, the way users do (<c>dotnet pack -c Release -o DIR</c> at the root), with a version unique to this run.</summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Version { get; } = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    public string Feed { get; } = Directory.CreateTempSubdirectory("jetstream-feed-").FullName;

    /// <summary>JetStream.Analyzers: analyzers, build files and the lint task.</summary>
    public string PackagePath { get; private set; } = string.Empty;

    /// <summary>JetStream.Lint: the jetstream-lint .NET tool.</summary>
    public string ToolPackagePath { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var (exitCode, output) = await DotNet.RunAsync(Repository.Root, TimeSpan.FromMinutes(8), "pack", "-c", "Release", "-o", Feed, $"-p:Version={Version}");
        Assert.True(exitCode == 0, "dotnet pack failed:\n" + output);
        var packages = Directory.GetFiles(Feed, "*.nupkg").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { $"JetStream.Analyzers.{Version}.nupkg", $"JetStream.Lint.{Version}.nupkg" }, packages);
        PackagePath = Path.Combine(Feed, packages[0]!);
        ToolPackagePath = Path.Combine(Feed, packages[1]!);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Feed, recursive: true);

        // The end-to-end build extracted this one-off version into the global packages folder; don't leave it there.
        var home = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "jetstream.analyzers", "jetstream.lint" })
        {
            var extracted = Path.Combine(home, id, Version);
            if (Directory.Exists(extracted))
            {
                Directory.Delete(extracted, recursive: true);
            }
        }

        return Task.CompletedTask;
    }
}
