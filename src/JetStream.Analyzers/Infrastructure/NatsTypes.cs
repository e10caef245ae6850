using System.Runtime.CompilerServices;
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
        JSMsg = Find(compilation, "NATS.Client.JetStream.INatsJSMsg`1");
        JSMsgStruct = Find(compilation, "NATS.Client.JetStream.NatsJSMsg`1");
        PubAckResponse = Find(compilation, "NATS.Client.JetStream.Models.PubAckResponse");
        PubOpts = Find(compilation, "NATS.Client.JetStream.NatsJSPubOpts");
        AckOpts = Find(compilation, "NATS.Client.JetStream.AckOpts");
        OrderedConsumer = Find(compilation, "NATS.Client.JetStream.NatsJSOrderedConsumer");
        OrderedPushConsumer = Find(compilation, "NATS.Client.JetStream.NatsJSOrderedPushConsumer");
        Connection = Find(compilation, "NATS.Client.Core.NatsConnection");
        Client = Find(compilation, "NATS.Net.NatsClient");
    }

    public INamedTypeSymbol? StreamConfig { get; }

    public INamedTypeSymbol? ConsumerConfig { get; }

    public INamedTypeSymbol? KVConfig { get; }

    public INamedTypeSymbol? ObjConfig { get; }

    public INamedTypeSymbol? StreamSource { get; }

    /// <summary><c>INatsJSMsg&lt;T&gt;</c>, what ConsumeAsync, FetchAsync and NextAsync return.</summary>
    public INamedTypeSymbol? JSMsg { get; }

    /// <summary>The <c>NatsJSMsg&lt;T&gt;</c> struct, which users often write as the loop variable type.</summary>
    public INamedTypeSymbol? JSMsgStruct { get; }

    public INamedTypeSymbol? PubAckResponse { get; }

    public INamedTypeSymbol? PubOpts { get; }

    public INamedTypeSymbol? AckOpts { get; }

    public INamedTypeSymbol? OrderedConsumer { get; }

    public INamedTypeSymbol? OrderedPushConsumer { get; }

    public INamedTypeSymbol? Connection { get; }

    /// <summary><c>NATS.Net.NatsClient</c> (NATS.Client.Simplified); null when that package is not referenced.</summary>
    public INamedTypeSymbol? Client { get; }

    public bool HasStreamTypes => StreamConfig is not null || KVConfig is not null || ObjConfig is not null;

    // Every analyzer asks at compilation start; the symbols are resolved once per compilation and shared.
    private static readonly ConditionalWeakTable<Compilation, Box> Cache = new();

    /// <summary>Null when the compilation references no NATS.Net JetStream assembly: then nothing is registered.</summary>
    public static NatsTypes? TryCreate(Compilation compilation) => Cache.GetValue(compilation, c => new Box(Create(c))).Types;

    private static NatsTypes? Create(Compilation compilation)
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

    /// <summary>A JetStream message: <c>INatsJSMsg&lt;T&gt;</c> or the <c>NatsJSMsg&lt;T&gt;</c> struct (nullable or not).</summary>
    public bool IsMessageType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return Is(type, JSMsg) || Is(type, JSMsgStruct);
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

    private sealed class Box
    {
        public Box(NatsTypes? types)
        {
            Types = types;
        }

        public NatsTypes? Types { get; }
    }
}
