using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck.Checks;

public sealed class OverlapsUndefinedServerStreamTests : LiveCheckFixture
{
    [NatsServerFact]
    public async Task Subjects_captured_by_a_stream_no_file_defines_are_reported_and_the_server_refuses_them()
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"LEGACY","subjects":["orders.*.created"]}""");
        var file = """{"name":"ORDERS","subjects":["orders.>"]}""";
        Repo.With("streams/orders.json", file);

        Assert.Equal(
            new[] { $"streams/orders.json(1,29): JS5007: Stream 'ORDERS' has subject 'orders.>', which overlaps subject 'orders.*.created' of stream 'LEGACY' on the server SERVER (nats-server {Version}), which no file defines; the server refuses the stream ('subjects overlap with an existing stream')" },
            Check("JS5007"));
        Assert.Equal("subjects overlap with an existing stream", await RawJetStreamApi.CreateStreamAsync(Server.Connection, file));
    }

    [NatsServerFact]
    public async Task Streams_the_repository_defines_and_disjoint_subjects_are_not_reported()
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"ORDERS","subjects":["orders.>"]}""");
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"AUDIT","subjects":["audit.>"]}""");
        Repo.With("streams/orders.json", """{"name":"ORDERS","subjects":["orders.>"]}""")
            .With("streams/payments.json", """{"name":"PAYMENTS","subjects":["payments.>"]}""");

        Assert.Empty(Check("JS5007"));
    }
}
