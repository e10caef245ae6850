namespace JetStream.Analyzers.Rules.Schema;

/// <summary>How a front end spells field names in messages and fixes.</summary>
public enum NameStyle
{
    /// <summary>JetStream API JSON: "num_replicas".</summary>
    Json,

    /// <summary>NACK resource spec: "replicas".</summary>
    Nack,

    /// <summary>NATS.Net property: "NumReplicas".</summary>
    CSharp,
}
