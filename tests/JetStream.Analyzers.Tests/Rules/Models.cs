using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Tests.Rules;

/// <summary>
/// Hand-built models for the Roslyn-free rules. Origins are strings naming the field ("num_replicas"), so a test can
/// assert where a finding points; the model's own origin is "stream" / "consumer".
/// </summary>
public static class Models
{
    public const string StreamOrigin = "stream";
    public const string ConsumerOrigin = "consumer";

    public static ConfigValue<T> Known<T>(T value, string origin) => ConfigValue<T>.Known(value, origin);

    public static ConfigValue<T> Unknown<T>(string origin) => ConfigValue<T>.Unknown(origin);

    public static ConfigValue<IReadOnlyList<T>> List<T>(string origin, params T[] values) => ConfigValue<IReadOnlyList<T>>.Known(values, origin);

    /// <summary>A stream no rule reports: R3, 1 GiB, 7 days, deny delete and purge, file storage, limits retention.</summary>
    public static StreamModel SafeStream(string name = "ORDERS") => new()
    {
        Kind = StreamKind.Stream,
        Operation = ConfigOperation.Create,
        Origin = StreamOrigin,
        Name = Known(name, "name"),
        Subjects = List("subjects", "orders.>"),
        NumReplicas = Known(3L, "num_replicas"),
        MaxBytes = Known(1L << 30, "max_bytes"),
        MaxAge = Known(7 * Durations.Day, "max_age"),
        DenyDelete = Known(true, "deny_delete"),
        DenyPurge = Known(true, "deny_purge"),
    };

    /// <summary>A bucket the way the C# front end builds it for <c>new NatsKVConfig("cfg") { NumberOfReplicas = 3, MaxBytes = 1 MiB }</c>.</summary>
    public static StreamModel SafeBucket(StreamKind kind = StreamKind.KeyValue) => new()
    {
        Kind = kind,
        Operation = ConfigOperation.Create,
        Origin = StreamOrigin,
        BucketName = Known("cfg", "bucket"),
        Name = Known(kind == StreamKind.KeyValue ? "KV_cfg" : "OBJ_cfg", "bucket"),
        Subjects = ConfigValue<IReadOnlyList<string>>.Defaulted(kind == StreamKind.KeyValue ? new[] { "$KV.cfg.>" } : new[] { "$O.cfg.C.>", "$O.cfg.M.>" }),
        NumReplicas = Known(3L, "num_replicas"),
        MaxBytes = Known(1L << 20, "max_bytes"),
        Discard = ConfigValue<DiscardPolicy>.Defaulted(DiscardPolicy.New),
        AllowRollupHdrs = ConfigValue<bool>.Defaulted(true),
        AllowDirect = ConfigValue<bool>.Defaulted(true),
        DenyDelete = kind == StreamKind.KeyValue ? ConfigValue<bool>.Defaulted(true) : default,
        DenyPurge = kind == StreamKind.KeyValue ? ConfigValue<bool>.Defaulted(false) : default,
    };

    /// <summary>A durable pull consumer no rule reports: explicit acks, 30 s ack wait, max deliver 5, backoff 30s/1m/5m, max expires 1m.</summary>
    public static ConsumerModel SafeConsumer(string name = "worker") => new()
    {
        Operation = ConfigOperation.CreateOrUpdate,
        Origin = ConsumerOrigin,
        StreamName = Known("ORDERS", "stream_name"),
        Name = Known(name, "name"),
        DurableName = Known(name, "durable_name"),
        AckPolicy = ConfigValue<AckPolicy>.Defaulted(AckPolicy.Explicit),
        AckWait = Known(30 * Durations.Second, "ack_wait"),
        MaxDeliver = Known(5L, "max_deliver"),
        Backoff = List("backoff", 30 * Durations.Second, 1 * Durations.Minute, 5 * Durations.Minute),
        MaxExpires = Known(1 * Durations.Minute, "max_expires"),
    };

    /// <summary>The safe consumer as a push consumer with heartbeat and flow control.</summary>
    public static ConsumerModel SafePushConsumer()
    {
        var consumer = SafeConsumer();
        consumer.DeliverSubject = Known("deliver.orders", "deliver_subject");
        consumer.IdleHeartbeat = Known(5 * Durations.Second, "idle_heartbeat");
        consumer.FlowControl = Known(true, "flow_control");
        return consumer;
    }

    public static RuleContext Context(ServerVersion? version = null, params (string Key, string Value)[] options)
    {
        var map = options.ToDictionary(o => o.Key, o => o.Value);
        return new RuleContext(new RuleOptions(key => map.TryGetValue(key, out var value) ? value : null), version ?? ServerVersion.Newest);
    }

    public static RuleContext Context(string version, params (string Key, string Value)[] options) => Context(ServerVersion.Parse(version), options);

    /// <summary>The newest server with these options.</summary>
    public static RuleContext WithOptions(params (string Key, string Value)[] options) => Context(ServerVersion.Newest, options);

    public static List<Finding> Run(StreamRule rule, StreamModel stream, RuleContext? context = null)
    {
        var findings = new List<Finding>();
        rule.Evaluate(stream, context ?? RuleContext.Default, findings);
        return findings;
    }

    public static List<Finding> Run(ConsumerRule rule, ConsumerModel consumer, RuleContext? context = null)
    {
        var findings = new List<Finding>();
        rule.Evaluate(consumer, context ?? RuleContext.Default, findings);
        return findings;
    }

    /// <summary>The only finding; fails when there is none or more than one.</summary>
    public static Finding Single(List<Finding> findings) =>
        findings.Count == 1 ? findings[0] : throw new Xunit.Sdk.XunitException($"Expected one finding, got {findings.Count}:\n" + string.Join("\n", findings));

    /// <summary>The third message argument of the rejection rules (JS1100/JS2100), one per finding.</summary>
    public static string[] Reasons(List<Finding> findings) => findings.Select(f => (string)f.Arguments[2]!).ToArray();

    public static StreamModel With(this StreamModel stream, Action<StreamModel> change)
    {
        change(stream);
        return stream;
    }

    public static ConsumerModel With(this ConsumerModel consumer, Action<ConsumerModel> change)
    {
        change(consumer);
        return consumer;
    }
}
