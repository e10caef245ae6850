using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using JetStream.Analyzers.LiveCheck.Protocol;

namespace JetStream.Analyzers.LiveCheck.Connection;

/// <summary>
/// Where and how the live check connects: MSBuild properties (JetStreamServer, JetStreamCredsFile, ...), then the
/// JETSTREAM_USER / JETSTREAM_PASSWORD / JETSTREAM_TOKEN / JETSTREAM_CREDS / JETSTREAM_NKEY environment variables, then the
/// nats CLI context named by JetStreamContext for anything still unset. Secrets stay in this object;
/// <see cref="Display"/> is the only text about the connection that reaches the build log.
/// </summary>
public sealed class ConnectionSettings
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Below this no server can be connected to and read: a configuration mistake, not a slow server.</summary>
    public static readonly TimeSpan MinimumTimeout = TimeSpan.FromSeconds(0.1);

    public IReadOnlyList<Uri> Servers { get; set; } = Array.Empty<Uri>();

    public string? CredsFile { get; set; }

    public string? NKeyFile { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? Token { get; set; }

    public string? TlsCaFile { get; set; }

    public string? TlsCertFile { get; set; }

    public string? TlsKeyFile { get; set; }

    public bool TlsFirst { get; set; }

    /// <summary>"$JS.API", "$JS.&lt;domain&gt;.API" or a custom prefix for an imported JetStream API.</summary>
    public string ApiPrefix { get; set; } = "$JS.API";

    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>The servers as the build log shows them: user names kept, passwords and tokens replaced by ***.</summary>
    public string Display => Servers.Count == 0 ? "(no server)" : string.Join(", ", Servers.Select(Redact));

    public static string Redact(Uri server)
    {
        var text = $"{server.Scheme}://{server.Host}:{server.Port}";
        if (string.IsNullOrEmpty(server.UserInfo))
        {
            return text;
        }

        var user = server.UserInfo.Split(':')[0];
        return server.UserInfo.Contains(":") ? $"{server.Scheme}://{Uri.UnescapeDataString(user)}:***@{server.Host}:{server.Port}" : $"{server.Scheme}://***@{server.Host}:{server.Port}";
    }

    /// <summary>
    /// Reads the MSBuild properties. Blank values count as not set; a context fills only what is still unset.
    /// </summary>
    /// <exception cref="LiveCheckException">A property or the context is unusable; the message says which.</exception>
    public static ConnectionSettings Resolve(LiveCheckProperties properties, Func<string, string?>? environment = null)
    {
        // Secrets come from JETSTREAM_* variables read here, not from environment-derived MSBuild properties: MSBuild
        // logs the value of every such property it expands ("expanded from the environment") at detailed verbosity.
        environment ??= Environment.GetEnvironmentVariable;
        var context = NullIfBlank(properties.Context) is { } name ? NatsCliContext.Load(name, environment) : null;
        var settings = new ConnectionSettings
        {
            Servers = ParseServers(NullIfBlank(properties.Server) ?? context?.Url ?? string.Empty),
            CredsFile = NullIfBlank(properties.CredsFile) ?? NullIfBlank(environment("JETSTREAM_CREDS")) ?? context?.Creds,
            NKeyFile = NullIfBlank(properties.NKeyFile) ?? NullIfBlank(environment("JETSTREAM_NKEY")) ?? context?.NKey,
            User = NullIfBlank(properties.User) ?? NullIfBlank(environment("JETSTREAM_USER")) ?? context?.User,
            Password = NullIfBlank(properties.Password) ?? NullIfBlank(environment("JETSTREAM_PASSWORD")) ?? context?.Password,
            Token = NullIfBlank(properties.Token) ?? NullIfBlank(environment("JETSTREAM_TOKEN")) ?? context?.Token,
            TlsCaFile = NullIfBlank(properties.TlsCaFile) ?? context?.Ca,
            TlsCertFile = NullIfBlank(properties.TlsCertFile) ?? context?.Cert,
            TlsKeyFile = NullIfBlank(properties.TlsKeyFile) ?? context?.Key,
            TlsFirst = context?.TlsFirst ?? false,
        };

        var domain = NullIfBlank(properties.Domain) ?? context?.JetStreamDomain;
        var prefix = NullIfBlank(properties.ApiPrefix) ?? context?.JetStreamApiPrefix;
        if (domain is not null && prefix is not null)
        {
            throw new LiveCheckException("both a JetStream domain and an API prefix are set", "set JetStreamDomain or JetStreamApiPrefix, not both");
        }

        if (domain is not null && domain.IndexOfAny(new[] { '.', '*', '>', ' ' }) >= 0)
        {
            throw new LiveCheckException($"JetStreamDomain '{domain}' is not a valid domain name", "a domain is one subject token without dots or wildcards");
        }

        settings.ApiPrefix = domain is not null ? $"$JS.{domain}.API" : prefix?.TrimEnd('.') ?? "$JS.API";
        settings.Timeout = ParseTimeout(NullIfBlank(properties.Timeout));
        if (settings.Servers.Count == 0)
        {
            throw new LiveCheckException("no server URL is set", "set JetStreamServer (for example nats://localhost:4222) or a JetStreamContext that has a url");
        }

        if ((settings.TlsCertFile is null) != (settings.TlsKeyFile is null))
        {
            throw new LiveCheckException("a TLS client certificate needs both a certificate and a key", "set both JetStreamTlsCert and JetStreamTlsKey");
        }

        return settings;
    }

    internal static IReadOnlyList<Uri> ParseServers(string text)
    {
        var servers = new List<Uri>();
        foreach (var part in text.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = part.Contains("://") ? part : "nats://" + part;
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                throw new LiveCheckException($"'{RedactText(part)}' is not a server URL", "write JetStreamServer as nats://host:port, tls://host:port or host:port, several separated by commas");
            }

            if (uri.Scheme is not ("nats" or "tls"))
            {
                throw new LiveCheckException($"the URL scheme '{uri.Scheme}' is not supported", "use nats:// or tls:// (the live check connects to a client port, not websocket or leafnode ports)");
            }

            var port = uri.IsDefaultPort || uri.Port <= 0 ? 4222 : uri.Port;
            servers.Add(new UriBuilder(uri) { Port = port }.Uri);
        }

        return servers;
    }

    private static TimeSpan ParseTimeout(string? text)
    {
        if (text is null)
        {
            return DefaultTimeout;
        }

        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && !double.IsNaN(seconds) && Math.Abs(seconds) <= 1e6
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : (TimeSpan?)null;
        if (parsed is not { } timeout)
        {
            throw new LiveCheckException($"JetStreamTimeout '{text}' is not a duration", "write the timeout in seconds (for example 10 or 2.5) or as hh:mm:ss, at least 0.1 s and at most one hour");
        }

        if (timeout < MinimumTimeout || timeout > TimeSpan.FromHours(1))
        {
            throw new LiveCheckException($"JetStreamTimeout '{text}' is {(timeout < MinimumTimeout ? "shorter than 0.1 s: no server can be connected to and read in that time" : "longer than one hour")}",
                "write the timeout in seconds (for example 10 or 2.5) or as hh:mm:ss, at least 0.1 s and at most one hour");
        }

        return timeout;
    }

    private static string RedactText(string part) => part.Contains("@") ? "***@" + part.Substring(part.LastIndexOf('@') + 1) : part;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}

/// <summary>The task's connection properties as MSBuild passes them (blank when unset).</summary>
public sealed class LiveCheckProperties
{
    public string? Server { get; set; }

    public string? CredsFile { get; set; }

    public string? NKeyFile { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? Token { get; set; }

    public string? TlsCaFile { get; set; }

    public string? TlsCertFile { get; set; }

    public string? TlsKeyFile { get; set; }

    public string? Domain { get; set; }

    public string? ApiPrefix { get; set; }

    public string? Context { get; set; }

    public string? Timeout { get; set; }
}
