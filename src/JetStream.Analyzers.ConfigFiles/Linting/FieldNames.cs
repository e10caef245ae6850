using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.Binding;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.ConfigFiles.Linting;

/// <summary>How messages spell a field: the JSON name in API files, the NACK spec name in manifests.</summary>
internal static class FieldNames
{
    private static readonly Dictionary<string, string> Nack = new()
    {
        ["num_replicas"] = "replicas",
        ["discard_new_per_subject"] = "discardPerSubject",
        ["allow_rollup_hdrs"] = "allowRollup",
        ["first_seq"] = "firstSequence",
        ["allow_atomic"] = "allowAtomicPublish",
        ["idle_heartbeat"] = "heartbeatInterval",
        ["max_batch"] = "maxRequestBatch",
        ["max_expires"] = "maxRequestExpires",
        ["priority_timeout"] = "pinnedTtl",
    };

    private static readonly Dictionary<string, string> NackBucket = new()
    {
        ["max_age"] = "ttl",
        ["max_msgs_per_subject"] = "history",
        ["max_msg_size"] = "maxValueSize",
    };

    public static string For(ConfigFormat format, string json, StreamKind kind)
    {
        if (format == ConfigFormat.Api)
        {
            return json;
        }

        if (kind != StreamKind.Stream && NackBucket.TryGetValue(json, out var bucket))
        {
            return bucket;
        }

        return Nack.TryGetValue(json, out var name) ? name : Camel(json);
    }

    private static string Camel(string json)
    {
        var parts = json.Split('_');
        for (var i = 1; i < parts.Length; i++)
        {
            parts[i] = parts[i].Length == 0 ? parts[i] : char.ToUpperInvariant(parts[i][0]) + parts[i].Substring(1);
        }

        return string.Concat(parts);
    }
}
