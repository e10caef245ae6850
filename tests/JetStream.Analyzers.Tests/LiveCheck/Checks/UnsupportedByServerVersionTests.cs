using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.JetStream;

namespace JetStream.Analyzers.Tests.LiveCheck.Checks;

public sealed class UnsupportedByServerVersionTests : LiveCheckFixture
{
    [NatsServerFact]
    public async Task Filter_subjects_on_a_server_before_2_10_is_reported_with_the_servers_version()
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"ORDERS","subjects":["orders.>"]}""");
        var request = """{"stream_name":"ORDERS","config":{"durable_name":"eu","ack_policy":"explicit","filter_subjects":["orders.eu.>"]}}""";
        Repo.With("consumers/eu.json", request);

        // The target version the project sets loses to the version of the server the check talks to.
        var findings = Check("JS5006", new Dictionary<string, string> { [OptionKeys.ServerVersion] = "2.14.0" });
        if (Server.Version.AtLeast(2, 10))
        {
            Assert.Empty(findings);
            return;
        }

        Assert.Equal(
            new[] { $"consumers/eu.json(1,97): JS5006: Consumer 'eu' on stream 'ORDERS' sets filter_subjects, which NATS server {Version} does not know and silently drops (it needs 2.10.0 or later); the consumer becomes unfiltered and receives every message of the stream (the server at SERVER runs nats-server {Version})" },
            findings);
        Assert.DoesNotContain(Check(), l => l.Contains(": JS2101:", System.StringComparison.Ordinal));

        // The server accepts the consumer and drops the filter: it receives every message of the stream.
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, request);
        var consumer = await Server.JetStream.GetConsumerAsync("ORDERS", "eu");
        Assert.True(consumer.Info.Config.FilterSubjects is null || !consumer.Info.Config.FilterSubjects.Any());
        Assert.True(string.IsNullOrEmpty(consumer.Info.Config.FilterSubject));
    }
}
