using System.Collections.Generic;

namespace JetStream.Analyzers.Rules.Model;

/// <summary>A mirror or one entry of sources.</summary>
public sealed class StreamSourceModel
{
    public ConfigValue<string> Name { get; set; }

    public ConfigValue<string> FilterSubject { get; set; }

    public ConfigValue<bool> HasSubjectTransforms { get; set; }

    /// <summary>subject_transforms (2.10): the src/dest pairs.</summary>
    public ConfigValue<IReadOnlyList<SubjectTransformModel>> SubjectTransforms { get; set; }

    /// <summary>consumer.name (2.14): a durable consumer on the origin the server creates and keeps.</summary>
    public ConfigValue<string> ConsumerName { get; set; }

    /// <summary>consumer.deliver_subject (2.14).</summary>
    public ConfigValue<string> ConsumerDeliverSubject { get; set; }

    public ConfigValue<ulong> OptStartSeq { get; set; }

    public ConfigValue<bool> HasOptStartTime { get; set; }

    /// <summary>domain: the nats CLI's shorthand for external.api; not a field of the server's source.</summary>
    public ConfigValue<string> Domain { get; set; }

    public ConfigValue<bool> IsExternal { get; set; }

    /// <summary>external.api: the API prefix of another account or domain.</summary>
    public ConfigValue<string> ExternalApi { get; set; }

    /// <summary>external.deliver: the delivery prefix of another account or domain.</summary>
    public ConfigValue<string> ExternalDeliver { get; set; }

    public object? Origin { get; set; }
}
