using System;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NATS.Client.Core;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>Sends file contents to the JetStream API as they are, the way `nats stream add --config` does.</summary>
public static class RawJetStreamApi
{
    // A 3-node cluster on a busy 2-core machine has taken over 5 s to answer the creation of an R3 consumer (its
    // Raft group is elected first).
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Null when the server accepted the request, else its error description.</summary>
    public static async Task<string?> RequestAsync(NatsConnection connection, string subject, string body = "", TimeSpan? timeout = null)
    {
        var reply = await connection.RequestAsync<byte[], byte[]>("$JS.API." + subject, Encoding.UTF8.GetBytes(body), replyOpts: new NatsSubOpts { Timeout = timeout ?? ReplyTimeout });
        using var json = JsonDocument.Parse(reply.Data ?? Array.Empty<byte>());
        return json.RootElement.TryGetProperty("error", out var error) ? error.GetProperty("description").GetString() ?? "error" : null;
    }

    public static Task<string?> CreateStreamAsync(NatsConnection connection, string json, TimeSpan? timeout = null) =>
        RequestAsync(connection, "STREAM.CREATE." + NameOf(json), json, timeout);

    public static Task<string?> UpdateStreamAsync(NatsConnection connection, string json) => RequestAsync(connection, "STREAM.UPDATE." + NameOf(json), json);

    /// <summary>Creates or updates a durable consumer from a consumer create request ({"stream_name", "config"}).</summary>
    public static Task<string?> PutConsumerAsync(NatsConnection connection, string request)
    {
        using var json = JsonDocument.Parse(request);
        var stream = json.RootElement.GetProperty("stream_name").GetString();
        var durable = json.RootElement.GetProperty("config").GetProperty("durable_name").GetString();
        return RequestAsync(connection, $"CONSUMER.DURABLE.CREATE.{stream}.{durable}", request);
    }

    public static async Task CreateStreamOrFailAsync(NatsConnection connection, string json)
    {
        var error = await CreateStreamAsync(connection, json);
        Assert.True(error is null, $"creating {json}: {error}");
    }

    public static async Task PutConsumerOrFailAsync(NatsConnection connection, string request)
    {
        var error = await PutConsumerAsync(connection, request);
        Assert.True(error is null, $"creating {request}: {error}");
    }

    private static string NameOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("name").GetString()!;
    }
}
