namespace OrdersService;

public sealed record Order(string Id, string Customer, decimal Total);
