using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;

namespace OrdersService;

/// <summary>Creates the streams, the consumer and the settings bucket the service needs.</summary>
public static class StreamSetup
{
    public const string OrdersStream = "ORDERS";
    public const string ProcessorConsumer = "order-processor";

    public static async Task EnsureAsync(INatsJSContext js)
    {
        // JS1001 (one replica), JS1003 (no byte limit), JS1006 (suggestion: deletes and purges allowed).
        await js.CreateOrUpdateStreamAsync(new StreamConfig(OrdersStream, ["orders.>"])
        {
            MaxAge = TimeSpan.FromDays(14),
            DuplicateWindow = TimeSpan.FromMinutes(2),
        });

        // JS1004 (no age limit) and JS1005 (memory storage) on the audit trail.
        var audit = new StreamConfig("AUDIT", ["audit.>"])
        {
            NumReplicas = 3,
            MaxBytes = 10L * 1024 * 1024 * 1024,
        };
        audit.Storage = StreamConfigStorage.Memory;
        await js.CreateOrUpdateStreamAsync(audit);

        // JS2001 (no backoff) and JS2002 (redelivered forever).
        await js.CreateOrUpdateConsumerAsync(OrdersStream, ProcessorConfig());

        // JS1001 again: key-value buckets are streams too, and NATS.Net defaults them to one replica.
        var kv = new NatsKVContext(js);
        await kv.CreateOrUpdateStoreAsync(new NatsKVConfig("order-settings") { History = 5 });
    }

    private static ConsumerConfig ProcessorConfig() => new(ProcessorConsumer)
    {
        AckWait = TimeSpan.FromSeconds(30),
        MaxAckPending = 500,
    };
}
