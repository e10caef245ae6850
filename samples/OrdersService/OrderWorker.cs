using NATS.Client.JetStream;

namespace OrdersService;

public sealed class OrderWorker(INatsJSContext js)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var consumer = await js.GetConsumerAsync(StreamSetup.OrdersStream, StreamSetup.ProcessorConsumer, cancellationToken);
        try
        {
            await foreach (var msg in consumer.ConsumeAsync<Order>(cancellationToken: cancellationToken))
            {
                Console.WriteLine($"processing {msg.Data?.Id} (delivery {msg.Metadata?.NumDelivered})");
                await msg.AckAsync(cancellationToken: cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
