using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using NATS.Client.Core;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// A canonical text of everything JetStream holds for an account: every stream (config, creation time, message
/// state, consumer count) and every consumer (config, creation time, delivered and ack-floor positions, pending
/// counts). Taken before and after a check that must only read, the two texts are equal exactly when the check
/// changed nothing. Fields that move without any client action (response timestamps, cluster leader and replica
/// liveness, waiting pull requests, push-bound flags) are left out. Lists are read page by page through
/// <c>$JS.API.STREAM.LIST</c> and <c>$JS.API.CONSUMER.LIST.&lt;stream&gt;</c>, so nothing beyond a page is missed.
/// </summary>
public static class JetStreamState
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private static readonly string[] StreamStateFields =
        { "messages", "bytes", "first_seq", "first_ts", "last_seq", "last_ts", "num_deleted", "num_subjects", "consumer_count" };

    private static readonly string[] ConsumerFields =
        { "delivered", "ack_floor", "num_pending", "num_ack_pending", "num_redelivered" };

    /// <summary>The snapshot, read with <paramref name="admin"/>, which must be allowed to list streams and consumers.</summary>
    public static async Task<string> SnapshotAsync(INatsConnection admin)
    {
        var text = new StringBuilder();
        var streams = await ListAsync(admin, "$JS.API.STREAM.LIST", "streams");
        foreach (var stream in streams.OrderBy(s => Name(s.GetProperty("config")), StringComparer.Ordinal))
        {
            var name = Name(stream.GetProperty("config"));
            text.Append("stream ").Append(name).Append('\n');
            text.Append("  created: ").Append(Canonical(stream.GetProperty("created"))).Append('\n');
            text.Append("  config: ").Append(Canonical(stream.GetProperty("config"))).Append('\n');
            var state = stream.GetProperty("state");
            foreach (var field in StreamStateFields)
            {
                text.Append("  state.").Append(field).Append(": ").Append(Field(state, field)).Append('\n');
            }

            var consumers = await ListAsync(admin, "$JS.API.CONSUMER.LIST." + name, "consumers");
            foreach (var consumer in consumers.OrderBy(c => c.GetProperty("name").GetString(), StringComparer.Ordinal))
            {
                text.Append("  consumer ").Append(consumer.GetProperty("name").GetString()).Append('\n');
                text.Append("    created: ").Append(Canonical(consumer.GetProperty("created"))).Append('\n');
                text.Append("    config: ").Append(Canonical(consumer.GetProperty("config"))).Append('\n');
                foreach (var field in ConsumerFields)
                {
                    text.Append("    ").Append(field).Append(": ").Append(Field(consumer, field)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    // Pages through a JetStream list API ({"offset": n} → {"total", "offset", "limit", "<items>": [...]}).
    private static async Task<List<JsonElement>> ListAsync(INatsConnection connection, string subject, string itemsProperty)
    {
        var items = new List<JsonElement>();
        while (true)
        {
            var request = Encoding.UTF8.GetBytes($"{{\"offset\":{items.Count}}}");
            var reply = await connection.RequestAsync<byte[], byte[]>(subject, request, replyOpts: new NatsSubOpts { Timeout = RequestTimeout });
            var body = reply.Data ?? throw new InvalidOperationException($"{subject}: empty reply");
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"{subject}: {error.GetRawText()}");
            }

            var page = root.TryGetProperty(itemsProperty, out var array) && array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray().Select(item => item.Clone()).ToList()
                : new List<JsonElement>();
            items.AddRange(page);
            var total = root.GetProperty("total").GetInt32();
            if (items.Count >= total)
            {
                return items;
            }

            if (page.Count == 0)
            {
                throw new InvalidOperationException($"{subject}: an empty page at offset {items.Count} of {total}");
            }
        }
    }

    private static string Name(JsonElement config) => config.GetProperty("name").GetString() ?? string.Empty;

    private static string Field(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) ? Canonical(value) : "(absent)";

    // JSON with object members sorted by name, so the text does not depend on the server's field order.
    private static string Canonical(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, element);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
