using System;
using System.IO;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.LiveCheck.Protocol;

namespace JetStream.Analyzers.LiveCheck.Connection;

/// <summary>
/// A context saved by the nats CLI (<c>nats context save</c>): a JSON file in the CLI's contexts folder,
/// <c>$XDG_CONFIG_HOME/nats/context/&lt;name&gt;.json</c> (by default under <c>~/.config</c>).
/// </summary>
public sealed class NatsCliContext
{
    public string? Url { get; private set; }

    public string? User { get; private set; }

    public string? Password { get; private set; }

    public string? Token { get; private set; }

    public string? Creds { get; private set; }

    public string? NKey { get; private set; }

    public string? Cert { get; private set; }

    public string? Key { get; private set; }

    public string? Ca { get; private set; }

    public string? JetStreamDomain { get; private set; }

    public string? JetStreamApiPrefix { get; private set; }

    public bool TlsFirst { get; private set; }

    /// <summary>The folder the CLI keeps its contexts in.</summary>
    public static string FolderFor(Func<string, string?> environment)
    {
        var config = environment("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(config))
        {
            config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return Path.Combine(config!, "nats", "context");
    }

    /// <summary>Loads a context by name, or from a path when the name ends in .json.</summary>
    /// <exception cref="LiveCheckException">The context doesn't exist or can't be read.</exception>
    public static NatsCliContext Load(string name, Func<string, string?>? environment = null)
    {
        var isPath = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (!isPath && (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..")))
        {
            throw new LiveCheckException($"JetStreamContext '{name}' is not a context name", "use the name 'nats context ls' shows, or the path of a context .json file");
        }

        var path = isPath ? Path.GetFullPath(name) : Path.Combine(FolderFor(environment ?? Environment.GetEnvironmentVariable), name + ".json");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LiveCheckException($"the nats CLI context '{name}' can't be read from {path} ({e.GetType().Name})", "check the name with 'nats context ls', or set XDG_CONFIG_HOME to the folder that holds nats/context");
        }

        var parsed = JsonDocumentParser.Parse(path, text);
        if (parsed.Problems.Count > 0 || parsed.Documents.FirstOrDefault() is not MappingNode root)
        {
            throw new LiveCheckException($"the nats CLI context file {path} is not a JSON object", "re-create it with 'nats context save'");
        }

        string? Text(string key) => root[key] is ScalarNode { Kind: ScalarKind.String } s && !string.IsNullOrWhiteSpace(s.Text) ? ExpandHome(s.Text) : null;
        return new NatsCliContext
        {
            Url = Text("url"),
            User = Text("user"),
            Password = Text("password"),
            Token = Text("token"),
            Creds = Text("creds"),
            NKey = Text("nkey"),
            Cert = Text("cert"),
            Key = Text("key"),
            Ca = Text("ca"),
            JetStreamDomain = Text("jetstream_domain"),
            JetStreamApiPrefix = Text("jetstream_api_prefix"),
            TlsFirst = root["tls_first"] is ScalarNode { Kind: ScalarKind.Boolean, Text: "true" },
        };
    }

    private static string ExpandHome(string value) =>
        value.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), value.Substring(2))
            : value;
}
