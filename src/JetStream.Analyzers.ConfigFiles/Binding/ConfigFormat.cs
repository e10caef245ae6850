namespace JetStream.Analyzers.ConfigFiles.Binding;

public enum ConfigFormat
{
    /// <summary>JetStream API documents: snake_case keys, durations in nanoseconds (JSON or YAML).</summary>
    Api,

    /// <summary>NACK Kubernetes manifests: camelCase keys, Go duration strings, CRD defaults.</summary>
    Nack,
}
