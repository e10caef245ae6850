using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Binding;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;
using NATS.Client.ObjectStore;

namespace JetStream.Analyzers.Tests.Rules.Schema;

/// <summary>The schema agrees with the NATS.Net types users write and with the binders that read files.</summary>
public sealed class FieldSchemaTests
{
    private static readonly Dictionary<FieldScope, Type> NatsNetTypes = new()
    {
        [FieldScope.Stream] = typeof(StreamConfig),
        [FieldScope.Consumer] = typeof(ConsumerConfig),
        [FieldScope.Source] = typeof(StreamSource),
        [FieldScope.External] = typeof(ExternalStreamSource),
        [FieldScope.Placement] = typeof(Placement),
        [FieldScope.Republish] = typeof(Republish),
        [FieldScope.Transform] = typeof(SubjectTransform),
    };

    public static IEnumerable<object[]> Rows => FieldSchema.All.Select(f => new object[] { f.Scope, f.Json });

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_NATS_Net_property_exists(FieldScope scope, string json)
    {
        var field = FieldSchema.Get(scope, json);
        if (field.CSharp is { } property && NatsNetTypes.TryGetValue(scope, out var type))
        {
            Assert.True(type.GetProperty(property) is not null, $"{type.Name} has no property {property} for '{field.Path}'");
        }

        if (field.BucketCSharp is { } bucketProperty)
        {
            Assert.True(typeof(NatsKVConfig).GetProperty(bucketProperty) is not null, $"NatsKVConfig has no property {bucketProperty} for '{field.Path}'");
        }
    }

    [Fact]
    public void Fields_are_unique_within_their_object()
    {
        var duplicates = FieldSchema.All.GroupBy(f => (f.Scope, f.Json)).Where(g => g.Count() > 1).Select(g => g.Key.ToString());
        Assert.Empty(duplicates);
    }

    [Fact]
    public void The_file_binders_read_every_top_level_field_of_the_schema()
    {
        var api = FieldSchema.In(FieldScope.Stream).Select(f => f.Json).Except(StreamBinder.ApiFieldNames)
            .Concat(FieldSchema.In(FieldScope.Consumer).Select(f => f.Json).Except(ConsumerBinder.ApiFieldNames));
        Assert.Empty(api);
    }

    [Fact]
    public void Names_in_messages_follow_the_format()
    {
        Assert.Equal("replicas", FieldSchema.Name("num_replicas", NameStyle.Nack));
        Assert.Equal("NumReplicas", FieldSchema.Name("num_replicas", NameStyle.CSharp));
        Assert.Equal("NumberOfReplicas", FieldSchema.Name("num_replicas", NameStyle.CSharp, StreamKind.KeyValue));
        Assert.Equal("history", FieldSchema.Name("max_msgs_per_subject", NameStyle.Nack, StreamKind.KeyValue));
        Assert.Equal("ttl", FieldSchema.Name("max_age", NameStyle.Nack, StreamKind.ObjectStore));
        Assert.Equal("heartbeatInterval", FieldSchema.Name("idle_heartbeat", NameStyle.Nack));
        Assert.Equal("placement.cluster", FieldSchema.Name("placement.cluster", NameStyle.Nack));
        Assert.Equal("consumerLimits.maxAckPending", FieldSchema.Name("consumer_limits.max_ack_pending", NameStyle.Nack));
        Assert.Equal("Republish.Dest", FieldSchema.Name("republish.dest", NameStyle.CSharp));
    }

    [Fact]
    public void Release_ranges_are_read_from_the_schema()
    {
        var templateOwner = FieldSchema.Get(FieldScope.Stream, "template_owner");
        Assert.True(templateOwner.KnownBy(new ServerVersion(2, 12, 3)));
        Assert.False(templateOwner.KnownBy(ServerVersion.Newest));
        Assert.False(FieldSchema.Get(FieldScope.Stream, "allow_batched").KnownBy(new ServerVersion(2, 12, 0)));
        Assert.Equal(new ServerVersion(2, 11, 0), FieldSchema.At(FieldScope.Stream, "placement.preferred").Since);
    }

    [Theory]
    [InlineData("storage", "memory", "file", "2.9.10", "stream configuration update can not change storage type")]
    [InlineData("retention", "interest", "limits", "2.9.10", "stream configuration update can not change retention policy")]
    [InlineData("retention", "interest", "limits", "2.10.27", null)]
    [InlineData("retention", "workqueue", "limits", "2.15.1", "stream configuration update can not change retention policy to/from workqueue")]
    [InlineData("max_consumers", "10", "unlimited", "2.12.4", "stream configuration update can not change MaxConsumers")]
    [InlineData("max_consumers", "10", "unlimited", "2.12.5", null)]
    [InlineData("deny_purge", "false", "true", "2.15.1", "stream configuration update can not cancel deny purge")]
    [InlineData("deny_purge", "true", "false", "2.15.1", null)]
    [InlineData("allow_msg_ttl", "false", "true", "2.15.1", "message TTL status can not be disabled")]
    [InlineData("allow_msg_ttl", "true", "false", "2.15.1", null)]
    [InlineData("allow_msg_schedules", "false", "true", "2.15.1", "message schedules can not be disabled")]
    public void Stream_update_rules(string field, string requested, string current, string version, string? error) =>
        Assert.Equal(error, FieldSchema.Get(FieldScope.Stream, field).Update.Check(requested, current, ServerVersion.Parse(version)));

    [Theory]
    [InlineData("mem_storage", "true", "false", "2.14.3", null)]
    [InlineData("mem_storage", "true", "false", "2.14.4", "storage type can not be updated")]
    [InlineData("deliver_subject", "(none)", "dlv.x", "2.9.10", "can not update push consumer to pull based")]
    [InlineData("deliver_subject", "dlv.x", "(none)", "2.9.10", "can not update pull consumer to push based")]
    [InlineData("deliver_subject", "dlv.y", "dlv.x", "2.9.10", null)]
    [InlineData("ack_wait", "10s", "30s", "2.9.10", null)]
    public void Consumer_update_rules(string field, string requested, string current, string version, string? error) =>
        Assert.Equal(error, FieldSchema.Get(FieldScope.Consumer, field).Update.Check(requested, current, ServerVersion.Parse(version)));
}
