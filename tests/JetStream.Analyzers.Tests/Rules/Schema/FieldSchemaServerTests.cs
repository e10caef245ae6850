using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Schema;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.Core;

namespace JetStream.Analyzers.Tests.Rules.Schema;

/// <summary>
/// The schema's first (and last) release of each field, judged by real servers: each probe sets one field, with a
/// value the server keeps, on a new stream or consumer. A server knows the field when it stores it (the created
/// configuration has it) or refuses the request for another reason than an unknown field; it doesn't know it when it
/// drops the field (up to 2.11) or refuses it as an unknown field (strict JSON from 2.12).
/// </summary>
public sealed class FieldSchemaServerTests
{
    private const string Origin = """{"name":"ORIGIN","subjects":["o.>"]}""";
    private const string Stream = """{"name":"CP","subjects":["cp.>"]}""";

    /// <summary>Stream fields: the settings that carry the field (others only where the field needs them).</summary>
    private static readonly Dictionary<string, string> StreamProbes = new()
    {
        ["description"] = "\"description\":\"d\"",
        ["retention"] = "\"retention\":\"interest\"",
        ["max_consumers"] = "\"max_consumers\":10",
        ["max_msgs"] = "\"max_msgs\":10",
        ["max_bytes"] = "\"max_bytes\":1048576",
        ["max_age"] = "\"max_age\":3600000000000",
        ["max_msgs_per_subject"] = "\"max_msgs_per_subject\":5",
        ["max_msg_size"] = "\"max_msg_size\":1024",
        ["discard"] = "\"discard\":\"new\"",
        ["storage"] = "\"storage\":\"memory\"",
        ["num_replicas"] = "\"num_replicas\":1",
        ["no_ack"] = "\"no_ack\":true",
        ["duplicate_window"] = "\"duplicate_window\":60000000000",
        ["mirror"] = "MIRROR",
        ["sources"] = "\"sources\":[{\"name\":\"ORIGIN\"}]",
        ["template_owner"] = "\"template_owner\":\"T\"",
        ["sealed"] = "\"sealed\":true",
        ["deny_delete"] = "\"deny_delete\":true",
        ["deny_purge"] = "\"deny_purge\":true",
        ["allow_rollup_hdrs"] = "\"allow_rollup_hdrs\":true",
        ["republish"] = "\"republish\":{\"src\":\"p.>\",\"dest\":\"rp.>\"}",
        ["allow_direct"] = "\"allow_direct\":true",
        ["mirror_direct"] = "\"mirror_direct\":true",
        ["discard_new_per_subject"] = "\"discard\":\"new\",\"max_msgs_per_subject\":5,\"discard_new_per_subject\":true",
        ["metadata"] = "\"metadata\":{\"team\":\"orders\"}",
        ["compression"] = "\"compression\":\"s2\"",
        ["first_seq"] = "\"first_seq\":5",
        ["subject_transform"] = "\"subject_transform\":{\"src\":\"p.>\",\"dest\":\"q.>\"}",
        ["consumer_limits"] = "\"consumer_limits\":{\"max_ack_pending\":10}",
        ["allow_msg_ttl"] = "\"allow_msg_ttl\":true",
        ["subject_delete_marker_ttl"] = "\"allow_msg_ttl\":true,\"subject_delete_marker_ttl\":5000000000",
        ["allow_msg_counter"] = "\"allow_msg_counter\":true",
        ["allow_atomic"] = "\"allow_atomic\":true",
        ["allow_msg_schedules"] = "\"allow_msg_schedules\":true",
        ["persist_mode"] = "\"persist_mode\":\"async\"",
        ["allow_batched"] = "\"allow_batched\":true",
    };

    private static readonly Dictionary<string, string> ConsumerProbes = new()
    {
        ["description"] = "\"description\":\"d\"",
        ["deliver_policy"] = "\"deliver_policy\":\"new\"",
        ["opt_start_seq"] = "\"deliver_policy\":\"by_start_sequence\",\"opt_start_seq\":5",
        ["opt_start_time"] = "\"deliver_policy\":\"by_start_time\",\"opt_start_time\":\"2024-01-31T12:00:00Z\"",
        ["ack_policy"] = "\"ack_policy\":\"all\"",
        ["ack_wait"] = "\"ack_wait\":5000000000",
        ["max_deliver"] = "\"max_deliver\":5",
        ["backoff"] = "\"max_deliver\":5,\"backoff\":[1000000000,2000000000]",
        ["filter_subject"] = "\"filter_subject\":\"cp.a\"",
        ["filter_subjects"] = "\"filter_subjects\":[\"cp.a\",\"cp.b\"]",
        ["replay_policy"] = "\"replay_policy\":\"original\"",
        ["rate_limit_bps"] = "\"deliver_subject\":\"dlv.p\",\"rate_limit_bps\":1024",
        ["sample_freq"] = "\"sample_freq\":\"50%\"",
        ["max_waiting"] = "\"max_waiting\":10",
        ["max_ack_pending"] = "\"max_ack_pending\":10",
        ["flow_control"] = "\"deliver_subject\":\"dlv.p\",\"idle_heartbeat\":5000000000,\"flow_control\":true",
        ["headers_only"] = "\"headers_only\":true",
        ["max_batch"] = "\"max_batch\":10",
        ["max_expires"] = "\"max_expires\":5000000000",
        ["max_bytes"] = "\"max_bytes\":1024",
        ["deliver_subject"] = "\"deliver_subject\":\"dlv.p\"",
        ["deliver_group"] = "\"deliver_subject\":\"dlv.p\",\"deliver_group\":\"g\"",
        ["idle_heartbeat"] = "\"deliver_subject\":\"dlv.p\",\"idle_heartbeat\":5000000000",
        ["inactive_threshold"] = "\"inactive_threshold\":60000000000",
        ["num_replicas"] = "\"num_replicas\":1",
        ["mem_storage"] = "\"mem_storage\":true",
        ["metadata"] = "\"metadata\":{\"team\":\"orders\"}",
        ["pause_until"] = "\"pause_until\":\"2099-01-01T00:00:00Z\"",
        ["priority_policy"] = "\"priority_policy\":\"overflow\",\"priority_groups\":[\"jobs\"]",
        ["priority_groups"] = "\"priority_policy\":\"overflow\",\"priority_groups\":[\"jobs\"]",
        ["priority_timeout"] = "\"priority_policy\":\"pinned_client\",\"priority_groups\":[\"jobs\"],\"priority_timeout\":60000000000",
    };

    /// <summary>Fields a probe can't tell apart: the identity every request has, and fields only the server sets.</summary>
    private static readonly HashSet<string> NotProbed = new(StringComparer.Ordinal) { "name", "subjects", "durable_name", "placement" };

    [Fact]
    public void Every_top_level_field_has_a_probe()
    {
        var missing = FieldSchema.In(FieldScope.Stream).Where(f => !StreamProbes.ContainsKey(f.Json) && !NotProbed.Contains(f.Json)).Select(f => "stream " + f.Json)
            .Concat(FieldSchema.In(FieldScope.Consumer).Where(f => !f.ServerInternal && !ConsumerProbes.ContainsKey(f.Json) && !NotProbed.Contains(f.Json)).Select(f => "consumer " + f.Json));
        Assert.Empty(missing);
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task The_schema_knows_which_stream_fields_each_release_knows(string release)
    {
        await using var server = await NatsServer.StartAsync(release);
        var version = NatsReleases.Version(release);
        Assert.Null(await RawJetStreamApi.CreateStreamAsync(server.Connection, Origin));
        var wrong = new List<string>();
        foreach (var (field, settings) in StreamProbes)
        {
            var body = settings == "MIRROR"
                ? """{"name":"P","mirror":{"name":"ORIGIN"}}"""
                : "{\"name\":\"P\",\"subjects\":[\"p.>\"]," + settings + "}";
            var (known, evidence) = await ProbeAsync(server.Connection, "STREAM.CREATE.P", body, field, reply => reply.TryGetProperty("config", out var c) ? c : default);
            await RawJetStreamApi.RequestAsync(server.Connection, "STREAM.DELETE.P");
            if (known != FieldSchema.Get(FieldScope.Stream, field).KnownBy(version))
            {
                wrong.Add($"{field}: schema says {(known ? "unknown" : "known")}, nats-server {release} {evidence}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task The_schema_knows_which_consumer_fields_each_release_knows(string release)
    {
        await using var server = await NatsServer.StartAsync(release);
        var version = NatsReleases.Version(release);
        Assert.Null(await RawJetStreamApi.CreateStreamAsync(server.Connection, Stream));
        var wrong = new List<string>();
        foreach (var (field, settings) in ConsumerProbes)
        {
            var body = "{\"stream_name\":\"CP\",\"config\":{\"durable_name\":\"D\",\"ack_policy\":\"explicit\"," + settings + "}}";
            var (known, evidence) = await ProbeAsync(server.Connection, "CONSUMER.DURABLE.CREATE.CP.D", body, field, reply => reply.TryGetProperty("config", out var c) ? c : default);
            await RawJetStreamApi.RequestAsync(server.Connection, "CONSUMER.DELETE.CP.D");
            if (known != FieldSchema.Get(FieldScope.Consumer, field).KnownBy(version))
            {
                wrong.Add($"{field}: schema says {(known ? "unknown" : "known")}, nats-server {release} {evidence}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static async Task<(bool Known, string Evidence)> ProbeAsync(NatsConnection connection, string subject, string body, string field, Func<JsonElement, JsonElement> config)
    {
        var reply = await connection.RequestAsync<byte[], byte[]>("$JS.API." + subject, Encoding.UTF8.GetBytes(body), replyOpts: new NatsSubOpts { Timeout = TimeSpan.FromSeconds(5) });
        using var json = JsonDocument.Parse(reply.Data ?? Array.Empty<byte>());
        if (json.RootElement.TryGetProperty("error", out var error))
        {
            var description = error.GetProperty("description").GetString() ?? string.Empty;
            return description.Contains("unknown field", StringComparison.Ordinal)
                ? (false, $"refuses it: {description}")
                : (true, $"validates it: {description}");
        }

        var stored = config(json.RootElement);
        return stored.ValueKind == JsonValueKind.Object && stored.TryGetProperty(field, out _)
            ? (true, "stores it")
            : (false, "drops it");
    }
}
