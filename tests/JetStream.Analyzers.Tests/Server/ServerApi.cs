using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace JetStream.Analyzers.Tests.Server;

/// <summary>The server's answer to a create request: its error, or the name of what it created.</summary>
public sealed record ApiOutcome(ApiError? Error, string? Created, string Route)
{
    public bool Accepted => Error is null;

    public override string ToString() => Error is { } e
        ? $"rejected via {Route}: {e.Code}/{e.ErrCode} \"{e.Description}\""
        : $"accepted via {Route} (created '{Created}')";
}

/// <summary>
/// Sends stream and consumer configurations to a real server: through NATS.Net's own create calls, or, where the
/// client refuses or reshapes the request, as a raw request to a JetStream API subject with the body NATS.Net
/// would serialize. Whatever is created is deleted again.
/// </summary>
public static class ServerApi
{
    public static async Task<ApiOutcome> CreateStreamAsync(NatsServer server, StreamConfig config, string? rawSubject)
    {
        ApiOutcome outcome;
        if (rawSubject is null)
        {
            try
            {
                var stream = await server.JetStream.CreateStreamAsync(config);
                outcome = new ApiOutcome(null, stream.Info.Config.Name, "NATS.Net CreateStreamAsync");
            }
            catch (NatsJSApiException e)
            {
                outcome = new ApiOutcome(e.Error, null, "NATS.Net CreateStreamAsync");
            }
        }
        else
        {
            outcome = await RawAsync(server, rawSubject, Json(config), created => created.GetProperty("config").GetProperty("name").GetString());
        }

        if (outcome.Accepted && outcome.Created is { } name)
        {
            await server.JetStream.DeleteStreamAsync(name);
        }

        return outcome;
    }

    public static async Task<ApiOutcome> CreateConsumerAsync(NatsServer server, string stream, ConsumerConfig config, string? rawSubject)
    {
        ApiOutcome outcome;
        if (rawSubject is null)
        {
            try
            {
                var consumer = await server.JetStream.CreateConsumerAsync(stream, config);
                outcome = new ApiOutcome(null, consumer.Info.Name, "NATS.Net CreateConsumerAsync");
            }
            catch (NatsJSApiException e)
            {
                outcome = new ApiOutcome(e.Error, null, "NATS.Net CreateConsumerAsync");
            }
        }
        else
        {
            // The body of CONSUMER.CREATE requests: {"stream_name": ..., "config": {...}}.
            var body = Encoding.UTF8.GetBytes($"{{\"stream_name\":{JsonSerializer.Serialize(stream)},\"config\":")
                .Concat(Json(config))
                .Append((byte)'}')
                .ToArray();
            outcome = await RawAsync(server, rawSubject, body, created => created.GetProperty("name").GetString());
        }

        if (outcome.Accepted && outcome.Created is { } name)
        {
            await server.JetStream.DeleteConsumerAsync(stream, name);
        }

        return outcome;
    }

    /// <summary>A request to "$JS.API." + <paramref name="subject"/> that must get no answer at all within <paramref name="wait"/>.</summary>
    public static async Task<bool> GetsNoReplyAsync(NatsServer server, string subject, byte[] body, TimeSpan wait)
    {
        try
        {
            await server.Connection.RequestAsync<byte[], byte[]>("$JS.API." + subject, body, replyOpts: new NatsSubOpts { Timeout = wait });
            return false;
        }
        catch (NatsNoReplyException)
        {
            return true;
        }
    }

    /// <summary>The JSON NATS.Net sends for a config object.</summary>
    public static byte[] Json<T>(T config)
    {
        var buffer = new ArrayBufferWriter<byte>();
        NatsJSJsonSerializer<T>.Default.Serialize(buffer, config);
        return buffer.WrittenSpan.ToArray();
    }

    private static async Task<ApiOutcome> RawAsync(NatsServer server, string subject, byte[] body, Func<JsonElement, string?> createdName)
    {
        var route = "raw request to $JS.API." + subject;
        var reply = await server.Connection.RequestAsync<byte[], byte[]>("$JS.API." + subject, body);
        using var json = JsonDocument.Parse(reply.Data ?? Array.Empty<byte>());
        var root = json.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            return new ApiOutcome(
                new ApiError
                {
                    Code = error.GetProperty("code").GetInt32(),
                    ErrCode = error.TryGetProperty("err_code", out var code) ? code.GetInt32() : 0,
                    Description = error.GetProperty("description").GetString(),
                },
                null,
                route);
        }

        return new ApiOutcome(null, createdName(root), route);
    }
}
