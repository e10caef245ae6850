using System;
using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>
/// Every stream and consumer a front end knows at once (the files linted together, one compilation), for the rules that look across
/// definitions. Built once; the name indexes make each rule linear in the definitions.
/// </summary>
public sealed class DefinitionSet
{
    private readonly Dictionary<string, List<StreamModel>> streamsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ConsumerModel>> consumersByStream = new(StringComparer.Ordinal);
    private readonly HashSet<string> copied = new(StringComparer.Ordinal);

    /// <param name="complete">True when no stream or consumer exists beyond these (a file set); rules about what is missing run only then.</param>
    /// <param name="providedElsewhere">Stream names that exist without a definition here, such as the streams on a live server.</param>
    /// <param name="frontEnd">How messages place other definitions; <see cref="DefinitionSetFrontEnd.Default"/> when omitted.</param>
    /// <param name="existing">The streams that exist beside these definitions (the live check's server), counted as copies, origins and readers.</param>
    public DefinitionSet(
        IReadOnlyList<(StreamModel Model, RuleContext Context)> streams,
        IReadOnlyList<(ConsumerModel Model, RuleContext Context)> consumers,
        bool complete,
        IEnumerable<string>? providedElsewhere = null,
        DefinitionSetFrontEnd? frontEnd = null,
        ExistingStreams? existing = null)
    {
        Existing = existing;
        FrontEnd = frontEnd ?? DefinitionSetFrontEnd.Default;
        Streams = streams;
        Consumers = consumers;
        IsComplete = complete;
        ProvidedElsewhere = new HashSet<string>(providedElsewhere ?? Array.Empty<string>(), StringComparer.Ordinal);
        foreach (var (stream, _) in streams)
        {
            if (KnownName(stream.Name) is { } name)
            {
                Add(streamsByName, name, stream);
            }

            foreach (var origin in Origins(stream))
            {
                if (KnownName(origin.Name) is { } source)
                {
                    copied.Add(source);
                }
            }
        }

        foreach (var (consumer, _) in consumers)
        {
            if (KnownName(consumer.StreamName) is { } name)
            {
                Add(consumersByStream, name, consumer);
            }
        }
    }

    public IReadOnlyList<(StreamModel Model, RuleContext Context)> Streams { get; }

    public IReadOnlyList<(ConsumerModel Model, RuleContext Context)> Consumers { get; }

    public bool IsComplete { get; }

    public DefinitionSetFrontEnd FrontEnd { get; }

    public ISet<string> ProvidedElsewhere { get; }

    /// <summary>The streams that exist beside the definitions; null when the front end knows none (no live check).</summary>
    public ExistingStreams? Existing { get; }

    /// <summary>True when some definition has a stream of that name, or it exists elsewhere.</summary>
    public bool Provides(string name) => streamsByName.ContainsKey(name) || ProvidedElsewhere.Contains(name) || Existing?.Contains(name) == true;

    /// <summary>
    /// True when a defined stream mirrors or sources the stream of that name, or an existing one does (or may) that
    /// no definition replaces.
    /// </summary>
    public bool IsCopied(string name) => copied.Contains(name) || Existing?.MayCopy(name, streamsByName.ContainsKey) == true;

    /// <summary>
    /// The stream a consumer is created on: the one the front end linked (config files do), else the only defined
    /// stream of the consumer's stream name; null when none or several are defined (which one applies is unknown).
    /// </summary>
    public StreamModel? StreamOf(ConsumerModel consumer) =>
        consumer.Stream ?? (KnownName(consumer.StreamName) is { } name && streamsByName.TryGetValue(name, out var list) && list.Count == 1 ? list[0] : null);

    /// <summary>The consumers defined for the stream of that name.</summary>
    public IReadOnlyList<ConsumerModel> ConsumersOf(string name) =>
        consumersByStream.TryGetValue(name, out var list) ? list : Array.Empty<ConsumerModel>();

    /// <summary>The stream's mirror and its sources, as far as they are known.</summary>
    public static IEnumerable<StreamSourceModel> Origins(StreamModel stream)
    {
        if (stream.Mirror.TryGet(out var mirror) && mirror is not null)
        {
            yield return mirror;
        }

        if (stream.Sources.TryGet(out var sources) && sources is not null)
        {
            foreach (var source in sources)
            {
                yield return source;
            }
        }
    }

    public static string? KnownName(ConfigValue<string> name) => name.TryGet(out var value) && !string.IsNullOrEmpty(value) ? value : null;

    internal static void Add<T>(Dictionary<string, List<T>> index, string key, T item)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<T>();
        }

        list.Add(item);
    }
}

/// <summary>A check across all the definitions of a <see cref="DefinitionSet"/>.</summary>
public abstract class DefinitionSetRule
{
    public abstract RuleInfo Rule { get; }

    public abstract void Evaluate(DefinitionSet set, ICollection<Finding> findings);

    protected Finding Report(object? origin, params object?[] arguments) => new(Rule, origin, arguments);
}
