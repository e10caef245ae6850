using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Rules.Schema;

/// <summary>
/// Everything the tool knows about one configuration field: its names in each format, its type, which server
/// releases know it, the server's default and whether an update may change it. <see cref="FieldSchema"/> holds one per
/// field; binders, messages, version rules and the live comparison all read from there.
/// </summary>
public sealed class SchemaField
{
    internal SchemaField(FieldScope scope, string json, string? nack, string? csharp, FieldType type, ServerVersion since)
    {
        Scope = scope;
        Json = json;
        Nack = nack;
        CSharp = csharp;
        Type = type;
        Since = since;
    }

    public FieldScope Scope { get; }

    /// <summary>The JetStream API's JSON name (what nats-server and the nats CLI read).</summary>
    public string Json { get; }

    /// <summary>The NACK resource's spec name, or null when NACK has no such field.</summary>
    public string? Nack { get; }

    /// <summary>The NATS.Net property name (StreamConfig, ConsumerConfig, ...), or null when the client has none.</summary>
    public string? CSharp { get; }

    /// <summary>The name in a NACK KeyValue/ObjectStore spec, when it differs from <see cref="Nack"/>.</summary>
    public string? BucketNack { get; internal set; }

    /// <summary>The NatsKVConfig/NatsObjConfig property, when it differs from <see cref="CSharp"/>.</summary>
    public string? BucketCSharp { get; internal set; }

    public FieldType Type { get; }

    /// <summary>The first server release that knows the field.</summary>
    public ServerVersion Since { get; }

    /// <summary>The first release that no longer knows it, or null.</summary>
    public ServerVersion? Removed { get; internal set; }

    /// <summary>What the server uses when the field is left out, in words; null when nothing is filled in.</summary>
    public string? Default { get; internal set; }

    public UpdateRule Update { get; internal set; } = UpdateRule.Always;

    /// <summary>Set by the server for its own mirror and source consumers; a definition has no reason to write it.</summary>
    public bool ServerInternal { get; internal set; }

    /// <summary>
    /// Read by the nats CLI and NATS.Net, which send it to the server as another field (a source's domain becomes
    /// external.api "$JS.&lt;domain&gt;.API"); servers that check JSON strictly refuse it as it is.
    /// </summary>
    public bool ClientOnly { get; internal set; }

    /// <summary>"placement.preferred", "sources[].filter_subject", "max_age": the field as messages name it in API files.</summary>
    public string Path => FieldSchema.PathOf(Scope, Json);

    public bool KnownBy(ServerVersion version) =>
        version.CompareTo(Since) >= 0 && (Removed is not { } removed || version.CompareTo(removed) < 0);

    public override string ToString() => Path;
}
