using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace OrdersService;

/// <summary>
/// Processes refunds. The class is partial because of [LoggerMessage]: the logging source generator writes its
/// other part. The consumer configuration in the readonly field is still followed, as in a non-partial class.
/// </summary>
public sealed partial class RefundWorker
{
    private readonly INatsJSContext js;
    private readonly ILogger<RefundWorker> logger;

    private readonly ConsumerConfig config = new("refund-processor")
    {
        FilterSubject = "orders.refunded",
        AckWait = TimeSpan.FromSeconds(30),
    };

    public RefundWorker(INatsJSContext js, ILogger<RefundWorker> logger)
    {
        this.js = js;
        this.logger = logger;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var consumer = await js.CreateOrUpdateConsumerAsync(StreamSetup.OrdersStream, config, cancellationToken);
        await foreach (var msg in consumer.ConsumeAsync<Order>(cancellationToken: cancellationToken))
        {
            LogRefund(msg.Data?.Id);
            await msg.AckAsync(cancellationToken: cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refunding order {OrderId}")]
    private partial void LogRefund(string? orderId);
}
