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
}
