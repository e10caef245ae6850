using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>Server-side defaults applied to a stream, as checkStreamCfg does.</summary>
public static class EffectiveStream
{
    public const long DefaultDuplicateWindow = 2 * Durations.Minute;

    /// <summary>
    /// duplicate_window after defaulting: 0 becomes 2 minutes, or max_age when that is shorter; a mirror (and from
    /// 2.14 a sourcing stream) gets none. Null when unknown.
    /// </summary>
    public static long? DuplicateWindow(StreamModel stream, ServerVersion version)
    {
        if (stream.DuplicateWindow.Effective(0) is not { } window || stream.MaxAge.Effective(0) is not { } maxAge)
        {
            return null;
        }

        var sourcing = version.AtLeast(2, 14) && stream.Sources.TryGet(out var sources) && sources is { Count: > 0 };
        if (window != 0 || stream.IsMirror || sourcing)
        {
            return window;
        }

        return maxAge > 0 && maxAge < DefaultDuplicateWindow ? maxAge : DefaultDuplicateWindow;
    }

    /// <summary>A count or size limit as the server stores it: 0 becomes -1 (unlimited), and from 2.12 so does anything below -1. Null when unknown.</summary>
    public static long? Limit(ConfigValue<long> limit, ServerVersion version) =>
        limit.Effective(0) is { } value ? (value == 0 || value < -1 && version.AtLeast(2, 12) ? -1 : value) : null;

    /// <summary>allow_msg_ttl after defaulting: from 2.11.2 a subject delete marker TTL turns message TTLs on. Null when unknown.</summary>
    public static bool? AllowMsgTtl(StreamModel stream, ServerVersion version) =>
        stream.AllowMsgTtl.Effective(false) is { } ttl ? (ttl ? true : MarkerTtlSet(stream, version)) : null;

    /// <summary>
    /// allow_rollup_hdrs after defaulting: from 2.11.2 a subject delete marker TTL, and from 2.12 message schedules,
    /// turn roll-ups on (and deny_purge off, see <see cref="DenyPurge"/>). Null when unknown.
    /// </summary>
    public static bool? AllowRollup(StreamModel stream, ServerVersion version) =>
        stream.AllowRollupHdrs.Effective(false) is { } rollup ? (rollup ? true : RollupForced(stream, version)) : null;

    /// <summary>deny_purge after defaulting: cleared when the server turns roll-ups on. Null when unknown.</summary>
    public static bool? DenyPurge(StreamModel stream, ServerVersion version)
    {
        if (stream.DenyPurge.Effective(false) is not { } deny || stream.AllowRollupHdrs.Effective(false) is not { } rollup)
        {
            return null;
        }

        return !deny || rollup ? deny : RollupForced(stream, version) is { } forced ? !forced : null;
    }

    private static bool? MarkerTtlSet(StreamModel stream, ServerVersion version) =>
        version.AtLeast(2, 11, 2) ? stream.SubjectDeleteMarkerTtl.Effective(0) is { } marker ? marker > 0 : null : false;

    private static bool? RollupForced(StreamModel stream, ServerVersion version)
    {
        var marker = MarkerTtlSet(stream, version);
        var schedules = version.AtLeast(2, 12) ? stream.AllowMsgSchedules.Effective(false) : false;
        return marker == true || schedules == true ? true : marker is null || schedules is null ? null : false;
    }
}
