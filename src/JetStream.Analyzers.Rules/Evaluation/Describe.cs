using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>How messages name what they are about; argument 0 of every message.</summary>
public static class Describe
{
    public static string Stream(StreamModel stream)
    {
        var name = stream.Kind == StreamKind.Stream ? stream.Name : stream.BucketName;
        var label = stream.Kind switch
        {
            StreamKind.KeyValue => "Key-value bucket",
            StreamKind.ObjectStore => "Object store",
            _ => "Stream",
        };
        return name.IsKnown && !string.IsNullOrEmpty(name.Value) ? $"{label} '{name.Value}'" : label;
    }

    /// <summary>
    /// Metadata size as the server checks it: from 2.11 it first replaces _nats.ver, _nats.level and _nats.req.level
    /// with its own _nats.req.level and a one-digit API level (16 bytes). Null when unknown.
    /// </summary>
    public static long? ServerMetadataBytes(ConfigValue<long> total, ConfigValue<long> serverKeys, ServerVersion version)
    {
        if (version.Before(2, 11))
        {
            return total.TryGet(out var size) ? size : null;
        }

        if (total.IsUnknown || serverKeys.IsUnknown)
        {
            return null;
        }

        return (total.IsKnown ? total.Value : 0) - (serverKeys.IsKnown ? serverKeys.Value : 0) + "_nats.req.level".Length + 1;
    }

    /// <summary>"Consumer 'x'" without the stream, for messages that name the stream themselves.</summary>
    public static string ConsumerName(ConsumerModel consumer)
    {
        var name = consumer.DisplayName;
        return name is null
            ? (consumer.Name.IsUnknown || consumer.DurableName.IsUnknown ? "Consumer" : "Ephemeral consumer")
            : $"Consumer '{name}'";
    }

    public static string Consumer(ConsumerModel consumer)
    {
        var label = ConsumerName(consumer);
        return consumer.StreamName.IsKnown && !string.IsNullOrEmpty(consumer.StreamName.Value)
            ? $"{label} on stream '{consumer.StreamName.Value}'"
            : label;
    }

    public static string Plural(long count, string singular) => count == 1 ? $"1 {singular}" : $"{count} {singular}s";
}
