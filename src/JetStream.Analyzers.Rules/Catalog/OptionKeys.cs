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
    public const string MaxConsumerPending = "jetstream_max_consumer_pending";
    public const string MaxRedeliveredRatio = "jetstream_max_redelivered_ratio";
    public const string StreamFillWarning = "jetstream_stream_fill_warning";
    public const string MaxMirrorLag = "jetstream_max_mirror_lag";
    public const string MaxMirrorInactive = "jetstream_max_mirror_inactive";
    public const string MaxConsumersPerStream = "jetstream_max_consumers_per_stream";
    public const string MaxConsumersPerAccount = "jetstream_max_consumers_per_account";
    public const string AccountFillWarning = "jetstream_account_fill_warning";

    /// <summary>MSBuild property made compiler-visible by the package; read when the .editorconfig key is absent.</summary>
    public const string ServerVersionBuildProperty = "build_property.JetStreamServerVersion";
}
