using System;
using System.Collections.Generic;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>
/// The streams that exist beside a <see cref="DefinitionSet"/>'s definitions, such as the streams on the server the
/// live check reads: what each mirrors and sources, how many consumers it has, and (read only when a rule asks) their
/// configurations. The cross-definition rules count them as copies, origins and readers.
/// </summary>
public sealed class ExistingStreams
{
    private readonly Dictionary<string, ExistingStream> byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> undescribed;
    private readonly Dictionary<string, List<string>> copiers = new(StringComparer.Ordinal);

    /// <param name="where">What messages call the place they exist: "the server at nats://127.0.0.1:4222" (no secrets).</param>
    /// <param name="streams">The streams that could be described.</param>
    /// <param name="undescribed">Streams known to exist whose configuration couldn't be read: what they copy or who reads them is unknown.</param>
    public ExistingStreams(string where, IEnumerable<ExistingStream> streams, IEnumerable<string>? undescribed = null)
    {
        Where = where;
        this.undescribed = new HashSet<string>(undescribed ?? Array.Empty<string>(), StringComparer.Ordinal);
        foreach (var stream in streams)
        {
            byName[stream.Name] = stream;
            foreach (var origin in DefinitionSet.Origins(stream.Model))
            {
                if (DefinitionSet.KnownName(origin.Name) is { } name)
                {
                    DefinitionSet.Add(copiers, name, stream.Name);
                }
            }
        }
    }

    public string Where { get; }

    /// <summary>True when a stream of that name exists, described or not.</summary>
    public bool Contains(string name) => byName.ContainsKey(name) || undescribed.Contains(name);

    /// <summary>
    /// True when an existing stream mirrors or sources it, or may (one couldn't be described). A stream for which
    /// <paramref name="replaced"/> is true doesn't count: a definition of that name says what it copies.
    /// </summary>
    public bool MayCopy(string name, Func<string, bool> replaced) =>
        undescribed.Count > 0 || copiers.TryGetValue(name, out var list) && list.Exists(copier => !replaced(copier));

    /// <summary>True when the existing stream of that name has consumers, or may have (it couldn't be described).</summary>
    public bool MayHaveConsumers(string name) =>
        undescribed.Contains(name) || byName.TryGetValue(name, out var stream) && stream.ConsumerCount > 0;

    /// <summary>
    /// The consumers of the existing stream of that name: empty when there is none or it has none, null when they
    /// can't be told (the stream couldn't be described or its consumers couldn't be listed).
    /// </summary>
    public IReadOnlyList<ConsumerModel>? ConsumersOf(string name)
    {
        if (undescribed.Contains(name))
        {
            return null;
        }

        return !byName.TryGetValue(name, out var stream) ? Array.Empty<ConsumerModel>()
            : stream.ConsumerCount == 0 ? Array.Empty<ConsumerModel>()
            : stream.Consumers;
    }
}

/// <summary>One existing stream: its configuration, its consumer count, and its consumers when first asked for.</summary>
public sealed class ExistingStream
{
    private readonly Func<IReadOnlyList<ConsumerModel>?> readConsumers;
    private IReadOnlyList<ConsumerModel>? consumers;
    private bool read;

    /// <param name="readConsumers">Reads the consumers' configurations; null when they can't be read. Called at most once.</param>
    public ExistingStream(string name, StreamModel model, long consumerCount, Func<IReadOnlyList<ConsumerModel>?> readConsumers)
    {
        Name = name;
        Model = model;
        ConsumerCount = consumerCount;
        this.readConsumers = readConsumers;
    }

    public string Name { get; }

    public StreamModel Model { get; }

    public long ConsumerCount { get; }

    public IReadOnlyList<ConsumerModel>? Consumers
    {
        get
        {
            if (!read)
            {
                consumers = readConsumers();
                read = true;
            }

            return consumers;
        }
    }
}
