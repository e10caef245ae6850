namespace JetStream.Analyzers.Rules.Model;

/// <summary>One subject transform: a stream's subject_transform or an entry of a mirror's or source's subject_transforms.</summary>
public sealed class SubjectTransformModel
{
    /// <summary>src; the server reads a missing or empty one as "&gt;".</summary>
    public ConfigValue<string> Source { get; set; }

    /// <summary>dest.</summary>
    public ConfigValue<string> Destination { get; set; }

    public object? Origin { get; set; }
}
