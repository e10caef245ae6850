using System.Linq;
using JetStream.Analyzers.Rules.Catalog;

namespace JetStream.Analyzers.Rules.Health;

/// <summary>JS6006: a replicated stream or consumer without a leader, or with a replica that is offline or not current.</summary>
internal static class ReplicaBehind
{
    public static void Check(HealthContext context, StreamHealth stream)
    {
        if (stream.Limits.Replicas > 1 && Problem(stream.Cluster) is { } problem)
        {
            context.Report(RuleCatalog.ReplicaBehind, stream, HealthContext.Stream(stream), problem, stream.Cluster!.ClusterName ?? "?");
        }
    }

    public static void Check(HealthContext context, ConsumerHealth consumer)
    {
        if (Problem(consumer.Cluster) is { } problem)
        {
            context.Report(RuleCatalog.ReplicaBehind, consumer, HealthContext.Consumer(consumer), problem, consumer.Cluster!.ClusterName ?? "?");
        }
    }

    private static string? Problem(ReplicaGroup? group)
    {
        // A group that lists no followers is a single replica (or a server without clustering): nothing to fall behind.
        if (group is null || group.Replicas.Count == 0 && !string.IsNullOrEmpty(group.Leader))
        {
            return null;
        }

        if (string.IsNullOrEmpty(group.Leader))
        {
            return "has no leader: it accepts no writes or acknowledgements until its replicas elect one";
        }

        var behind = group.Replicas.Where(r => r.Offline || !r.Current).Select(Describe).ToList();
        return behind.Count == 0 ? null : $"has {(behind.Count == 1 ? "a replica" : "replicas")} behind its leader '{group.Leader}': {string.Join(", ", behind)}";
    }

    private static string Describe(ReplicaHealth replica) =>
        replica.Offline
            ? $"'{replica.Name}' is offline"
            : $"'{replica.Name}' is not current ({HealthContext.Count(replica.Lag)} entries behind)";
}
