using System.Collections.Generic;
using System.Text;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>JSON field names of the rule model to NATS.Net property names, for messages and code fixes.</summary>
internal static class CSharpNames
{
    private static readonly Dictionary<string, string> Exceptions = new()
    {
        ["allow_atomic"] = "AllowAtomicPublish",
        ["allow_batched"] = "AllowBatchPublish",
        ["allow_msg_ttl"] = "AllowMsgTTL",
        ["subject_delete_marker_ttl"] = "SubjectDeleteMarkerTTL",
        ["sample_freq"] = "SampleFreq",
        ["idle_heartbeat"] = "IdleHeartbeat",
        ["priority_timeout"] = "PinnedTTL",
    };

    private static readonly Dictionary<string, string> BucketExceptions = new()
    {
        ["num_replicas"] = "NumberOfReplicas",
        ["max_msgs_per_subject"] = "History",
        ["max_msg_size"] = "MaxValueSize",

        // NatsKVContext turns both on from LimitMarkerTTL; the bucket config has neither property.
        ["allow_msg_ttl"] = "LimitMarkerTTL",
        ["subject_delete_marker_ttl"] = "LimitMarkerTTL",
    };

    public static string Property(string json, StreamKind kind = StreamKind.Stream)
    {
        if (kind != StreamKind.Stream && BucketExceptions.TryGetValue(json, out var bucketName))
        {
            return bucketName;
        }

        if (Exceptions.TryGetValue(json, out var name))
        {
            return name;
        }

        var sb = new StringBuilder(json.Length);
        var upper = true;
        foreach (var c in json)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }
}
