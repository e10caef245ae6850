using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// References for test compilations, taken from this test process: the running .NET framework and the NATS.Net
/// assemblies this project restored. Nothing is downloaded at test time.
/// </summary>
public static class TestReferences
{
    /// <summary>A reference set that names no NuGet package, so the testing library resolves nothing itself.</summary>
    public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

    public static ImmutableArray<MetadataReference> Framework { get; } = LoadFramework();

    public static ImmutableArray<MetadataReference> Nats { get; } = LoadNats();

    public static ImmutableArray<MetadataReference> All { get; } = Framework.AddRange(Nats);

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDir, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> LoadNats()
    {
        // Force-load so the files are known to exist next to the tests.
        _ = typeof(NATS.Client.JetStream.NatsJSContext);
        _ = typeof(NATS.Client.KeyValueStore.NatsKVContext);
        _ = typeof(NATS.Client.ObjectStore.NatsObjContext);
        _ = typeof(NATS.Net.NatsClient);
        return Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => Path.GetFileName(path).StartsWith("NATS.", StringComparison.Ordinal)
                || Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
