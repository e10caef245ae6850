using System;
using System.Collections.Concurrent;
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
internal sealed class ModelMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<TKey, TValue>> tables = new();
    private readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<TKey, TValue>>.CreateValueCallback create;

    public ModelMemo(IEqualityComparer<TKey>? comparer = null)
    {
        create = _ => new ConcurrentDictionary<TKey, TValue>(comparer ?? EqualityComparer<TKey>.Default);
    }

    public TValue GetOrAdd<TState>(SemanticModel model, TKey key, TState state, Func<TKey, TState, TValue> compute)
    {
        var table = tables.GetValue(model, create);
        if (table.TryGetValue(key, out var value))
        {
            return value;
        }

        return table.GetOrAdd(key, compute(key, state));
    }
}
