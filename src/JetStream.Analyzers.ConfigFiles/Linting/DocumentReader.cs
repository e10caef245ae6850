using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Binding;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;

namespace JetStream.Analyzers.ConfigFiles.Linting;

/// <summary>
/// Recognizes what each document is — by content, not by file name — and binds it: NACK resources
/// (apiVersion jetstream.nats.io/*), stream info output and consumer create requests or info output (a "config"
/// object), or a bare stream or consumer configuration.
/// </summary>
internal sealed class DocumentReader
{
    // Keys that only a stream, or only a consumer, has; a bare document is whichever it has more of.
    private static readonly HashSet<string> StreamOnlyKeys = OnlyIn(FieldScope.Stream, FieldScope.Consumer);
    private static readonly HashSet<string> ConsumerOnlyKeys = OnlyIn(FieldScope.Consumer, FieldScope.Stream);

    private static HashSet<string> OnlyIn(FieldScope scope, FieldScope other)
    {
        var keys = new HashSet<string>(FieldSchema.In(scope).Select(f => f.Json), StringComparer.Ordinal);
        keys.ExceptWith(FieldSchema.In(other).Select(f => f.Json));
        return keys;
    }

    private readonly Reporter reporter;
    private readonly RuleContext baseContext;

    public DocumentReader(Reporter reporter, RuleContext context)
    {
        this.reporter = reporter;
        baseContext = context;
    }

    public List<StreamDefinition> Streams { get; } = new();

    public List<ConsumerDefinition> Consumers { get; } = new();

    /// <summary>Reads one document; returns false when it is not a JetStream definition.</summary>
    public bool Read(ConfigNode document)
    {
        if (document is not MappingNode root)
        {
            return false;
        }

        if (root["apiVersion"] is ScalarNode { Kind: ScalarKind.String } apiVersion)
        {
            return apiVersion.Text.StartsWith(NackResources.ApiGroupPrefix, StringComparison.Ordinal) && ReadNack(root);
        }

        if (root["config"] is MappingNode config)
        {
            if (root["stream_name"] is { } streamName)
            {
                AddConsumer(config, ConfigFormat.Api, root, streamName);
                return true;
            }

            // 'nats stream info --json' output always has these beside "config"; other files with a "config"
            // mapping (Helm values, app settings) are not stream definitions.
            if (root.Has("state") || root.Has("created"))
            {
                AddStream(config, ConfigFormat.Api);
                return true;
            }

            return false;
        }

        var streamScore = root.Entries.Count(e => StreamOnlyKeys.Contains(e.Key.Text));
        var consumerScore = root.Entries.Count(e => ConsumerOnlyKeys.Contains(e.Key.Text));
        if (streamScore == 0 && consumerScore == 0)
        {
            return false;
        }

        if (streamScore >= consumerScore)
        {
            AddStream(root, ConfigFormat.Api);
        }
        else
        {
            AddConsumer(root, ConfigFormat.Api, wrapper: null, streamName: null);
        }

        return true;
    }

    private bool ReadNack(MappingNode root)
    {
        var kind = (root["kind"] as ScalarNode)?.Text;
        if (kind is not ("Stream" or "Consumer" or "KeyValue" or "ObjectStore"))
        {
            return false;
        }

        var reader = Reader(ConfigFormat.Nack);
        reader.Subject = $"{kind} resource";
        if (root["spec"] is not { } specNode || reader.Mapping(specNode, "spec") is not { } spec)
        {
            // An empty, null or ~ spec defines nothing, like a missing one (a spec of another type is reported by Mapping).
            if (root["spec"] is not { } present || present is ScalarNode { Kind: ScalarKind.Null })
            {
                var (at, what) = root["spec"] is ScalarNode empty ? (empty.Span, empty.Text.Length == 0 ? "empty" : $"'{empty.Text}' (null)") : (root.Span, "missing");
                reporter.Add(RuleCatalog.InvalidValue, at, $"{kind} resource", "spec", "a mapping with the resource's settings", what);
            }

            return true;
        }

        switch (kind)
        {
            case "Stream":
                AddStream(spec, ConfigFormat.Nack);
                break;
            case "Consumer":
                AddConsumer(spec, ConfigFormat.Nack, wrapper: null, streamName: null);
                break;
            default:
                var bucketKind = kind == "KeyValue" ? StreamKind.KeyValue : StreamKind.ObjectStore;
                var at = Anchor(spec, "bucket");
                var model = BucketBinder.Bind(reader, spec, bucketKind, at);
                Streams.Add(new StreamDefinition(model, at, ContextFor(ConfigFormat.Nack)));
                break;
        }

        return true;
    }

    private void AddStream(MappingNode config, ConfigFormat format)
    {
        var at = Anchor(config, "name");
        var model = StreamBinder.Bind(Reader(format), config, format, at);
        Streams.Add(new StreamDefinition(model, at, ContextFor(format)));
    }

    private void AddConsumer(MappingNode config, ConfigFormat format, MappingNode? wrapper, ConfigNode? streamName)
    {
        var at = Anchor(config, format == ConfigFormat.Nack ? "durableName" : config.Has("durable_name") ? "durable_name" : "name");
        var reader = Reader(format);
        var model = ConsumerBinder.Bind(reader, config, format, at);
        if (wrapper is not null)
        {
            reader.CheckFields(wrapper, WrapperKeys);
            model.StreamName = streamName is null ? ConfigValue<string>.Absent : reader.String(streamName, "stream_name");
        }

        Consumers.Add(new ConsumerDefinition(model, at, ContextFor(format), format) { IsBare = format == ConfigFormat.Api && wrapper is null });
    }

    // Keys of a consumer create request and of consumer info output, around "config".
    private static readonly string[] WrapperKeys =
    {
        "stream_name", "config", "action", "pedantic", "name", "created", "delivered", "ack_floor", "num_ack_pending", "num_redelivered",
        "num_waiting", "num_pending", "cluster", "push_bound", "paused", "pause_remaining", "ts", "priority_groups", "type",
    };

    /// <summary>Findings about absent settings go to the definition's name, or to the mapping when it has none.</summary>
    private static SourceSpan Anchor(MappingNode config, string nameKey) =>
        config[nameKey] is { } name ? name.Span : config.Entries.Count > 0 ? config.Entries[0].Key.Span : config.Span;

    private FieldReader Reader(ConfigFormat format) => new(reporter, format, baseContext.ServerVersion);

    private RuleContext ContextFor(ConfigFormat format) =>
        new(baseContext.Options, baseContext.ServerVersion, (json, kind) => FieldNames.For(format, json, kind));
}
