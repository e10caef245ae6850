using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>
/// JS5004: a stream that asks for more replicas than the connected cluster has servers, or for any replicas beyond
/// one on a server that isn't clustered. Silent when a cluster's stream is placed in another cluster, when the check goes
/// through a domain or API prefix, and when the server doesn't advertise its cluster's members.
/// </summary>
internal static class ReplicasAboveClusterSize
{
    public static void Run(LiveContext context)
    {
        var info = context.Server.Info;
        if (!context.DefaultApi || context.Server.ClusterSize is not { } size)
        {
            return;
        }

        foreach (var stream in context.NamedStreams)
        {
            if (!stream.Model.NumReplicas.TryGet(out var replicas) || replicas <= size || replicas > 5)
            {
                continue;
            }

            // A standalone server ignores placement; a cluster's server can't speak for another cluster.
            if (info.Cluster is not null && (stream.Model.PlacementCluster.IsUnknown || stream.Model.PlacementCluster.TryGet(out var cluster) && !string.IsNullOrEmpty(cluster) && cluster != info.Cluster))
            {
                continue;
            }

            var (why, error) = info.Cluster is null
                ? ($"the server {context.Server.Display} is not part of a cluster", "replicas > 1 not supported in non-clustered mode")
                : ($"cluster '{info.Cluster}' of {context.Server.Display} has {Describe.Plural(size, "server")}", "no suitable peers for placement");
            context.Report(RuleCatalog.ReplicasAboveClusterSize, stream.Model.NumReplicas.Origin ?? stream.At, Describe.Stream(stream.Model), Describe.Plural(replicas, "replica"), why, $"'{error}'");
        }
    }
}
