using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.LiveCheck.Server;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>
/// Compares a file's stream or consumer with the server's, field by field, after filling in the server's defaults
/// for what the file leaves out (so an absent num_replicas is 1, not drift). Fields the server's version doesn't
/// know are left to JS5006; fields whose value isn't known on either side are skipped.
/// </summary>
internal static class FieldComparison
{
    /// <remarks>
    /// A key-value or object store file describes a bucket, and the client library derives the rest of the stream
    /// (history, rollups, direct get, ...), so only the settings the file writes are compared.
    /// </remarks>
    public static List<(FieldDifference Difference, object? Origin)> Streams(StreamModel file, StreamModel server, ServerVersion version) =>
        Compare(StreamFields, file, server, new Facts(version, null, null), explicitOnly: file.Kind != StreamKind.Stream);

    public static List<(FieldDifference Difference, object? Origin)> Consumers(ConsumerModel file, ConsumerModel server, ServerVersion version, JetStreamLimits? limits, StreamModel? stream) =>
        Compare(ConsumerFields, file, server, new Facts(version, limits, stream));

    private static List<(FieldDifference, object?)> Compare<TModel>(IEnumerable<Field<TModel>> fields, TModel file, TModel server, Facts facts, bool explicitOnly = false)
    {
        var differences = new List<(FieldDifference, object?)>();
        foreach (var field in fields)
        {
            if (!field.Schema.KnownBy(facts.Version) || explicitOnly && field.Origin(file) is null)
            {
                continue;
            }

            var mine = field.Value(file, facts);
            var theirs = field.Value(server, facts);
            if (mine is null || theirs is null || mine == theirs)
            {
                continue;
            }

            differences.Add((new FieldDifference(field.Name, mine, theirs, field.UpdateError(mine, theirs, facts)), field.Origin(file)));
        }

        return differences;
    }


    private static readonly Field<StreamModel>[] StreamFields =
    {
        new("subjects", (m, _) => Values.Set(m.Subjects), m => m.Subjects.Origin),
        new("retention", (m, _) => Values.Enum(m.Retention, RetentionPolicy.Limits), m => m.Retention.Origin),
        new("max_consumers", (m, f) => Values.Limit(EffectiveStream.Limit(m.MaxConsumers, f.Version)), m => m.MaxConsumers.Origin),
        new("max_msgs", (m, f) => Values.Limit(EffectiveStream.Limit(m.MaxMsgs, f.Version)), m => m.MaxMsgs.Origin),
        new("max_bytes", (m, f) => Values.ByteLimit(EffectiveStream.Limit(m.MaxBytes, f.Version)), m => m.MaxBytes.Origin),
        new("max_age", (m, _) => Values.Duration(m.MaxAge), m => m.MaxAge.Origin),
        new("max_msgs_per_subject", (m, f) => Values.Limit(EffectiveStream.Limit(m.MaxMsgsPerSubject, f.Version)), m => m.MaxMsgsPerSubject.Origin),
        new("max_msg_size", (m, f) => Values.Limit(EffectiveStream.Limit(m.MaxMsgSize, f.Version)), m => m.MaxMsgSize.Origin),
        new("discard", (m, _) => Values.Enum(m.Discard, DiscardPolicy.Old), m => m.Discard.Origin),
        new("storage", (m, _) => Values.Enum(m.Storage, StorageType.File), m => m.Storage.Origin),
        new("num_replicas", (m, _) => m.NumReplicas.Effective(1) is { } r ? Values.Integer(ConfigValue<long>.Known(Math.Max(r, 1), null)) : null, m => m.NumReplicas.Origin),
        new("no_ack", (m, _) => Values.Flag(m.NoAck), m => m.NoAck.Origin),
        new("duplicate_window", (m, f) => Values.Duration(EffectiveStream.DuplicateWindow(m, f.Version)), m => m.DuplicateWindow.Origin),
        new("description", (m, _) => Values.Text(m.Description), m => m.Description.Origin),
        new("sealed", (m, _) => Values.Flag(m.Sealed), m => m.Sealed.Origin),
        new("deny_delete", (m, _) => Values.Flag(m.DenyDelete), m => m.DenyDelete.Origin),
        new("deny_purge", (m, f) => Values.Flag(EffectiveStream.DenyPurge(m, f.Version)), m => m.DenyPurge.Origin),
        new("allow_rollup_hdrs", (m, f) => Values.Flag(EffectiveStream.AllowRollup(m, f.Version)), m => m.AllowRollupHdrs.Origin),
        new("allow_direct", (m, _) => Values.Flag(m.AllowDirect), m => m.AllowDirect.Origin),
        new("mirror_direct", (m, _) => Values.Flag(m.MirrorDirect), m => m.MirrorDirect.Origin),
        new("discard_new_per_subject", (m, _) => Values.Flag(m.DiscardNewPerSubject), m => m.DiscardNewPerSubject.Origin),
        new("mirror", (m, _) => Mirror(m), m => m.Mirror.Origin),
        new("sources", (m, _) => Sources(m), m => m.Sources.Origin),
        new("republish", (m, _) => Republish(m), m => m.RepublishDestination.Origin ?? m.HasRepublish.Origin),
        new("placement.cluster", (m, _) => Values.Text(m.PlacementCluster), m => m.PlacementCluster.Origin),
        new("placement.tags", (m, _) => Values.Set(m.PlacementTags), m => m.PlacementTags.Origin),
        new("compression", (m, _) => m.Compression.Effective(false) is { } s2 ? (s2 ? "s2" : "none") : null, m => m.Compression.Origin),
        new("allow_msg_ttl", (m, f) => Values.Flag(EffectiveStream.AllowMsgTtl(m, f.Version)), m => m.AllowMsgTtl.Origin),
        new("subject_delete_marker_ttl", (m, _) => Values.Duration(m.SubjectDeleteMarkerTtl), m => m.SubjectDeleteMarkerTtl.Origin),
        new("allow_msg_counter", (m, _) => Values.Flag(m.AllowMsgCounter), m => m.AllowMsgCounter.Origin),
        new("allow_atomic", (m, _) => Values.Flag(m.AllowAtomic), m => m.AllowAtomic.Origin),
        new("allow_msg_schedules", (m, _) => Values.Flag(m.AllowMsgSchedules), m => m.AllowMsgSchedules.Origin),
        new("persist_mode", (m, _) => m.AsyncPersist.Effective(false) is { } async ? (async ? "async" : "default") : null, m => m.AsyncPersist.Origin),
        new("allow_batched", (m, _) => Values.Flag(m.AllowBatched), m => m.AllowBatched.Origin),
    };

    private static readonly Field<ConsumerModel>[] ConsumerFields =
    {
        new("description", (m, _) => Values.Text(m.Description), m => m.Description.Origin),
        new("deliver_policy", (m, _) => Values.Enum(m.DeliverPolicy, DeliverPolicy.All), m => m.DeliverPolicy.Origin),
        new("opt_start_seq", (m, _) => m.OptStartSeq.Effective(0UL) is { } seq ? seq.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, m => m.OptStartSeq.Origin),
        new("opt_start_time", (m, _) => m.HasOptStartTime.IsAbsent ? "(none)" : m.OptStartTime.TryGet(out var time) ? time : null, m => m.OptStartTime.Origin),
        new("ack_policy", (m, _) => Values.Enum(m.AckPolicy, AckPolicy.None), m => m.AckPolicy.Origin),
        new("ack_wait", (m, _) => Values.Duration(EffectiveConsumer.StoredAckWait(m)), m => m.AckWait.Origin),
        new("max_deliver", (m, f) => Values.Limit(EffectiveConsumer.MaxDeliver(m, f.Version)), m => m.MaxDeliver.Origin),
        new("backoff", (m, _) => m.Backoff.Kind switch
        {
            ValueKind.Known => m.Backoff.Value is { Count: > 0 } list ? "[" + string.Join(", ", list.Select(Durations.Format)) + "]" : "(none)",
            ValueKind.Absent => "(none)",
            _ => null,
        }, m => m.Backoff.Origin),
        new("filter_subjects", Filters, m => m.FilterSubjects.Origin ?? m.FilterSubject.Origin),
        new("replay_policy", (m, _) => Values.Enum(m.ReplayPolicy, ReplayPolicy.Instant), m => m.ReplayPolicy.Origin),
        new("rate_limit_bps", (m, _) => Values.Integer(m.RateLimitBps), m => m.RateLimitBps.Origin),
        new("sample_freq", (m, _) => Values.Text(m.SampleFrequency), m => m.SampleFrequency.Origin),
        // Pull consumers only: a push consumer has no waiting requests, and push versus pull is deliver_subject's difference.
        new("max_waiting", (m, f) => Values.Integer(EffectiveConsumer.MaxWaiting(m, f.Version)), m => m.MaxWaiting.Origin),
        new("max_ack_pending", (m, f) => EffectiveConsumer.MaxAckPending(m, f.Stream, f.Version, f.Limits?.MaxAckPending ?? -1) switch
        {
            null => null,
            < 0 => "unlimited",
            var pending => Values.Integer(pending),
        }, m => m.MaxAckPending.Origin),
        new("flow_control", (m, _) => Values.Flag(EffectiveConsumer.FlowControl(m)), m => m.FlowControl.Origin),
        new("idle_heartbeat", (m, f) => Values.Duration(EffectiveConsumer.IdleHeartbeat(m, f.Version)), m => m.IdleHeartbeat.Origin),
        new("max_batch", (m, f) => Values.Integer(EffectiveConsumer.NotNegative(m.MaxBatch, f.Version)), m => m.MaxBatch.Origin),
        new("max_expires", (m, f) => Values.Duration(EffectiveConsumer.NotNegative(m.MaxExpires, f.Version)), m => m.MaxExpires.Origin),
        new("max_bytes", (m, f) => Values.Integer(EffectiveConsumer.NotNegative(m.MaxBytes, f.Version)), m => m.MaxBytes.Origin),
        new("inactive_threshold", InactiveThreshold, m => m.InactiveThreshold.Origin),
        new("num_replicas", (m, _) => m.NumReplicas.Effective(0) is { } r ? (r <= 0 ? "the stream's" : Values.Integer(m.NumReplicas)) : null, m => m.NumReplicas.Origin),
        new("mem_storage", (m, _) => Values.Flag(m.MemStorage), m => m.MemStorage.Origin),
        new("deliver_subject", (m, _) => Values.Text(m.DeliverSubject), m => m.DeliverSubject.Origin),
        new("deliver_group", (m, _) => Values.Text(m.DeliverGroup), m => m.DeliverGroup.Origin),
    };

    private static string? Mirror(StreamModel m) => m.Mirror.Kind switch
    {
        ValueKind.Known => m.Mirror.Value.Name.TryGet(out var name)
            ? "'" + name + "'" + (m.Mirror.Value.FilterSubject.TryGet(out var filter) && !string.IsNullOrEmpty(filter) ? " filtered by '" + filter + "'" : string.Empty)
            : null,
        ValueKind.Absent => "(none)",
        _ => null,
    };

    private static string? Sources(StreamModel m)
    {
        if (m.Sources.IsAbsent)
        {
            return "(none)";
        }

        if (!m.Sources.TryGet(out var sources) || sources.Any(s => !s.Name.IsKnown))
        {
            return null;
        }

        return Values.List(sources.Select(s => s.Name.Value + (s.FilterSubject.TryGet(out var filter) && !string.IsNullOrEmpty(filter) ? " (" + filter + ")" : string.Empty)));
    }

    private static string? Republish(StreamModel m)
    {
        if (m.HasRepublish.IsAbsent || m.HasRepublish.Is(false))
        {
            return "(none)";
        }

        if (m.RepublishSource.IsUnknown || !m.RepublishDestination.TryGet(out var dest))
        {
            return null;
        }

        return (m.RepublishSource.TryGet(out var src) && !string.IsNullOrEmpty(src) ? src : ">") + " -> " + dest;
    }

    // Before 2.10 the server drops filter_subjects (JS5006 says so), so only filter_subject counts.
    private static string? Filters(ConsumerModel m, Facts facts)
    {
        if (m.FilterSubject.IsUnknown || m.FilterSubjects.IsUnknown)
        {
            return null;
        }

        var filters = new List<string>();
        if (m.FilterSubject.TryGet(out var single) && !string.IsNullOrEmpty(single))
        {
            filters.Add(single);
        }

        if (facts.Version.AtLeast(2, 10) && m.FilterSubjects.TryGet(out var many) && many is not null)
        {
            filters.AddRange(many.Where(s => !string.IsNullOrEmpty(s)));
        }

        return Values.List(filters);
    }

    // Ephemeral consumers get a server default, and from 2.10 the stream's consumer limits may set one.
    private static string? InactiveThreshold(ConsumerModel m, Facts facts)
    {
        if (m.InactiveThreshold.IsAbsent && (!m.DurableName.IsKnown || facts.StreamHasConsumerLimits))
        {
            return null;
        }

        return Values.Duration(EffectiveConsumer.NotNegative(m.InactiveThreshold, facts.Version));
    }

    private sealed class Facts
    {
        public Facts(ServerVersion version, JetStreamLimits? limits, StreamModel? stream)
        {
            Version = version;
            Limits = limits;
            Stream = stream;
            StreamHasConsumerLimits = version.AtLeast(2, 10) && (stream is null || !stream.HasConsumerLimits.Is(false) && !stream.HasConsumerLimits.IsAbsent);
        }

        public ServerVersion Version { get; }

        public JetStreamLimits? Limits { get; }

        /// <summary>The server's configuration of the consumer's stream; null for a stream comparison.</summary>
        public StreamModel? Stream { get; }

        public bool StreamHasConsumerLimits { get; }
    }

    private sealed class Field<TModel>
    {
        public Field(string name, Func<TModel, Facts, string?> value, Func<TModel, object?> origin)
        {
            Name = name;
            Value = value;
            Origin = origin;
            Schema = FieldSchema.At(typeof(TModel) == typeof(StreamModel) ? FieldScope.Stream : FieldScope.Consumer, name);
        }

        public string Name { get; }

        public Func<TModel, Facts, string?> Value { get; }

        public Func<TModel, object?> Origin { get; }

        public SchemaField Schema { get; }

        /// <summary>Given the file's and the server's value: the server's error if an update can't make the change.</summary>
        public string? UpdateError(string file, string server, Facts facts) => Schema.Update.Check(file, server, facts.Version);
    }
}
