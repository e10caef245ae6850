using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Streams;

/// <summary>
/// JS1013: settings the server turns on by itself (as <see cref="EffectiveStream"/> models them): a subject delete
/// marker TTL turns message TTLs on (2.11.2+), and a marker TTL (2.11.2+) or message schedules (2.12+) turn roll-ups on
/// and clear deny_purge. Mirrors are left to JS1100, since the server rejects markers on them.
/// </summary>
public sealed class StreamSettingRewritten : StreamRule
{
    public override RuleInfo Rule => RuleCatalog.StreamSettingRewritten;

    public override void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        var version = context.ServerVersion;
        if (!stream.Mirror.IsAbsent)
        {
            return;
        }

        var markerSet = version.AtLeast(2, 11, 2) && stream.SubjectDeleteMarkerTtl.TryGet(out var marker) && marker > 0;
        var schedulesSet = version.AtLeast(2, 12) && stream.AllowMsgSchedules.Is(true);
        var markerField = context.Field("subject_delete_marker_ttl");
        if (markerSet && IsOff(stream.AllowMsgTtl))
        {
            var ttlField = context.Field("allow_msg_ttl");
            findings.Add(new Finding(
                Rule,
                stream.SubjectDeleteMarkerTtl.Origin ?? stream.Origin,
                new object?[]
                {
                    Describe.Stream(stream), markerField, ttlField, version,
                    $"turns message TTLs on ({ttlField}: true), so any publisher can give a message its own TTL with the Nats-TTL header",
                    $"Set {ttlField} to true so that the definition shows what the server runs.",
                },
                properties: Fix("allow_msg_ttl", "true")));
        }

        if ((markerSet || schedulesSet) && IsOff(stream.AllowRollupHdrs))
        {
            var rollupField = context.Field("allow_rollup_hdrs");
            var purgeField = context.Field("deny_purge");
            var clearsPurge = stream.DenyPurge.Is(true);
            var (cause, origin) = markerSet
                ? (markerField, stream.SubjectDeleteMarkerTtl.Origin)
                : (context.Field("allow_msg_schedules"), stream.AllowMsgSchedules.Origin);
            findings.Add(new Finding(
                Rule,
                origin ?? stream.Origin,
                new object?[]
                {
                    Describe.Stream(stream), cause, rollupField, version,
                    $"turns roll-ups on ({rollupField}: true){(clearsPurge ? $" and clears {purgeField}" : string.Empty)}, so any publisher can purge a subject with a Nats-Rollup header",
                    clearsPurge
                        ? $"Set {rollupField} to true and {purgeField} to false so that the definition shows what the server runs."
                        : $"Set {rollupField} to true so that the definition shows what the server runs.",
                },
                properties: clearsPurge ? Fix("allow_rollup_hdrs", "true", "deny_purge", "false") : Fix("allow_rollup_hdrs", "true")));
        }
    }

    private static bool IsOff(ConfigValue<bool> flag) => flag.IsAbsent || flag.Is(false);
}
