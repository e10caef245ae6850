using System;
using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;

namespace JetStream.Analyzers.Rules.Streams;

/// <summary>JS1101: a stream setting the target server version does not know; older servers drop it silently.</summary>
public sealed class StreamSettingIgnoredByServer : StreamRule
{
    private static readonly Setting[] Settings =
    {
        new("discard_new_per_subject", s => Flag(s.DiscardNewPerSubject)),
        new("compression", s => Flag(s.Compression)),
        new("first_seq", s => Positive(s.FirstSequence)),
        new("subject_transform", s => Flag(s.HasSubjectTransform)),
        new("consumer_limits", s => Flag(s.HasConsumerLimits)),
        new("metadata", s => Positive(s.MetadataBytes)),
        new("allow_msg_ttl", s => Flag(s.AllowMsgTtl)),
        new("subject_delete_marker_ttl", s => Positive(s.SubjectDeleteMarkerTtl)),
        new("allow_msg_counter", s => Flag(s.AllowMsgCounter)),
        new("allow_atomic", s => Flag(s.AllowAtomic)),
        new("allow_msg_schedules", s => Flag(s.AllowMsgSchedules)),
        new("persist_mode", s => Flag(s.AsyncPersist)),
        new("allow_batched", s => Flag(s.AllowBatched)),
    };

    public override RuleInfo Rule => RuleCatalog.StreamSettingIgnoredByServer;

    public override void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        foreach (var setting in Settings)
        {
            if (context.ServerVersion.CompareTo(setting.Since) >= 0)
            {
                continue;
            }

            var origin = setting.SetAt(stream);
            if (origin is null)
            {
                continue;
            }

            var at = origin == NoOrigin ? stream.Origin : origin;
            var field = context.Field(setting.Field, stream.Kind);
            findings.Add(context.ServerVersion.AtLeast(2, 12)
                ? new Finding(RuleCatalog.StreamRejectedByServer, at, new object?[]
                {
                    Describe.Stream(stream), context.ServerVersion, $"invalid JSON: unknown field \"{setting.Field}\" ({field} needs server {setting.Since})",
                })
                : Report(at, Describe.Stream(stream), field, context.ServerVersion, setting.Since));
        }
    }

    private static readonly object NoOrigin = new();

    private static object? Flag(ConfigValue<bool> value) => value.Is(true) ? value.Origin ?? NoOrigin : null;

    private static object? Positive(ConfigValue<long> value) => value.IsKnown && value.Value > 0 ? value.Origin ?? NoOrigin : null;

    private sealed class Setting
    {
        public Setting(string field, Func<StreamModel, object?> setAt)
        {
            Field = field;
            Since = FieldSchema.Get(FieldScope.Stream, field).Since;
            SetAt = setAt;
        }

        public string Field { get; }

        public ServerVersion Since { get; }

        /// <summary>Where the setting is turned on, or null when it is not.</summary>
        public Func<StreamModel, object?> SetAt { get; }
    }
}
