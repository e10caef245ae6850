using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.LiveCheck.Protocol;
using JetStream.Analyzers.Rules.Health;

namespace JetStream.Analyzers.LiveCheck.Server;

/// <summary>
/// The state parts of the replies the snapshot reads anyway (stream info of STREAM.LIST, consumer info of
/// CONSUMER.LIST, account info), as the health model. Ages are taken against the reply's "ts" (the server's clock,
/// 2.10 and later) and against this machine's clock before that.
/// </summary>
internal static class HealthReader
{
    public static StreamHealth Stream(string name, MappingNode info, MappingNode config)
    {
        var state = Json.Object(info, "state");
        var now = Time(info, "ts") ?? DateTimeOffset.UtcNow;
        var created = Time(info, "created");
        var limits = new StreamLimits(
            Json.Long(config, "max_msgs") ?? -1,
            Json.Long(config, "max_bytes") ?? -1,
            Json.String(config, "discard") == "new",
            Json.Long(config, "num_replicas") ?? 1);
        var upstreams = new List<UpstreamHealth>();
        if (Upstream(Json.Object(info, "mirror"), mirror: true) is { } mirror)
        {
            upstreams.Add(mirror);
        }

        upstreams.AddRange(Json.Items(info, "sources").OfType<MappingNode>().Select(s => Upstream(s, mirror: false)).Where(s => s is not null)!);
        return new StreamHealth(
            name,
            limits,
            Json.Long(state, "messages") ?? 0,
            Json.Long(state, "bytes") ?? 0,
            Json.Long(state, "consumer_count") ?? 0,
            created is { } c ? Math.Max(0, (now - c).Ticks * 100) : -1,
            Group(Json.Object(info, "cluster")),
            upstreams);
    }

    public static ConsumerHealth Consumer(string stream, string name, MappingNode info, MappingNode config)
    {
        var delivered = Json.Object(info, "delivered");
        var counts = new ConsumerCounts(
            Json.Long(info, "num_pending") ?? 0,
            Json.Long(info, "num_ack_pending") ?? 0,
            Json.Long(info, "num_redelivered") ?? 0,
            Json.Long(info, "num_waiting") ?? 0,
            Json.Long(delivered, "consumer_seq") ?? 0,
            Json.Long(delivered, "stream_seq") ?? 0,
            Json.Long(Json.Object(info, "ack_floor"), "stream_seq") ?? 0);
        var now = Time(info, "ts") ?? DateTimeOffset.UtcNow;
        var last = Time(delivered, "last_active");
        return new ConsumerHealth(
            stream,
            name,
            counts,
            Json.Long(config, "max_ack_pending") ?? -1,
            Json.String(config, "ack_policy") is not "none",
            last is { } l ? Math.Max(0, (now - l).Ticks * 100) : -1,
            Group(Json.Object(info, "cluster")));
    }

    public static AccountUsage Account(MappingNode reply)
    {
        var budgets = new List<UsageBudget>();
        if (Json.Object(reply, "tiers") is { } tiers && tiers.Entries.Count > 0)
        {
            foreach (var tier in tiers.Entries.Where(e => e.Value is MappingNode))
            {
                budgets.Add(Budget(tier.Key.Text, (MappingNode)tier.Value));
            }
        }
        else
        {
            budgets.Add(Budget(null, reply));
        }

        return new AccountUsage(Json.Long(reply, "streams") ?? 0, Json.Long(reply, "consumers") ?? 0, budgets);
    }

    private static UsageBudget Budget(string? tier, MappingNode usage)
    {
        var limits = Json.Object(usage, "limits");
        return new UsageBudget(tier, Json.Long(usage, "memory") ?? 0, Json.Long(usage, "storage") ?? 0, Json.Long(limits, "max_memory") ?? -1, Json.Long(limits, "max_storage") ?? -1);
    }

    private static UpstreamHealth? Upstream(MappingNode? info, bool mirror)
    {
        if (Json.String(info, "name") is not { } name)
        {
            return null;
        }

        return new UpstreamHealth(
            name,
            mirror,
            Json.Long(info, "lag") ?? 0,
            Json.Long(info, "active") ?? -1,
            Json.String(Json.Object(info, "error"), "description"),
            Json.String(Json.Object(info, "external"), "api") is { Length: > 0 } api ? api : null);
    }

    private static ReplicaGroup? Group(MappingNode? cluster)
    {
        if (cluster is null)
        {
            return null;
        }

        var replicas = Json.Items(cluster, "replicas").OfType<MappingNode>()
            .Select(r => new ReplicaHealth(
                Json.String(r, "name") ?? "?",
                Json.Bool(r, "current"),
                Json.Bool(r, "offline"),
                Json.Long(r, "lag") ?? 0,
                Json.Long(r, "active") ?? 0))
            .ToList();
        return new ReplicaGroup(Json.String(cluster, "name"), Json.String(cluster, "leader"), replicas);
    }

    // RFC 3339 with up to nine fractional digits; .NET reads seven.
    private static DateTimeOffset? Time(MappingNode? node, string key)
    {
        if (Json.String(node, key) is not { } text || text.StartsWith("0001-01-01", StringComparison.Ordinal))
        {
            return null;
        }

        var dot = text.IndexOf('.');
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = text.Substring(0, dot + 8) + text.Substring(end);
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }
}
