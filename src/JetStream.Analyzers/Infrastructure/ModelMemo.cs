using System;
using System.Collections.Generic;
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
/// A table holds a handful of entries and is created for every tree, so it is a plain dictionary under a lock: a
/// ConcurrentDictionary per tree (lock array, 31 buckets) made the memo itself the larger part of JS3006's and JS3008's
/// time on code that is mostly JetStream wiring (issue 10).
/// </remarks>
internal sealed class ModelMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConditionalWeakTable<SemanticModel, Dictionary<TKey, TValue>> tables = new();
    private readonly ConditionalWeakTable<SemanticModel, Dictionary<TKey, TValue>>.CreateValueCallback create;

    public ModelMemo(IEqualityComparer<TKey>? comparer = null)
    {
        var keys = comparer ?? EqualityComparer<TKey>.Default;
        create = _ => new Dictionary<TKey, TValue>(keys);
    }

    public TValue GetOrAdd<TState>(SemanticModel model, TKey key, TState state, Func<TKey, TState, TValue> compute)
    {
        var table = tables.GetValue(model, create);
        lock (table)
        {
            if (table.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        // Outside the lock: computing may look up other entries of the same table (a trace follows locals and fields).
        var computed = compute(key, state);
        lock (table)
        {
            if (table.TryGetValue(key, out var value))
            {
                return value;
            }

            table[key] = computed;
            return computed;
        }
    }
}
