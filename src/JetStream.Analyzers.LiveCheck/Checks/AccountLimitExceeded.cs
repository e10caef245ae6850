using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>
/// JS5005: definitions beyond the JetStream limits of the account the check connects as: required and largest
/// max_bytes, total storage and memory reservations, number of streams, consumers per stream and max_ack_pending.
/// Streams on the server that no file defines count towards the totals as the server runs them.
/// </summary>
internal static class AccountLimitExceeded
{
    public static void Run(LiveContext context)
    {
        var limits = context.Server.Limits;
        var streams = context.NamedStreams.ToList();
        foreach (var stream in streams)
        {
            StreamBytes(context, stream);
        }

        if (!limits.Tiered)
        {
            Reservations(context, streams, StorageType.File, limits.MaxStorage, "file storage", "insufficient storage resources available");
            Reservations(context, streams, StorageType.Memory, limits.MaxMemory, "memory", "insufficient memory resources available");
        }

        StreamCount(context, streams);
        Consumers(context, streams);
    }

    private static void StreamBytes(LiveContext context, StreamDefinition stream)
    {
        var limits = context.Server.Limits;
        var model = stream.Model;
        if (!model.MaxBytes.IsUnknown && !(model.MaxBytes.Effective(-1) > 0) && limits.MaxBytesRequired)
        {
            context.Report(RuleCatalog.AccountLimitExceeded, model.MaxBytes.Origin ?? stream.At, Describe.Stream(model), $"has no {MaxBytes(stream)}",
                $"that every stream sets {MaxBytes(stream)}", "account requires a stream config to have max bytes set");
        }

        var perStream = model.Storage.Effective(StorageType.File) == StorageType.Memory ? limits.MemoryMaxStreamBytes : limits.StorageMaxStreamBytes;
        if (perStream > 0 && model.MaxBytes.TryGet(out var maxBytes) && maxBytes > perStream)
        {
            context.Report(RuleCatalog.AccountLimitExceeded, model.MaxBytes.Origin ?? stream.At, Describe.Stream(model), $"has {MaxBytes(stream)} {ByteSizes.Format(maxBytes)}",
                $"{ByteSizes.Format(perStream)} per stream", "stream max bytes exceeds account limit max stream bytes");
        }
    }

    // A stream with max_bytes reserves max_bytes × replicas up front; the repository's streams replace the server's of the same name.
    private static void Reservations(LiveContext context, List<StreamDefinition> streams, StorageType storage, long limit, string what, string error)
    {
        if (limit <= 0)
        {
            return;
        }

        long total = context.Server.Streams.Where(s => !context.DefinedStreams.Contains(s.Name)).Sum(s => Reserved(s.Config, storage) ?? 0);
        foreach (var stream in streams)
        {
            if (Reserved(stream.Model, storage) is not { } reserved || reserved == 0)
            {
                continue;
            }

            total += reserved;
            if (total > limit)
            {
                context.Report(RuleCatalog.AccountLimitExceeded, stream.Model.MaxBytes.Origin ?? stream.At, Describe.Stream(stream.Model),
                    $"reserves {ByteSizes.Format(reserved)} of {what} ({MaxBytes(stream)} × {stream.Context.Field("num_replicas", stream.Model.Kind)}), which brings the account's reservations to {ByteSizes.Format(total)}",
                    $"{ByteSizes.Format(limit)} of {what}", error);
            }
        }
    }

    private static long? Reserved(StreamModel model, StorageType storage)
    {
        if (model.Storage.Effective(StorageType.File) is not { } kind || model.MaxBytes.Effective(-1) is not { } maxBytes || model.NumReplicas.Effective(1) is not { } replicas)
        {
            return null;
        }

        return kind == storage && maxBytes > 0 ? maxBytes * System.Math.Max(1, replicas) : 0;
    }

    private static void StreamCount(LiveContext context, List<StreamDefinition> streams)
    {
        var max = context.Server.Limits.MaxStreams;
        if (max <= 0)
        {
            return;
        }

        var count = context.Server.Streams.Count + context.Server.Unanswered.Count;
        foreach (var stream in streams.Where(s => context.OnServer(s) is null && !context.Server.Unanswered.Contains(s.Name!)))
        {
            count++;
            if (count > max)
            {
                context.Report(RuleCatalog.AccountLimitExceeded, stream.At, Describe.Stream(stream.Model), $"would be stream number {count} of the account",
                    Describe.Plural(max, "stream"), "maximum number of streams reached");
            }
        }
    }

    private static void Consumers(LiveContext context, List<StreamDefinition> streams)
    {
        var limits = context.Server.Limits;
        foreach (var stream in streams)
        {
            if (limits.MaxConsumers > 0 && stream.Model.MaxConsumers.TryGet(out var allowed) && allowed > limits.MaxConsumers)
            {
                context.Report(RuleCatalog.AccountLimitExceeded, stream.Model.MaxConsumers.Origin ?? stream.At, Describe.Stream(stream.Model),
                    $"allows {Describe.Plural(allowed, "consumer")} ({stream.Context.Field("max_consumers", stream.Model.Kind)})", $"{Describe.Plural(limits.MaxConsumers, "consumer")} per stream", "maximum consumers limit reached");
            }
        }

        foreach (var group in context.Repository.Consumers.Where(c => c.StreamName is not null).GroupBy(c => c.StreamName!))
        {
            var onServer = context.Server.StreamsByName.TryGetValue(group.Key, out var serverStream) ? serverStream : null;
            var file = streams.FirstOrDefault(s => s.Name == group.Key)?.Model ?? onServer?.Config;
            var limit = Smallest(limits.MaxConsumers, file is not null && file.MaxConsumers.TryGet(out var streamMax) ? streamMax : -1);
            var existing = onServer?.ConsumerCount ?? 0;
            if (limit <= 0 || existing + group.Count() <= limit)
            {
                continue;
            }

            var count = existing;
            foreach (var consumer in group)
            {
                if (context.OnServer(consumer, out var known) is not null || onServer is not null && !known)
                {
                    continue;
                }

                count++;
                if (count > limit)
                {
                    context.Report(RuleCatalog.AccountLimitExceeded, consumer.At, Describe.Consumer(consumer.Model), $"would be consumer number {count} of stream '{group.Key}'",
                        Describe.Plural(limit, "consumer") + " per stream", "maximum consumers limit reached");
                }
            }
        }

        foreach (var consumer in context.Repository.Consumers)
        {
            if (limits.MaxAckPending > 0 && consumer.Model.MaxAckPending.TryGet(out var pending) && pending > limits.MaxAckPending)
            {
                context.Report(RuleCatalog.AccountLimitExceeded, consumer.Model.MaxAckPending.Origin ?? consumer.At, Describe.Consumer(consumer.Model),
                    $"has {consumer.Context.Field("max_ack_pending", StreamKind.Stream)} {pending}", $"{limits.MaxAckPending} pending acknowledgements", $"consumer max ack pending exceeds system limit of {limits.MaxAckPending}");
            }
        }
    }

    private static string MaxBytes(StreamDefinition stream) => stream.Context.Field("max_bytes", stream.Model.Kind);

    private static long Smallest(long a, long b) => a > 0 && b > 0 ? System.Math.Min(a, b) : System.Math.Max(a, b);
}
