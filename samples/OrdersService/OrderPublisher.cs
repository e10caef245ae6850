using NATS.Client.JetStream;

namespace OrdersService;

public sealed class OrderPublisher(INatsJSContext js)
{
    public async Task PublishAsync(Order order, CancellationToken cancellationToken = default)
    {
        var ack = await js.PublishAsync($"orders.created.{order.Customer}", order, opts: new NatsJSPubOpts { MsgId = order.Id }, cancellationToken: cancellationToken);
        ack.EnsureSuccess();
    }
}
