using System;
using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

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
    private readonly HashSet<string> readWithoutDefinition = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StreamModel?> agreeing = new(StringComparer.Ordinal);
    private NearMissIndex<StreamModel>? streamNames;
    private bool copiesUnknown;

    /// <param name="complete">True when no stream or consumer exists beyond these (a file set); rules about what is missing run only then.</param>
    /// <param name="frontEnd">How messages place other definitions; <see cref="DefinitionSetFrontEnd.Default"/> when omitted.</param>
    /// <param name="existing">The streams that exist beside these definitions (the live check's server), counted as copies, origins and readers.</param>
    public DefinitionSet(
        IReadOnlyList<(StreamModel Model, RuleContext Context)> streams,
        IReadOnlyList<(ConsumerModel Model, RuleContext Context)> consumers,
        bool complete,
        DefinitionSetFrontEnd? frontEnd = null,
        ExistingStreams? existing = null)
        : this(streams, consumers, complete, complete, frontEnd, existing)
    {
    }

    /// <param name="streamsComplete">True when no stream exists beyond these and <paramref name="existing"/>.</param>
    /// <param name="consumersComplete">
    /// True when these are all the readers of the streams defined here: no other consumer, mirror or source of them
    /// exists. A compilation that defines consumers is taken to define all of them for its streams.
    /// </param>
    /// <param name="existing">The streams that exist beside the definitions (the live check's server).</param>
    /// <param name="otherReaders">
    /// The streams read through consumers that are not among <paramref name="consumers"/>, whose filters are unknown: in
    /// C#, ordered consumers and consumers looked up by name. An unknown stream might be any of them.
    /// </param>
    public DefinitionSet(
        IReadOnlyList<(StreamModel Model, RuleContext Context)> streams,
        IReadOnlyList<(ConsumerModel Model, RuleContext Context)> consumers,
        bool streamsComplete,
        bool consumersComplete,
        DefinitionSetFrontEnd? frontEnd = null,
        ExistingStreams? existing = null,
        IEnumerable<ConfigValue<string>>? otherReaders = null)
    {
        Existing = existing;
        FrontEnd = frontEnd ?? DefinitionSetFrontEnd.Default;
        Streams = streams;
        Consumers = consumers;
        StreamsComplete = streamsComplete;
        ConsumersComplete = consumersComplete;
        foreach (var (stream, _) in streams)
        {
            if (KnownName(stream.Name) is { } name)
            {
                Add(streamsByName, name, stream);
            }

            if (stream.Mirror.IsUnknown || stream.Sources.IsUnknown)
            {
                copiesUnknown = true;
            }

            foreach (var origin in Origins(stream))
            {
                if (KnownName(origin.Name) is { } source)
                {
                    copied.Add(source);
                }
                else if (!origin.Name.IsAbsent)
                {
                    copiesUnknown = true;
                }
            }
        }

        foreach (var (consumer, _) in consumers)
        {
            if (KnownName(consumer.StreamName) is { } name)
            {
                Add(consumersByStream, name, consumer);
            }
            else
            {
                // A consumer of a stream unknown here might read any of them.
                ConsumersComplete = false;
            }
        }

        foreach (var stream in otherReaders ?? Array.Empty<ConfigValue<string>>())
        {
            if (KnownName(stream) is { } name)
            {
                readWithoutDefinition.Add(name);
            }
            else
            {
                ConsumersComplete = false;
            }
        }
    }

    public IReadOnlyList<(StreamModel Model, RuleContext Context)> Streams { get; }

    public IReadOnlyList<(ConsumerModel Model, RuleContext Context)> Consumers { get; }

    /// <summary>True when no stream exists beyond these (and <see cref="Existing"/>): a missing name is missing.</summary>
    public bool StreamsComplete { get; }

    /// <summary>
    /// True when the consumers here are all that read the streams defined here (and each names its stream): a stream
    /// without one has no reader. False as soon as one consumer's stream is unknown.
    /// </summary>
    public bool ConsumersComplete { get; }

    /// <summary>True when both streams and consumers are complete, as in a set of files linted together.</summary>
    public bool IsComplete => StreamsComplete && ConsumersComplete;

    public DefinitionSetFrontEnd FrontEnd { get; }

    /// <summary>The streams that exist beside the definitions; null when the front end knows none (no live check).</summary>
    public ExistingStreams? Existing { get; }

    /// <summary>True when some definition has a stream of that name, or it exists elsewhere.</summary>
    public bool Provides(string name) => streamsByName.ContainsKey(name) || Existing?.Contains(name) == true;

    /// <summary>
    /// The defined streams whose name is a near miss of <paramref name="name"/> (<see cref="Names.IsNearMiss"/>): what a
    /// misspelled reference probably meant. The index is built on first use, so sets that never ask pay nothing.
    /// </summary>
    public IReadOnlyList<StreamModel> NearMisses(string name)
    {
        if (streamNames is null)
        {
            var index = new NearMissIndex<StreamModel>();
            foreach (var pair in streamsByName)
            {
                foreach (var stream in pair.Value)
                {
                    index.Add(pair.Key, stream);
                }
            }

            streamNames = index;
        }

        return streamNames.Find(name);
    }

    /// <summary>
    /// For a stream name a definition refers to: null when the stream is provided, or when it may exist beyond the set
    /// (streams not complete) and is no near miss of a defined one; otherwise what to add to the message, empty or
    /// " (did you mean 'ORDERS', defined at orders.json(2,11)?)".
    /// </summary>
    public string? MissingStreamHint(string name)
    {
        if (Provides(name))
        {
            return null;
        }

        var meant = NearMisses(name) is { Count: > 0 } near ? near[0] : null;
        if (meant is null)
        {
            return StreamsComplete ? string.Empty : null;
        }

        return $" (did you mean '{meant.Name.Value}', defined at {FrontEnd.Display(meant.Name.Origin ?? meant.Origin)}?)";
    }

    /// <summary>
    /// True when a defined stream mirrors or sources the stream of that name, or might (a mirror or source whose name
    /// is unknown, computed at run time, could be any stream), or an existing one does (or may) that no definition replaces.
    /// </summary>
    public bool IsCopied(string name) => copiesUnknown || copied.Contains(name) || Existing?.MayCopy(name, streamsByName.ContainsKey) == true;

    /// <summary>
    /// The stream a consumer is created on: the one the front end linked (config files do), else the only defined
    /// stream of the consumer's stream name; null when none or several are defined (which one applies is unknown).
    /// Where repeated definitions are normal (<see cref="DefinitionSetFrontEnd.DuplicatesOnlyWhenSettingsDiffer"/>),
    /// several that agree on what the consumer rules read (subjects, retention, no mirror or sources) are that one stream.
    /// </summary>
    public StreamModel? StreamOf(ConsumerModel consumer)
    {
        if (consumer.Stream is not null)
        {
            return consumer.Stream;
        }

        if (KnownName(consumer.StreamName) is not { } name || !streamsByName.TryGetValue(name, out var list))
        {
            return null;
        }

        if (list.Count == 1)
        {
            return list[0];
        }

        if (!FrontEnd.DuplicatesOnlyWhenSettingsDiffer)
        {
            return null;
        }

        if (!agreeing.TryGetValue(name, out var stream))
        {
            agreeing[name] = stream = list.TrueForAll(s => SameForConsumers(list[0], s)) ? list[0] : null;
        }

        return stream;
    }

    /// <summary>Both define the same plain stream as far as the consumer rules see it; anything unknown or copied disagrees.</summary>
    private static bool SameForConsumers(StreamModel a, StreamModel b) =>
        a.Mirror.IsAbsent && b.Mirror.IsAbsent && NoSources(a) && NoSources(b)
        && a.Retention.Kind == b.Retention.Kind && !a.Retention.IsUnknown && a.Retention.Value == b.Retention.Value
        && a.Subjects.TryGet(out var mine) && b.Subjects.TryGet(out var theirs) && mine is not null && theirs is not null
        && new HashSet<string>(mine, StringComparer.Ordinal).SetEquals(theirs);

    private static bool NoSources(StreamModel stream) => stream.Sources.IsAbsent || stream.Sources.TryGet(out var sources) && sources is not { Count: > 0 };

    /// <summary>True when a consumer is defined for the stream of that name, or another reader (<c>otherReaders</c>) reads it.</summary>
    public bool IsRead(string name) => consumersByStream.ContainsKey(name) || readWithoutDefinition.Contains(name);

    /// <summary>True when a reader that is no definition here reads the stream of that name: what it takes is unknown.</summary>
    public bool IsReadWithoutDefinition(string name) => readWithoutDefinition.Contains(name);

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
