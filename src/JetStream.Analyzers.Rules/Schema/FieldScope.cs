namespace JetStream.Analyzers.Rules.Schema;

/// <summary>The object a field belongs to: a stream, a consumer, or one of the objects nested in them.</summary>
public enum FieldScope
{
    Stream,
    Consumer,

    /// <summary>The mirror, or one entry of sources.</summary>
    Source,

    /// <summary>A source's "external" object: another account's or domain's API and delivery prefixes.</summary>
    External,

    /// <summary>A source's "consumer" object (durable sourcing, 2.14).</summary>
    SourceConsumer,

    Placement,
    Republish,
    ConsumerLimits,

    /// <summary>One {src, dest} subject transform of a stream, mirror or source.</summary>
    Transform,
}
