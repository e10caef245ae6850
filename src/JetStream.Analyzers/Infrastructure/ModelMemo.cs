using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>
/// Results that several analyzers (or several callbacks of one) compute for the same node or symbol of a semantic
/// model: the first caller computes, the others look up. The compiler hands every analyzer the same semantic model
/// for a tree, so a table per model is shared by all of them and dropped with the model. Safe under concurrent
/// execution: two callers that race may both compute, and both get the first stored result.
/// </summary>
/// <remarks>
/// Nothing here takes a lock after a model's first lookup: the analyzers of one document run at the same time on the
/// compiler's threads, and a lock around each lookup (later, around each insertion) had them spinning on one another,
/// a third of the sampled time of JS3006 and JS3008 on code that is mostly JetStream wiring (issue 10). A table holds a
/// handful of entries, so it is an immutable dictionary replaced by compare-and-swap. Every memo's table of a model
/// hangs off one <see cref="ModelTables"/>: a weak table takes a lock to add a key, and one such table per memo had
/// the first analyzers of each document meet on six of them.
/// </remarks>
internal sealed class ModelMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly int slot = ModelTables.NewSlot();
    private readonly ImmutableDictionary<TKey, TValue> empty;

    public ModelMemo(IEqualityComparer<TKey>? comparer = null)
    {
        empty = ImmutableDictionary.Create<TKey, TValue>(comparer ?? EqualityComparer<TKey>.Default);
    }

    public TValue GetOrAdd<TState>(SemanticModel model, TKey key, TState state, Func<TKey, TState, TValue> compute)
    {
        var table = ModelTables.Of(model).Get(slot, empty);
        if (table.Entries.TryGetValue(key, out var value))
        {
            return value;
        }

        // Computed outside any update: computing may look up other entries of the same table (a trace follows locals and fields).
        return ImmutableInterlocked.GetOrAdd(ref table.Entries, key, compute(key, state));
    }

    internal sealed class Table
    {
        public ImmutableDictionary<TKey, TValue> Entries;

        public Table(ImmutableDictionary<TKey, TValue> entries) => Entries = entries;
    }
}

/// <summary>The tables of every <see cref="ModelMemo{TKey, TValue}"/> for one semantic model, a slot per memo.</summary>
internal sealed class ModelTables
{
    // Every memo is a static field; more than this many is a programming error that the first test using it reports.
    private const int Capacity = 16;

    private static readonly ConditionalWeakTable<SemanticModel, ModelTables> PerModel = new();
    private static readonly ConditionalWeakTable<SemanticModel, ModelTables>.CreateValueCallback Create = _ => new ModelTables();
    private static int slots;

    private readonly object?[] tables = new object?[Capacity];

    public static ModelTables Of(SemanticModel model) =>
        PerModel.TryGetValue(model, out var found) ? found : PerModel.GetValue(model, Create);

    public static int NewSlot()
    {
        var slot = Interlocked.Increment(ref slots) - 1;
        return slot < Capacity ? slot : throw new InvalidOperationException($"More than {Capacity} ModelMemo instances; raise ModelTables.Capacity.");
    }

    public ModelMemo<TKey, TValue>.Table Get<TKey, TValue>(int slot, ImmutableDictionary<TKey, TValue> empty)
        where TKey : notnull
    {
        if (Volatile.Read(ref tables[slot]) is ModelMemo<TKey, TValue>.Table table)
        {
            return table;
        }

        var created = new ModelMemo<TKey, TValue>.Table(empty);
        return Interlocked.CompareExchange(ref tables[slot], created, null) as ModelMemo<TKey, TValue>.Table ?? created;
    }
}
