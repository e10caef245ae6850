using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Model;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;
using NATS.Client.ObjectStore;

namespace JetStream.Analyzers.Tests.AnalyzerInfrastructure;

/// <summary>
/// Messages and code fixes name NATS.Net properties through CSharpNames. Every JSON field a rule names must map to a
/// property that exists on the NATS.Net 3.3.2 type the user writes.
/// </summary>
public class CSharpNamesTests
{
    /// <summary>Fields the stream rules name (JS1001–JS1006 messages and fixes, JS1101 settings).</summary>
    public static readonly string[] StreamFields =
    {
        "num_replicas", "max_bytes", "max_age", "deny_delete", "deny_purge", "storage",
        "discard_new_per_subject", "compression", "subject_transform", "metadata", "allow_msg_ttl",
        "subject_delete_marker_ttl", "allow_msg_counter", "allow_atomic", "allow_msg_schedules", "persist_mode", "allow_batched",
    };

    /// <summary>Stream fields NATS.Net 3.3.2 has no property for; the C# front end never sets them.</summary>
    public static readonly string[] NotInNatsNet = { "first_seq", "consumer_limits" };

    /// <summary>Fields a bucket's configuration can set, as the stream rules name them.</summary>
    public static readonly string[] BucketFields = { "num_replicas", "max_bytes", "storage", "compression", "metadata", "allow_msg_ttl", "subject_delete_marker_ttl" };

    /// <summary>Fields the consumer rules name.</summary>
    public static readonly string[] ConsumerFields =
    {
        "max_deliver", "backoff", "idle_heartbeat", "flow_control", "filter_subjects", "metadata", "pause_until", "priority_policy",
        "ack_wait", "sample_freq", "priority_timeout",
    };

    public static IEnumerable<object[]> Streams => StreamFields.Select(f => new object[] { f });

    public static IEnumerable<object[]> Buckets =>
        from name in BucketFields
        from kind in new[] { StreamKind.KeyValue, StreamKind.ObjectStore }
        where kind == StreamKind.KeyValue || name is not ("allow_msg_ttl" or "subject_delete_marker_ttl")
        select new object[] { name, kind };

    public static IEnumerable<object[]> Consumers => ConsumerFields.Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(Streams))]
    public void StreamFields_ArePropertiesOfStreamConfig(string field) => AssertProperty(typeof(StreamConfig), CSharpNames.Property(field));

    [Theory]
    [MemberData(nameof(Buckets))]
    public void BucketFields_ArePropertiesOfTheBucketConfig(string field, StreamKind kind) =>
        AssertProperty(kind == StreamKind.KeyValue ? typeof(NatsKVConfig) : typeof(NatsObjConfig), CSharpNames.Property(field, kind));

    [Theory]
    [MemberData(nameof(Consumers))]
    public void ConsumerFields_ArePropertiesOfConsumerConfig(string field) => AssertProperty(typeof(ConsumerConfig), CSharpNames.Property(field));

    [Fact]
    public void FieldsMissingFromNatsNet_AreKnown()
    {
        foreach (var field in NotInNatsNet)
        {
            Assert.Null(typeof(StreamConfig).GetProperty(CSharpNames.Property(field)));
        }
    }

    [Theory]
    [InlineData("num_replicas", StreamKind.Stream, "NumReplicas")]
    [InlineData("num_replicas", StreamKind.KeyValue, "NumberOfReplicas")]
    [InlineData("max_msgs_per_subject", StreamKind.KeyValue, "History")]
    [InlineData("max_msg_size", StreamKind.KeyValue, "MaxValueSize")]
    [InlineData("allow_msg_ttl", StreamKind.Stream, "AllowMsgTTL")]
    [InlineData("allow_msg_ttl", StreamKind.KeyValue, "LimitMarkerTTL")]
    [InlineData("allow_atomic", StreamKind.Stream, "AllowAtomicPublish")]
    [InlineData("sample_freq", StreamKind.Stream, "SampleFreq")]
    [InlineData("x", StreamKind.Stream, "X")]
    [InlineData("a__b", StreamKind.Stream, "AB")]
    public void Spellings(string json, StreamKind kind, string expected) => Assert.Equal(expected, CSharpNames.Property(json, kind));

    private static void AssertProperty(Type type, string name) =>
        Assert.True(type.GetProperty(name) is not null, $"{type.Name} has no property {name}");
}
