using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck.Checks;

public sealed class DriftFromServerTests : LiveCheckFixture
{
    [NatsServerFact]
    public async Task Every_differing_field_is_listed_in_one_finding_per_stream()
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"ORDERS","subjects":["orders.>"],"max_age":86400000000000,"max_msgs":1000,"discard":"new"}""");
        Repo.With("streams/orders.json", """
            {
              "name": "ORDERS",
              "subjects": ["orders.>", "returns.>"],
              "max_age": 3600000000000,
              "max_msgs": 1000
            }
            """);

        Assert.Equal(
            new[]
            {
                $"streams/orders.json(2,11): JS5003: Stream 'ORDERS' differs from the server SERVER (nats-server {Version}): " +
                "subjects is [orders.>, returns.>] in the file and [orders.>] on the server; max_age is 1h in the file and 1d on the server; discard is old in the file and new on the server",
            },
            Check("JS5003"));
    }

    [NatsServerFact]
    public async Task Server_defaults_are_applied_to_the_file_before_comparing()
    {
        // The server fills in replicas, storage, limits, the duplicate window (max_age when shorter than 2 minutes), ...
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"TICKS","max_age":60000000000}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"TICKS","config":{"durable_name":"reader","ack_policy":"explicit","backoff":[1000000000,5000000000],"max_deliver":4}}""");
        Repo.With("streams/ticks.json", """{"name":"TICKS","max_age":60000000000,"num_replicas":1,"max_bytes":-1,"storage":"file"}""")
            .With("consumers/reader.json", """{"stream_name":"TICKS","config":{"durable_name":"reader","ack_policy":"explicit","backoff":[1000000000,5000000000],"max_deliver":4}}""");

        Assert.Empty(Check("JS5003"));
    }

    [NatsServerFact]
    public async Task Consumer_drift_is_reported_at_the_consumer()
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"ORDERS","subjects":["orders.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit","max_deliver":10,"ack_wait":60000000000}}""");
        Repo.With("consumers/ship.json", """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit","max_deliver":5}}""");

        Assert.Equal(
            new[]
            {
                $"consumers/ship.json(1,50): JS5003: Consumer 'ship' on stream 'ORDERS' differs from the server SERVER (nats-server {Version}): " +
                "ack_wait is 30s in the file and 1m on the server; max_deliver is 5 in the file and 10 on the server",
            },
            Check("JS5003"));
    }

    [NatsServerFact]
    public async Task NACK_manifests_name_fields_as_the_manifest_does()
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"ORDERS","subjects":["orders.>"],"storage":"file","max_age":86400000000000}""");
        Repo.With("k8s/orders.yaml", """
            apiVersion: jetstream.nats.io/v1beta2
            kind: Stream
            metadata:
              name: orders
            spec:
              name: ORDERS
              subjects: ["orders.>"]
              storage: file
              maxAge: 2h
            """);

        Assert.Equal(
            new[] { $"k8s/orders.yaml(6,9): JS5003: Stream 'ORDERS' differs from the server SERVER (nats-server {Version}): maxAge is 2h in the file and 1d on the server" },
            Check("JS5003"));
    }

    [NatsServerFact]
    public async Task A_key_value_bucket_is_compared_on_the_settings_its_manifest_writes()
    {
        var kv = new NATS.Client.KeyValueStore.NatsKVContext(Server.JetStream);
        await kv.CreateStoreAsync(new NATS.Client.KeyValueStore.NatsKVConfig("config") { History = 5, MaxAge = System.TimeSpan.FromHours(1) });
        Repo.With("k8s/config.yaml", """
            apiVersion: jetstream.nats.io/v1beta2
            kind: KeyValue
            metadata:
              name: config
            spec:
              bucket: config
              history: 10
              ttl: 1h
              storage: file
            """);

        Assert.Equal(
            new[] { $"k8s/config.yaml(6,11): JS5003: Key-value bucket 'config' differs from the server SERVER (nats-server {Version}): history is 10 in the file and 5 on the server" },
            Check("JS5003"));
    }

    [NatsServerFact]
    public async Task The_servers_own_info_output_saved_as_files_shows_no_drift()
    {
        await RawJetStreamApi.CreateStreamOrFailAsync(Server.Connection, """{"name":"ORDERS","subjects":["orders.>"],"num_replicas":1,"max_age":86400000000000,"max_bytes":1073741824,"deny_delete":true,"allow_rollup_hdrs":false}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(Server.Connection, """{"stream_name":"ORDERS","config":{"durable_name":"ship","ack_policy":"explicit","max_deliver":5,"backoff":[1000000000,30000000000],"filter_subject":"orders.created"}}""");

        // What `nats stream info ORDERS --json` and `nats consumer info ORDERS ship --json` print: the API's info replies.
        Repo.With("streams/orders.json", await InfoAsync("$JS.API.STREAM.INFO.ORDERS"))
            .With("consumers/ship.json", await InfoAsync("$JS.API.CONSUMER.INFO.ORDERS.ship"));

        var findings = Check();
        Assert.DoesNotContain(findings, l => l.Contains(": JS5002:", System.StringComparison.Ordinal) || l.Contains(": JS5003:", System.StringComparison.Ordinal) || l.Contains(": JS5009:", System.StringComparison.Ordinal) || l.Contains(": JS4", System.StringComparison.Ordinal));
    }

    private async Task<string> InfoAsync(string subject)
    {
        var reply = await Server.Connection.RequestAsync<byte[], byte[]>(subject, System.Array.Empty<byte>());
        return System.Text.Encoding.UTF8.GetString(reply.Data!);
    }
}
