namespace JetStream.Analyzers.Rules.Catalog;

/// <summary>.editorconfig keys the rules read; file-specific sections apply as for any analyzer option.</summary>
public static class OptionKeys
{
    public const string Prefix = "jetstream_";
    public const string ServerVersion = "jetstream_server_version";
    public const string MinReplicas = "jetstream_min_replicas";
    public const string CriticalStreams = "jetstream_critical_streams";
    public const string MaxFilterSubjects = "jetstream_max_filter_subjects";
    public const string MinAckWait = "jetstream_min_ack_wait";
    public const string DefaultMaxBytes = "jetstream_default_max_bytes";
    public const string DefaultMaxAge = "jetstream_default_max_age";
    public const string DefaultBackoff = "jetstream_default_backoff";
    public const string DefaultMaxDeliver = "jetstream_default_max_deliver";
    public const string DefaultNakDelay = "jetstream_default_nak_delay";
    public const string MaxWaiting = "jetstream_max_waiting";

    /// <summary>MSBuild property made compiler-visible by the package; read when the .editorconfig key is absent.</summary>
    public const string ServerVersionBuildProperty = "build_property.JetStreamServerVersion";
}
