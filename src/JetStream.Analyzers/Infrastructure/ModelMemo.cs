using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
/// handful of entries, so it is an immutable dictionary replaced by compare-and-swap.
/// </remarks>
internal sealed class ModelMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConditionalWeakTable<SemanticModel, Table> tables = new();
    private readonly ConditionalWeakTable<SemanticModel, Table>.CreateValueCallback create;

    public ModelMemo(IEqualityComparer<TKey>? comparer = null)
    {
        var empty = ImmutableDictionary.Create<TKey, TValue>(comparer ?? EqualityComparer<TKey>.Default);
        create = _ => new Table(empty);
    }

    public TValue GetOrAdd<TState>(SemanticModel model, TKey key, TState state, Func<TKey, TState, TValue> compute)
    {
        var table = tables.GetValue(model, create);
        if (table.Entries.TryGetValue(key, out var value))
        {
            return value;
        }

        // Computed outside any update: computing may look up other entries of the same table (a trace follows locals and fields).
        return ImmutableInterlocked.GetOrAdd(ref table.Entries, key, compute(key, state));
    }

    private sealed class Table
    {
        public ImmutableDictionary<TKey, TValue> Entries;

        public Table(ImmutableDictionary<TKey, TValue> entries) => Entries = entries;
    }
}
