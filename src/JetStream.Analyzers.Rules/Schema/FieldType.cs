namespace JetStream.Analyzers.Rules.Schema;

/// <summary>What a field holds on the wire (JetStream API JSON).</summary>
public enum FieldType
{
    String,
    Integer,
    UnsignedInteger,

    /// <summary>Nanoseconds as an integer in the API; a Go duration string in NACK.</summary>
    Duration,
    Boolean,
    Enum,
    StringList,
    DurationList,

    /// <summary>An RFC 3339 time.</summary>
    Timestamp,

    /// <summary>A map of strings to strings.</summary>
    Metadata,
    Object,
    ObjectList,
}
