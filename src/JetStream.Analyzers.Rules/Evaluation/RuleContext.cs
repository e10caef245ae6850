using System;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>What rules need besides the model: options, the target server version, and how the front end names fields.</summary>
public sealed class RuleContext
{
    public RuleContext(RuleOptions options, ServerVersion serverVersion, Func<string, StreamKind, string>? fieldNames = null)
    {
        Options = options;
        ServerVersion = serverVersion;
        FieldNames = fieldNames ?? ((json, _) => json);
    }

    public static RuleContext Default { get; } = new(RuleOptions.Default, ServerVersion.Newest);

    public RuleOptions Options { get; }

    public ServerVersion ServerVersion { get; }

    /// <summary>Maps a JSON field name ("num_replicas") to the front end's spelling ("NumReplicas", "replicas").</summary>
    public Func<string, StreamKind, string> FieldNames { get; }

    public string Field(string json, StreamKind kind = StreamKind.Stream) => FieldNames(json, kind);
}
