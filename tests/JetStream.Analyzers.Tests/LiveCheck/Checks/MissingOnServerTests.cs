using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck.Checks;

public sealed class MissingOnServerTests : LiveCheckFixture
{
    [NatsServerFact]
    public async Task Stream_and_consumer_that_the_server_lacks_are_reported()
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"ORDERS","subjects":["orders.>"]}""");
        Repo.With("streams/orders.json", """{"name":"ORDERS","subjects":["orders.>"]}""")
            .With("streams/payments.json", """{"name":"PAYMENTS","subjects":["payments.>"]}""")
            .With("consumers/ship.json", """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit"}}""")
            .With("consumers/bill.json", """{"stream_name":"PAYMENTS","config":{"durable_name":"bill","ack_policy":"explicit"}}""");

        Assert.Equal(
            new[]
            {
                $"consumers/ship.json(1,50): JS5002: Consumer 'ship' on stream 'ORDERS' is not on the server SERVER (nats-server {Version})",
                $"streams/payments.json(1,9): JS5002: Stream 'PAYMENTS' is not on the server SERVER (nats-server {Version})",
            },
            Check("JS5002"));
    }

    [NatsServerFact]
    public async Task A_name_that_differs_only_in_case_is_pointed_out()
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"orders","subjects":["orders.>"]}""");
        Repo.With("streams/orders.json", """{"name":"ORDERS","subjects":["orders.>"]}""");

        Assert.Equal(
            new[] { $"streams/orders.json(1,9): JS5002: Stream 'ORDERS' is not on the server SERVER (nats-server {Version}) (it has 'orders'; stream names are case-sensitive)" },
            Check("JS5002"));
    }

    [NatsServerFact]
    public async Task Definitions_the_server_has_are_not_reported()
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"ORDERS","subjects":["orders.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit"}}""");
        Repo.With("streams/orders.yaml", "name: ORDERS\nsubjects: [orders.>]\n")
            .With("consumers/ship.yaml", "stream_name: ORDERS\nconfig:\n  durable_name: ship\n  ack_policy: explicit\n");

        Assert.Empty(Check("JS5002"));
    }
}
