using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck.Checks;

public sealed class ReplicasAboveClusterSizeTests : LiveCheckFixture
{
    [NatsServerFact]
    public async Task Replicas_on_a_server_without_a_cluster_are_refused()
    {
        var file = """{"name":"ORDERS","subjects":["orders.>"],"num_replicas":3}""";
        Repo.With("streams/orders.json", file);

        Assert.Equal(
            new[] { $"streams/orders.json(1,57): JS5004: Stream 'ORDERS' asks for 3 replicas, but the server SERVER (nats-server {Version}) is not part of a cluster; the server refuses it ('replicas > 1 not supported in non-clustered mode')" },
            Check("JS5004"));
        Assert.Equal("replicas > 1 not supported in non-clustered mode", await RawJetStreamApi.CreateStreamAsync(Server.Connection, file));
    }

    [NatsServerFact]
    public async Task One_replica_fits_anywhere()
    {
        Repo.With("streams/orders.json", """{"name":"ORDERS","subjects":["orders.>"],"num_replicas":1}""");

        Assert.Empty(Check("JS5004"));
        Assert.Null(await RawJetStreamApi.CreateStreamAsync(Server.Connection, """{"name":"ORDERS","subjects":["orders.>"],"num_replicas":1}"""));
    }

    [NatsServerFact]
    public async Task A_server_without_a_cluster_ignores_placement_and_still_refuses_replicas()
    {
        var file = """{"name":"ORDERS","subjects":["orders.>"],"num_replicas":3,"placement":{"cluster":"east"}}""";
        Repo.With("streams/orders.json", file);

        Assert.Single(Check("JS5004"));
        Assert.Equal("replicas > 1 not supported in non-clustered mode", await RawJetStreamApi.CreateStreamAsync(Server.Connection, file));
    }
}
