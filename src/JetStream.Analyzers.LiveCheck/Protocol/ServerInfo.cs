using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;

namespace JetStream.Analyzers.LiveCheck.Protocol;

/// <summary>The INFO line a NATS server sends first on every client connection.</summary>
public sealed class ServerInfo
{
    public string Version { get; private set; } = string.Empty;

    /// <summary>The cluster name; null for a server that is not part of a cluster.</summary>
    public string? Cluster { get; private set; }

    /// <summary>Client URLs of the servers in the cluster, as the server advertises them.</summary>
    public IReadOnlyList<string> ConnectUrls { get; private set; } = new string[0];

    public bool JetStream { get; private set; }

    public bool TlsRequired { get; private set; }

    public bool TlsAvailable { get; private set; }

    public bool AuthRequired { get; private set; }

    public bool Headers { get; private set; }

    public string? Nonce { get; private set; }

    internal static ServerInfo? Parse(string json)
    {
        if (Json.Parse("INFO", json) is not MappingNode root)
        {
            return null;
        }

        return new ServerInfo
        {
            Version = Json.String(root, "version") ?? string.Empty,
            Cluster = Json.String(root, "cluster") is { Length: > 0 } cluster ? cluster : null,
            ConnectUrls = Json.Strings(root, "connect_urls").Distinct().ToList(),
            JetStream = Json.Bool(root, "jetstream"),
            TlsRequired = Json.Bool(root, "tls_required"),
            TlsAvailable = Json.Bool(root, "tls_available"),
            AuthRequired = Json.Bool(root, "auth_required"),
            Headers = Json.Bool(root, "headers"),
            Nonce = Json.String(root, "nonce"),
        };
    }
}
