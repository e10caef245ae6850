using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Health;

/// <summary>JS6004: a discard-new stream at or above jetstream_stream_fill_warning of max_msgs or max_bytes.</summary>
internal static class StreamNearLimit
{
    public static void Check(HealthContext context, StreamHealth stream, RuleOptions options)
    {
        var limits = stream.Limits;
        if (!limits.DiscardNew)
        {
            return;
        }

        var threshold = options.StreamFillWarning;
        var messages = Fill(stream.Messages, limits.MaxMsgs);
        var bytes = Fill(stream.Bytes, limits.MaxBytes);
        if (messages < threshold && bytes < threshold)
        {
            return;
        }

        string held;
        bool full;
        if (messages >= bytes)
        {
            held = $"{HealthContext.Count(stream.Messages)} of its {HealthContext.Count(limits.MaxMsgs)} messages (max_msgs, {HealthContext.Percent(messages)})";
            full = stream.Messages >= limits.MaxMsgs;
        }
        else
        {
            held = $"{ByteSizes.Format(stream.Bytes)} of its {ByteSizes.Format(limits.MaxBytes)} (max_bytes, {HealthContext.Percent(bytes)})";
            full = bytes >= 1;
        }

        var consequence = full
            ? $"the server refuses every further publish ('{(messages >= bytes ? "maximum messages exceeded" : "maximum bytes exceeded")}')"
            : $"that is at or above the warning level of {HealthContext.Percent(threshold)}, and publishes will be refused once it is full";
        context.Report(RuleCatalog.StreamNearLimit, stream, HealthContext.Stream(stream), held, consequence);
    }

    public static double Fill(long used, long limit) => limit > 0 ? (double)used / limit : 0;
}
