namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>Identity of NACK (nats-io/nack) Kubernetes resources.</summary>
internal static class NackResources
{
    public const string ApiGroupPrefix = "jetstream.nats.io/";

    /// <summary>Fields every NACK resource may carry to say how the controller connects; not part of the JetStream config.</summary>
    public static readonly string[] ConnectionFields =
    {
        "account", "creds", "nkey", "servers", "tls", "tlsFirst", "jsDomain", "preventDelete", "preventUpdate",
    };
}
