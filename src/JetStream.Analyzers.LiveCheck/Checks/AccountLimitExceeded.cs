using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.LiveCheck.Server;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>
/// JS5005: definitions beyond the JetStream limits of the account the check connects as: a replica count the account
/// has no tier for, required and largest max_bytes, total storage and memory reservations, number of streams,
/// consumers per stream and max_ack_pending. On an account with tiered limits each tier (R1, R3, ...) is its own
/// budget. Streams on the server that no file defines count towards the totals as the server runs them.
/// </summary>
internal static class AccountLimitExceeded
{
    private const string NoTier = "no JetStream default or applicable tiered limit present";

    public static void Run(LiveContext context)
    {
        var streams = context.NamedStreams.ToList();
        foreach (var stream in streams)
        {
            if (!Tier(context, stream))
            {
                continue;
            }

            StreamBytes(context, stream);
        }

        foreach (var budget in Budgets(context, streams))
        {
            Reservations(context, budget, StorageType.File, budget.Limits.MaxStorage, "file storage", "insufficient storage resources available");
            Reservations(context, budget, StorageType.Memory, budget.Limits.MaxMemory, "memory", "insufficient memory resources available");
            StreamCount(context, budget);
        }

        Consumers(context, streams);
    }

    // On a tiered account a new stream needs a tier for its replica count.
    private static bool Tier(LiveContext context, StreamDefinition stream)
    {
        if (context.LimitsFor(stream.Model) is not null)
        {
            return true;
        }

        var limits = context.Server.Limits;
        if (limits.Tiered && !stream.Model.NumReplicas.IsUnknown && context.OnServer(stream) is null)
        {
            var what = stream.Model.NumReplicas.TryGet(out var count) && count > 0
                ? $"has {Describe.Plural(count, "replica")}"
                : $"has no {stream.Context.Field("num_replicas", stream.Model.Kind)}, which nats-server {context.Server.Version} looks up as tier {AccountLimits.TierFor(null, context.Server.Version)}";
            context.Report(RuleCatalog.AccountLimitExceeded, stream.Model.NumReplicas.Origin ?? stream.At, Describe.Stream(stream.Model), what,
                $"JetStream only for {string.Join(", ", limits.Tiers.Keys.OrderBy(k => k, System.StringComparer.Ordinal))}", NoTier);
        }

        return false;
    }

    private static void StreamBytes(LiveContext context, StreamDefinition stream)
    {
        var limits = context.LimitsFor(stream.Model)!;
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

    /// <summary>One set of limits and the streams that draw on it: the whole account, or one tier of a tiered account.</summary>
    private sealed class Budget
    {
        public Budget(JetStreamLimits limits, string? tier, List<StreamDefinition> streams, List<ServerStream> serverOnly)
        {
            Limits = limits;
            Tier = tier;
            Streams = streams;
            ServerOnly = serverOnly;
        }

        public JetStreamLimits Limits { get; }

        public string? Tier { get; }

        public List<StreamDefinition> Streams { get; }

        /// <summary>Streams of this budget that only the server has.</summary>
        public List<ServerStream> ServerOnly { get; }

        public string Describe(string what) => Tier is null ? $"the account's {what}" : $"the account's {what} for tier {Tier}";
    }

    private static IEnumerable<Budget> Budgets(LiveContext context, List<StreamDefinition> streams)
    {
        var limits = context.Server.Limits;
        var serverOnly = context.Server.Streams.Where(s => !context.DefinedStreams.Contains(s.Name)).ToList();
        if (!limits.Tiered)
        {
            yield return new Budget(limits.Untiered, null, streams, serverOnly);
            yield break;
        }

        foreach (var tier in limits.Tiers)
        {
            bool InTier(StreamModel model) => !model.NumReplicas.IsUnknown
                && AccountLimits.TierFor(model.NumReplicas.IsKnown ? model.NumReplicas.Value : null, context.Server.Version) == tier.Key;
            yield return new Budget(tier.Value, tier.Key, streams.Where(s => InTier(s.Model)).ToList(), serverOnly.Where(s => InTier(s.Config)).ToList());
        }
    }

    // A stream with max_bytes reserves max_bytes × replicas up front; the repository's streams replace the server's of the same name.
    private static void Reservations(LiveContext context, Budget budget, StorageType storage, long limit, string what, string error)
    {
        if (limit <= 0)
        {
            return;
        }

        var total = budget.ServerOnly.Sum(s => Reserved(s.Config, storage) ?? 0);
        foreach (var stream in budget.Streams)
        {
            if (Reserved(stream.Model, storage) is not { } reserved || reserved == 0)
            {
                continue;
            }

            total += reserved;
            if (total > limit)
            {
                context.Report(RuleCatalog.AccountLimitExceeded, stream.Model.MaxBytes.Origin ?? stream.At, Describe.Stream(stream.Model),
                    $"reserves {ByteSizes.Format(reserved)} of {what} ({MaxBytes(stream)} × {stream.Context.Field("num_replicas", stream.Model.Kind)}), which brings {budget.Describe("reservations")} to {ByteSizes.Format(total)}",
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

    private static void StreamCount(LiveContext context, Budget budget)
    {
        var max = budget.Limits.MaxStreams;
        if (max <= 0)
        {
            return;
        }

        // Streams on the server that a file defines count once; untiered, a stream that didn't answer counts too.
        var count = budget.ServerOnly.Count + budget.Streams.Count(s => context.OnServer(s) is not null) + (budget.Tier is null ? context.Server.Unanswered.Count : 0);
        foreach (var stream in budget.Streams.Where(s => context.OnServer(s) is null && !context.Server.Unanswered.Contains(s.Name!)))
        {
            count++;
            if (count > max)
            {
                context.Report(RuleCatalog.AccountLimitExceeded, stream.At, Describe.Stream(stream.Model),
                    budget.Tier is null ? $"would be stream number {count} of the account" : $"would be stream number {count} of tier {budget.Tier}",
                    Describe.Plural(max, "stream") + (budget.Tier is null ? string.Empty : $" for tier {budget.Tier}"), "maximum number of streams reached");
            }
        }
    }

    private static void Consumers(LiveContext context, List<StreamDefinition> streams)
    {
        foreach (var stream in streams)
        {
            if (context.LimitsFor(stream.Model) is { MaxConsumers: > 0 } limits && stream.Model.MaxConsumers.TryGet(out var allowed) && allowed > limits.MaxConsumers)
            {
                context.Report(RuleCatalog.AccountLimitExceeded, stream.Model.MaxConsumers.Origin ?? stream.At, Describe.Stream(stream.Model),
                    $"allows {Describe.Plural(allowed, "consumer")} ({stream.Context.Field("max_consumers", stream.Model.Kind)})", $"{Describe.Plural(limits.MaxConsumers, "consumer")} per stream", "maximum consumers limit reached");
            }
        }

        foreach (var group in context.Repository.Consumers.Where(c => c.StreamName is not null).GroupBy(c => c.StreamName!))
        {
            var onServer = context.Server.StreamsByName.TryGetValue(group.Key, out var serverStream) ? serverStream : null;
            var stream = streams.FirstOrDefault(s => s.Name == group.Key)?.Model ?? onServer?.Config;
            if (stream is null || context.LimitsFor(stream) is not { } limits)
            {
                continue;
            }

            ConsumersPerStream(context, group.Key, group.ToList(), onServer, Smallest(limits.MaxConsumers, stream.MaxConsumers.TryGet(out var streamMax) ? streamMax : -1));
            foreach (var consumer in group)
            {
                if (limits.MaxAckPending > 0 && consumer.Model.MaxAckPending.TryGet(out var pending) && pending > limits.MaxAckPending)
                {
                    context.Report(RuleCatalog.AccountLimitExceeded, consumer.Model.MaxAckPending.Origin ?? consumer.At, Describe.Consumer(consumer.Model),
                        $"has {consumer.Context.Field("max_ack_pending", StreamKind.Stream)} {pending}", $"{limits.MaxAckPending} pending acknowledgements", $"consumer max ack pending exceeds system limit of {limits.MaxAckPending}");
                }
            }
        }
    }

    private static void ConsumersPerStream(LiveContext context, string stream, List<ConsumerDefinition> consumers, ServerStream? onServer, long limit)
    {
        var existing = onServer?.ConsumerCount ?? 0;
        if (limit <= 0 || existing + consumers.Count <= limit)
        {
            return;
        }

        var count = existing;
        foreach (var consumer in consumers)
        {
            if (context.OnServer(consumer, out var known) is not null || onServer is not null && !known)
            {
                continue;
            }

            count++;
            if (count > limit)
            {
                context.Report(RuleCatalog.AccountLimitExceeded, consumer.At, Describe.Consumer(consumer.Model), $"would be consumer number {count} of stream '{stream}'",
                    Describe.Plural(limit, "consumer") + " per stream", "maximum consumers limit reached");
            }
        }
    }

    private static string MaxBytes(StreamDefinition stream) => stream.Context.Field("max_bytes", stream.Model.Kind);

    private static long Smallest(long a, long b) => a > 0 && b > 0 ? System.Math.Min(a, b) : System.Math.Max(a, b);
}
