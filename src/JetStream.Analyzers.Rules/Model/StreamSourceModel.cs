namespace JetStream.Analyzers.Rules.Model;

/// <summary>A mirror or one entry of sources.</summary>
public sealed class StreamSourceModel
{
    public ConfigValue<string> Name { get; set; }

    public ConfigValue<string> FilterSubject { get; set; }

    public ConfigValue<bool> HasSubjectTransforms { get; set; }

    public ConfigValue<bool> IsExternal { get; set; }

    public object? Origin { get; set; }
}
