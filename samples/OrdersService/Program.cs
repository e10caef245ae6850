using NATS.Client.JetStream;
using NATS.Net;
using OrdersService;

// A small order pipeline: the API publishes orders, a worker processes them from a pull consumer.
await using var nats = new NatsClient(Environment.GetEnvironmentVariable("NATS_URL") ?? "nats://127.0.0.1:4222");
var js = nats.CreateJetStreamContext();

await StreamSetup.EnsureAsync(js);

var publisher = new OrderPublisher(js);
await publisher.PublishAsync(new Order("o-1001", "alice", 42.50m));

using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
var worker = new OrderWorker(js);
await worker.RunAsync(cts.Token);
