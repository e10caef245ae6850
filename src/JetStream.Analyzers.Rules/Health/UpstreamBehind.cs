using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Health;

/// <summary>
/// JS6005: a mirror or source that the server reports an error for, that is more than jetstream_max_mirror_lag
/// messages behind, or that has not heard from its origin for jetstream_max_mirror_inactive (never counts once the
/// stream is older than that, so a stream created a moment ago is not reported).
/// </summary>
internal static class UpstreamBehind
{
    public static void Check(HealthContext context, StreamHealth stream, RuleOptions options)
    {
        foreach (var upstream in stream.Upstreams)
        {
            if (Problem(stream, upstream, options) is { } problem)
            {
                var relation = (upstream.Mirror ? "mirrors" : "sources from") + $" stream '{upstream.Name}'" + (upstream.ApiPrefix is { } prefix ? $" through API prefix '{prefix}'" : string.Empty);
                context.Report(RuleCatalog.UpstreamBehind, stream, HealthContext.Stream(stream), relation, problem);
            }
        }
    }

    private static string? Problem(StreamHealth stream, UpstreamHealth upstream, RuleOptions options)
    {
        var behind = $"{HealthContext.Count(upstream.Lag)} messages behind";
        if (upstream.Error is { } error)
        {
            return $"the server reports '{error}' ({behind})";
        }

        var inactive = options.MaxMirrorInactive;
        if (upstream.ActiveNanos < 0 && stream.CreatedAgeNanos > inactive)
        {
            return $"it has not heard from the origin since it was created {Durations.Format(stream.CreatedAgeNanos - stream.CreatedAgeNanos % Durations.Second)} ago, longer than {Durations.Format(inactive)} ({behind})";
        }

        if (upstream.ActiveNanos > inactive)
        {
            return $"it last heard from the origin {Durations.Format(upstream.ActiveNanos - upstream.ActiveNanos % Durations.Second)} ago, longer than {Durations.Format(inactive)} ({behind})";
        }

        var maxLag = options.MaxMirrorLag;
        return upstream.Lag > maxLag ? $"{behind}, above the threshold of {HealthContext.Count(maxLag)}" : null;
    }
}
