using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck.Checks;

public sealed class ServerStreamNotDefinedTests : LiveCheckFixture
{
    [NatsServerFact]
    public async Task Streams_only_the_server_has_are_suggestions_without_a_file()
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"ORDERS","subjects":["orders.>"]}""");
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"SCRATCH","subjects":["scratch.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"SCRATCH","config":{"durable_name":"tail","ack_policy":"none"}}""");
        Repo.With("streams/orders.json", """{"name":"ORDERS","subjects":["orders.>"]}""");

        Assert.Equal(
            new[] { $"(project): JS5008: Stream 'SCRATCH' on the server SERVER (nats-server {Version}) is not defined by any JetStreamConfig file (it has 1 consumer)" },
            Check("JS5008"));
    }
}
