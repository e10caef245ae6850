using System;

namespace JetStream.Analyzers.Benchmarks;

/// <summary>
/// Domain code that any service has, NATS or not: records, an enum, validation, a state machine, LINQ summaries
/// and formatting. Both generated projects get one block of it per file, so they differ only in the service class.
/// </summary>
internal static class OrdinaryCode
{
    private static readonly string[] Domains =
    [
        "Orders", "Payments", "Shipping", "Inventory", "Billing", "Telemetry", "Audit", "Accounts", "Notifications",
        "Catalog", "Invoices", "Returns", "Pricing", "Sessions", "Devices", "Reports",
    ];

    public static string Domain(int n) => Domains[n % Domains.Length];

    public static string Usings => """
        using System.Collections.Concurrent;
        using System.Globalization;
        using System.Text;
        """;

    public static string Block(int n)
    {
        var d = Domain(n);
        var random = new Random(n);
        var maxQuantity = random.Next(10, 500);
        return $$"""
            public enum {{d}}Status{{n}}
            {
                Pending,
                Active,
                Suspended,
                Closed,
            }

            public sealed record {{d}}Item{{n}}(string Id, string Owner, decimal Amount, int Quantity, DateTimeOffset CreatedAt, {{d}}Status{{n}} Status)
            {
                public decimal Total => Amount * Quantity;
            }

            public sealed record {{d}}Summary{{n}}(int Count, decimal Total, decimal Average, string? LargestOwner);

            public static class {{d}}Rules{{n}}
            {
                private static readonly string[] ReservedOwners = ["system", "admin", "root"];

                public static IReadOnlyList<string> Validate({{d}}Item{{n}} item)
                {
                    var errors = new List<string>();
                    if (string.IsNullOrWhiteSpace(item.Id))
                    {
                        errors.Add("id is required");
                    }

                    if (item.Amount <= 0m)
                    {
                        errors.Add($"amount must be positive, got {item.Amount}");
                    }

                    if (item.Quantity is < 1 or > {{maxQuantity}})
                    {
                        errors.Add("quantity must be between 1 and {{maxQuantity}}");
                    }

                    if (ReservedOwners.Contains(item.Owner, StringComparer.OrdinalIgnoreCase))
                    {
                        errors.Add($"owner '{item.Owner}' is reserved");
                    }

                    if (item.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(5))
                    {
                        errors.Add("created in the future");
                    }

                    return errors;
                }

                public static {{d}}Status{{n}} Next({{d}}Status{{n}} status, bool approved) => (status, approved) switch
                {
                    ({{d}}Status{{n}}.Pending, true) => {{d}}Status{{n}}.Active,
                    ({{d}}Status{{n}}.Pending, false) => {{d}}Status{{n}}.Closed,
                    ({{d}}Status{{n}}.Active, false) => {{d}}Status{{n}}.Suspended,
                    ({{d}}Status{{n}}.Suspended, true) => {{d}}Status{{n}}.Active,
                    _ => status,
                };

                public static {{d}}Summary{{n}} Summarize(IEnumerable<{{d}}Item{{n}}> items)
                {
                    var list = items.Where(i => i.Status != {{d}}Status{{n}}.Closed).ToList();
                    if (list.Count == 0)
                    {
                        return new(0, 0m, 0m, null);
                    }

                    var total = list.Sum(i => i.Total);
                    var largest = list.GroupBy(i => i.Owner).OrderByDescending(g => g.Sum(i => i.Total)).First().Key;
                    return new(list.Count, total, total / list.Count, largest);
                }

                public static string Describe({{d}}Item{{n}} item)
                {
                    var builder = new StringBuilder();
                    builder.Append(item.Id).Append(" (").Append(item.Owner).Append("): ");
                    builder.Append(item.Quantity).Append(" x ").Append(item.Amount.ToString("0.00", CultureInfo.InvariantCulture));
                    if (item.Status != {{d}}Status{{n}}.Active)
                    {
                        builder.Append(" [").Append(item.Status).Append(']');
                    }

                    return builder.ToString();
                }
            }
            """;
    }
}
