using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>JS5009: the file changes a field that the server doesn't let an update change, so applying it fails.</summary>
internal static class ImmutableFieldChanged
{
    public static void Run(LiveContext context)
    {
        foreach (var stream in context.NamedStreams)
        {
            if (context.OnServer(stream) is not { } server)
            {
                continue;
            }

            var differences = FieldComparison.Streams(stream.Model, server.Config, context.Server.Version);
            foreach (var (difference, origin) in differences)
            {
                if (difference.UpdateError is { } error)
                {
                    context.Report(RuleCatalog.ImmutableFieldChanged, origin ?? stream.At, Describe.Stream(stream.Model), stream.Context.Field(difference.Field, stream.Model.Kind),
                        difference.ServerValue, difference.FileValue, "stream", error,
                        "; keep the server's value, or create a new stream and move the data to it (deleting and recreating loses the messages)");
                }
            }

            MoveAndScale(context, stream, differences);
        }

        foreach (var consumer in context.Repository.Consumers)
        {
            if (context.OnServer(consumer, out _) is not { } server)
            {
                continue;
            }

            var stream = context.Server.StreamsByName[consumer.StreamName!].Config;
            var differences = FieldComparison.Consumers(consumer.Model, server.Config, context.Server.Version, context.LimitsFor(stream), stream);
            foreach (var (difference, origin) in differences)
            {
                if (difference.UpdateError is { } error)
                {
                    context.Report(RuleCatalog.ImmutableFieldChanged, origin ?? consumer.At, Describe.Consumer(consumer.Model), consumer.Context.Field(difference.Field, StreamKind.Stream),
                        difference.ServerValue, difference.FileValue, "consumer", error,
                        "; keep the server's value, or create the consumer under a new name (deleting and recreating it starts its delivery over)");
                }
            }

            // Before 2.10.12 the server compared start times by reference, so no update of a consumer that has one passes.
            if (context.Server.Version.Before(2, 10, 12) && consumer.Model.HasOptStartTime.Is(true) && server.Config.HasOptStartTime.Is(true)
                && differences.Count > 0 && differences.All(d => d.Difference.UpdateError is null))
            {
                var (first, origin) = differences[0];
                context.Report(RuleCatalog.ImmutableFieldChanged, origin ?? consumer.At, Describe.Consumer(consumer.Model), consumer.Context.Field(first.Field, StreamKind.Stream),
                    first.ServerValue, first.FileValue, $"consumer with an opt_start_time on nats-server {context.Server.Version} (2.10.12 fixed it)", "start time can not be updated",
                    "; upgrade the server, or create the consumer under a new name (deleting and recreating it starts its delivery over)");
            }
        }
    }

    /// <summary>
    /// A placement the file sets that differs from the server's is a move, and the server refuses a move and a change
    /// of replicas in one update, whichever the file changes first.
    /// </summary>
    private static void MoveAndScale(LiveContext context, JetStream.Analyzers.ConfigFiles.Linting.StreamDefinition stream, List<(FieldDifference Difference, object? Origin)> differences)
    {
        var placement = differences.Where(d => d.Difference.Field.StartsWith("placement.", StringComparison.Ordinal)).ToList();
        var replicas = differences.FirstOrDefault(d => d.Difference.Field == "num_replicas");
        if (placement.Count == 0 || replicas.Difference is null || stream.Model.PlacementCluster.IsAbsent && stream.Model.PlacementTags.IsAbsent)
        {
            return;
        }

        string Side(Func<FieldDifference, string> value) =>
            value(replicas.Difference) + " replicas, " + string.Join(", ", placement.Select(p => p.Difference.Field + " " + value(p.Difference)));
        context.Report(RuleCatalog.ImmutableFieldChanged, replicas.Origin ?? placement[0].Origin ?? stream.At, Describe.Stream(stream.Model), "num_replicas and placement",
            Side(d => d.ServerValue), Side(d => d.FileValue), "stream in one update", StreamMoveAndScale,
            "; apply the new placement and the new replica count in two updates, one after the other");
    }

    /// <summary>The server's error for a move and a scale in one update (every release since 2.9).</summary>
    public const string StreamMoveAndScale = "can not move and scale a stream in a single update";
}
