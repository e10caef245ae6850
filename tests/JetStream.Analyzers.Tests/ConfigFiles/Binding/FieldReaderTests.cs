using System;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.ConfigFiles.Binding;

/// <summary>Issue 15, items 1 and 15: timestamps and Go durations are parsed as the server parses them, never with an exception.</summary>
public sealed class FieldReaderTests
{
    private const string Stream = """{ "name": "ORDERS", "subjects": ["orders.>"], "max_bytes": "10GB" }""";

    [Fact]
    public void TimestampWithNonAsciiDigits_IsInvalid_AndTheSiblingFileKeepsItsFindings()
    {
        using var repo = new ConfigRepo()
            .With("orders/orders.json", Stream)
            .With("orders/c.json", """{ "durable_name": "c", "ack_policy": "explicit", "deliver_policy": "by_start_time", "opt_start_time": "٢٠٢٤-01-31T12:00:00Z" }""");

        var lines = repo.Lint();

        Assert.Contains(lines, l => l.StartsWith("orders/c.json(1,103): JS4003: Consumer 'c': 'opt_start_time' must be an RFC 3339 time", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("orders/orders.json(1,60): JS4003: Stream 'ORDERS': 'max_bytes' must be an integer number of bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void TimestampWithATrailingNewline_IsInvalid()
    {
        using var repo = new ConfigRepo()
            .With("orders/orders.json", Stream)
            .With("orders/c.json", """{ "durable_name": "c", "ack_policy": "explicit", "deliver_policy": "by_start_time", "opt_start_time": "2024-01-31T12:00:00Z\n" }""");

        Assert.Contains(repo.Lint(), l => l.StartsWith("orders/c.json(1,103): JS4003: Consumer 'c': 'opt_start_time' must be an RFC 3339 time", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2562048h")]
    [InlineData("99999999999999999999h")]
    [InlineData("9223372036854775808ns")]
    [InlineData("١h")]
    public void NackDurationOutOfGoRange_IsInvalid(string maxAge)
    {
        using var repo = new ConfigRepo().With("s.yaml", $"""
            apiVersion: jetstream.nats.io/v1beta2
            kind: Stream
            metadata:
              name: orders
            spec:
              name: ORDERS
              subjects: [orders.>]
              maxAge: "{maxAge}"
            """);

        Assert.Contains(repo.Lint(), l => l.StartsWith("s.yaml(8,11): JS4003: Stream 'ORDERS': 'maxAge' must be a Go duration string", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2562047h47m16.854775807s")]
    [InlineData("9223372036854775807ns")]
    [InlineData("1.5h")]
    public void NackDurationInGoRange_IsAccepted(string maxAge)
    {
        using var repo = new ConfigRepo().With("s.yaml", $"""
            apiVersion: jetstream.nats.io/v1beta2
            kind: Stream
            metadata:
              name: orders
            spec:
              name: ORDERS
              subjects: [orders.>]
              maxAge: "{maxAge}"
            """);

        Assert.DoesNotContain(repo.Lint(), l => l.Contains("maxAge", StringComparison.Ordinal) && l.Contains("JS4003", StringComparison.Ordinal));
    }
}
