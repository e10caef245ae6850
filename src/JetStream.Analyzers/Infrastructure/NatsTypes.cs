using Microsoft.CodeAnalysis;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>The NATS.Net types the analyzers look for, resolved once per compilation.</summary>
internal sealed class NatsTypes
{
    private NatsTypes(Compilation compilation)
    {
        StreamConfig = Find(compilation, "NATS.Client.JetStream.Models.StreamConfig");
        ConsumerConfig = Find(compilation, "NATS.Client.JetStream.Models.ConsumerConfig");
        KVConfig = Find(compilation, "NATS.Client.KeyValueStore.NatsKVConfig");
        ObjConfig = Find(compilation, "NATS.Client.ObjectStore.NatsObjConfig");
        StreamSource = Find(compilation, "NATS.Client.JetStream.Models.StreamSource");
    }

    public INamedTypeSymbol? StreamConfig { get; }

    public INamedTypeSymbol? ConsumerConfig { get; }

    public INamedTypeSymbol? KVConfig { get; }

    public INamedTypeSymbol? ObjConfig { get; }

    public INamedTypeSymbol? StreamSource { get; }

    public bool HasStreamTypes => StreamConfig is not null || KVConfig is not null || ObjConfig is not null;

    /// <summary>Null when the compilation references no NATS.Net JetStream assembly: then nothing is registered.</summary>
    public static NatsTypes? TryCreate(Compilation compilation)
    {
        if (!ReferencesJetStream(compilation))
        {
            return null;
        }

        var types = new NatsTypes(compilation);
        return types.HasStreamTypes || types.ConsumerConfig is not null ? types : null;
    }

    private static bool ReferencesJetStream(Compilation compilation)
    {
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            if (identity.Name == "NATS.Client.JetStream")
            {
                return true;
            }
        }

        return false;
    }

    public bool IsConfigType(ITypeSymbol? type) =>
        type is not null && (Is(type, StreamConfig) || Is(type, ConsumerConfig) || Is(type, KVConfig) || Is(type, ObjConfig));

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    // GetTypeByMetadataName returns null when two references define the same name; fall back to the one
    // from an assembly whose name starts with NATS (or the BCL for System types).
    private static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
    {
        var type = compilation.GetTypeByMetadataName(metadataName);
        if (type is not null)
        {
            return type;
        }

        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                && assembly.Name.StartsWith("NATS.", System.StringComparison.Ordinal)
                && assembly.GetTypeByMetadataName(metadataName) is { } candidate)
            {
                return candidate;
            }
        }

        return null;
    }
}
