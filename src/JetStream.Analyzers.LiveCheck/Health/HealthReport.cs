using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using JetStream.Analyzers.LiveCheck.Protocol;
using JetStream.Analyzers.Rules.Health;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.LiveCheck.Health;

/// <summary>
/// The consumer report: the health snapshot as a table for a person or as JSON for a CI artifact. One row per
/// stream (messages, bytes, fill, replicas and their currency, consumers), one per consumer (pending, ack pending,
/// redelivered, last delivery, waiting pulls).
/// </summary>
public static class HealthReport
{
    public static string Table(HealthSnapshot snapshot)
    {
        var text = new StringBuilder();
        text.Append("Streams of the account at ").Append(snapshot.Server).Append('\n');
        var streams = new List<string[]> { new[] { "STREAM", "MESSAGES", "BYTES", "FILL", "REPLICAS", "CONSUMERS" } };
        streams.AddRange(snapshot.Streams.Select(s => new[] { s.Name, Count(s.Messages), ByteSizes.Format(s.Bytes), Fill(s), Replicas(s.Limits.Replicas, s.Cluster), Count(s.ConsumerCount) }));
        Columns(text, streams, rightAligned: new[] { 1, 2, 5 });

        text.Append('\n').Append("Consumers\n");
        var consumers = new List<string[]> { new[] { "STREAM", "CONSUMER", "PENDING", "ACK PENDING", "REDELIVERED", "LAST DELIVERY", "WAITING PULLS" } };
        consumers.AddRange(Consumers(snapshot).Select(c => new[]
        {
            c.Stream, c.Name, Count(c.Counts.Pending),
            c.MaxAckPending > 0 && c.Acks ? $"{Count(c.Counts.AckPending)} of {Count(c.MaxAckPending)}" : Count(c.Counts.AckPending),
            Count(c.Counts.Redelivered), Ago(c.LastDeliveryAgeNanos), Count(c.Counts.Waiting),
        }));
        Columns(text, consumers, rightAligned: new[] { 2, 3, 4, 6 });
        return text.ToString();
    }

    public static string Json(HealthSnapshot snapshot)
    {
        var text = new StringBuilder();
        text.Append("{\n  \"server\": ").Append(Quote(snapshot.Server)).Append(",\n  \"streams\": [");
        var first = true;
        foreach (var s in snapshot.Streams)
        {
            text.Append(first ? "\n" : ",\n");
            first = false;
            text.Append("    {\"name\": ").Append(Quote(s.Name))
                .Append(", \"messages\": ").Append(Number(s.Messages))
                .Append(", \"bytes\": ").Append(Number(s.Bytes))
                .Append(", \"max_msgs\": ").Append(Number(s.Limits.MaxMsgs))
                .Append(", \"max_bytes\": ").Append(Number(s.Limits.MaxBytes))
                .Append(", \"fill\": ").Append(FillShare(s) is { } fill ? fill.ToString("0.####", CultureInfo.InvariantCulture) : "null")
                .Append(", \"discard_new\": ").Append(s.Limits.DiscardNew ? "true" : "false")
                .Append(", \"replicas\": ").Append(Number(s.Limits.Replicas))
                .Append(", \"replicas_current\": ").Append(Current(s.Cluster) is { } current ? (current ? "true" : "false") : "null")
                .Append(", \"leader\": ").Append(s.Cluster?.Leader is { Length: > 0 } leader ? Quote(leader) : "null")
                .Append(", \"consumers\": ").Append(Number(s.ConsumerCount))
                .Append('}');
        }

        text.Append(first ? "],\n" : "\n  ],\n").Append("  \"consumers\": [");
        first = true;
        foreach (var c in Consumers(snapshot))
        {
            text.Append(first ? "\n" : ",\n");
            first = false;
            text.Append("    {\"stream\": ").Append(Quote(c.Stream))
                .Append(", \"name\": ").Append(Quote(c.Name))
                .Append(", \"num_pending\": ").Append(Number(c.Counts.Pending))
                .Append(", \"num_ack_pending\": ").Append(Number(c.Counts.AckPending))
                .Append(", \"max_ack_pending\": ").Append(Number(c.MaxAckPending))
                .Append(", \"num_redelivered\": ").Append(Number(c.Counts.Redelivered))
                .Append(", \"deliveries\": ").Append(Number(c.Counts.Deliveries))
                .Append(", \"last_delivery_age_ns\": ").Append(c.LastDeliveryAgeNanos >= 0 ? Number(c.LastDeliveryAgeNanos) : "null")
                .Append(", \"num_waiting\": ").Append(Number(c.Counts.Waiting))
                .Append('}');
        }

        text.Append(first ? "]\n}\n" : "\n  ]\n}\n");
        return text.ToString();
    }

    private static IEnumerable<ConsumerHealth> Consumers(HealthSnapshot snapshot) =>
        snapshot.Streams.SelectMany(s => (s.Consumers ?? Array.Empty<ConsumerHealth>()).OrderBy(c => c.Name, StringComparer.Ordinal));

    private static double? FillShare(StreamHealth stream)
    {
        var limits = stream.Limits;
        if (limits.MaxMsgs <= 0 && limits.MaxBytes <= 0)
        {
            return null;
        }

        return Math.Max(limits.MaxMsgs > 0 ? (double)stream.Messages / limits.MaxMsgs : 0, limits.MaxBytes > 0 ? (double)stream.Bytes / limits.MaxBytes : 0);
    }

    private static string Fill(StreamHealth stream) =>
        FillShare(stream) is { } fill ? HealthContext.Percent(fill) + (stream.Limits.DiscardNew ? " (discard new)" : string.Empty) : "no limit";

    private static bool? Current(ReplicaGroup? group) =>
        group is null ? null : !string.IsNullOrEmpty(group.Leader) && group.Replicas.All(r => r.Current && !r.Offline);

    private static string Replicas(long replicas, ReplicaGroup? group)
    {
        var count = Count(Math.Max(1, replicas));
        if (group is null || replicas <= 1)
        {
            return count;
        }

        if (string.IsNullOrEmpty(group.Leader))
        {
            return count + ", no leader";
        }

        var behind = group.Replicas.Where(r => r.Offline || !r.Current).Select(r => r.Offline ? r.Name + " offline" : $"{r.Name} {Count(r.Lag)} behind").ToList();
        return behind.Count == 0 ? count + ", all current" : count + ", " + string.Join(", ", behind);
    }

    private static string Ago(long nanos) => nanos < 0 ? "never" : Durations.Format(nanos - nanos % Durations.Second) + " ago";

    private static string Count(long value) => HealthContext.Count(value);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) => Protocol.Json.Quote(value);

    private static void Columns(StringBuilder text, List<string[]> rows, int[] rightAligned)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                var cell = rightAligned.Contains(i) ? row[i].PadLeft(widths[i]) : row[i].PadRight(widths[i]);
                line.Append(i == 0 ? string.Empty : "  ").Append(cell);
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }
}
