using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using JetStream.Analyzers.Rules.Evaluation;
using Xunit.Sdk;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// The nats-server releases the tests judge the rules against. <c>eng/nats-servers.sh</c> brings each one into
/// <c>artifacts/nats-server/&lt;version&gt;/nats-server</c> (or <c>$NATS_SERVER_DIR/&lt;version&gt;</c>); 2.9.10 is also found
/// where <c>apt-get install nats-server</c> puts it.
/// </summary>
public static class NatsReleases
{
    /// <summary>Debian bookworm.</summary>
    public const string V2_9 = "2.9.10";

    /// <summary>Debian trixie.</summary>
    public const string V2_10 = "2.10.27";

    /// <summary>Debian forky.</summary>
    public const string V2_15 = "2.15.1";

    public const string InstallHint = "bring the test servers with: eng/nats-servers.sh (nats-server 2.9.10, 2.10.27 and 2.15.1 from Debian's archive, nothing installed but 2.9.10)";

    public static IReadOnlyList<string> All { get; } = new[] { V2_9, V2_10, V2_15 };

    private static readonly Dictionary<string, Lazy<string?>> Binaries =
        All.ToDictionary(v => v, v => new Lazy<string?>(() => Locate(v)), StringComparer.Ordinal);

    /// <summary>The binary of <paramref name="release"/>, or null when this machine doesn't have it.</summary>
    public static string? BinaryFor(string release) =>
        Binaries.TryGetValue(release, out var binary) ? binary.Value : throw new ArgumentException($"{release} is not one of the test releases ({string.Join(", ", All)})", nameof(release));

    /// <summary>Throws with the install hint when the release is missing.</summary>
    public static string RequireBinary(string release) =>
        BinaryFor(release) ?? throw new InvalidOperationException($"nats-server {release} is missing; {InstallHint}");

    /// <summary>Why tests on <paramref name="release"/> are skipped, or null when they run (always in CI).</summary>
    public static string? SkipReason(string release) =>
        BinaryFor(release) is null && !NatsServer.IsCi ? $"nats-server {release} is missing; {InstallHint}" : null;

    public static ServerVersion Version(string release) => ServerVersion.Parse(release);

    private static string? Locate(string release)
    {
        var cache = Environment.GetEnvironmentVariable("NATS_SERVER_DIR") is { Length: > 0 } dir ? dir : Repository.PathOf("artifacts", "nats-server");
        var cached = Path.Combine(cache, release, "nats-server");
        if (File.Exists(cached))
        {
            return cached;
        }

        return NatsProcess.InstalledVersionText == release ? NatsProcess.BinaryPath : null;
    }
}

/// <summary>
/// One row of a theory per release: <c>[NatsRelease(NatsReleases.V2_10)]</c> gives the test that release's version text,
/// and skips the row (with the command that brings it) when the machine lacks that release, except in CI.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class NatsReleaseAttribute : DataAttribute
{
    private readonly string release;

    public NatsReleaseAttribute(string release)
    {
        this.release = release;
        Skip = NatsReleases.SkipReason(release);
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod)
    {
        yield return new object[] { release };
    }
}

/// <summary>A theory that needs several test releases at once: skipped when the machine lacks one, except in CI.</summary>
public sealed class NatsReleasesTheoryAttribute : Xunit.TheoryAttribute
{
    public NatsReleasesTheoryAttribute(params string[] releases)
    {
        if (releases.Select(NatsReleases.SkipReason).FirstOrDefault(reason => reason is not null) is { } reason)
        {
            Skip = reason;
        }
    }
}
