using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>
/// Compares definitions of the same stream or consumer over every <see cref="ConfigValue{T}"/> property of the
/// model, so that a field added to the model is compared without being listed here. Only values known on both sides
/// count: an absent or unknown value never makes two definitions different.
/// </summary>
public static class KnownSettings
{
    private static readonly ConcurrentDictionary<Type, Setting[]> SettingsOf = new();

    /// <summary>
    /// The JSON paths ("max_age", "placement.cluster") of the fields on which some definition's known value differs
    /// from the first known one, in the model's order; empty when all agree.
    /// </summary>
    public static List<string> Differing<TModel>(IReadOnlyList<TModel> definitions)
        where TModel : class
    {
        var fields = new List<string>();
        foreach (var setting in Settings(typeof(TModel)))
        {
            object? first = null;
            var seen = false;
            foreach (var definition in definitions)
            {
                if (!setting.TryGet(definition, out var value))
                {
                    continue;
                }

                if (!seen)
                {
                    (first, seen) = (value, true);
                }
                else if (!Same(first, value))
                {
                    if (!fields.Contains(setting.Json))
                    {
                        fields.Add(setting.Json);
                    }

                    break;
                }
            }
        }

        return fields;
    }

    /// <summary>The compared fields of a model type, for tests: property name and JSON path.</summary>
    public static IEnumerable<(string Property, string Json)> Fields(Type model) => Settings(model).Select(s => (s.Property.Name, s.Json));

    /// <summary>Equal as far as both are known: strings lists as sets, other lists in order, nested models field by field.</summary>
    private static bool Same(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a is string || a.GetType().IsValueType)
        {
            return a.Equals(b);
        }

        if (a is IEnumerable listA && b is IEnumerable listB)
        {
            var itemsA = listA.Cast<object?>().ToList();
            var itemsB = listB.Cast<object?>().ToList();
            if (itemsA.All(i => i is string) && itemsB.All(i => i is string))
            {
                return new HashSet<string>(itemsA.Cast<string>(), StringComparer.Ordinal).SetEquals(itemsB.Cast<string>());
            }

            return itemsA.Count == itemsB.Count && itemsA.Zip(itemsB, Same).All(same => same);
        }

        if (a.GetType() != b.GetType())
        {
            return false;
        }

        foreach (var setting in Settings(a.GetType()))
        {
            if (setting.TryGet(a, out var valueA) && setting.TryGet(b, out var valueB) && !Same(valueA, valueB))
            {
                return false;
            }
        }

        return true;
    }

    private static Setting[] Settings(Type model) => SettingsOf.GetOrAdd(model, type =>
    {
        var scope = type == typeof(ConsumerModel) ? FieldScope.Consumer : FieldScope.Stream;
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(ConfigValue<>) && p.GetIndexParameters().Length == 0)
            .Select(p => new Setting(p, JsonPath(scope, p.Name)))
            .ToArray();
    });

    /// <summary>The field a model property holds: the schema row of the same NATS.Net or JSON name, else the model's own spelling.</summary>
    private static string JsonPath(FieldScope scope, string property)
    {
        if (ModelOnly.TryGetValue(property, out var path))
        {
            return path;
        }

        var flat = property.ToLowerInvariant();
        var field = FieldSchema.In(scope).FirstOrDefault(f => f.CSharp == property)
            ?? FieldSchema.In(scope).FirstOrDefault(f => f.Json.Replace("_", string.Empty) == flat);
        return field?.Json ?? property;
    }

    // Model properties that hold part of a field, or a fact about it, under a name of their own.
    private static readonly Dictionary<string, string> ModelOnly = new(StringComparer.Ordinal)
    {
        ["BucketName"] = "bucket",
        ["FirstSequence"] = "first_seq",
        ["HasRepublish"] = "republish",
        ["RepublishSource"] = "republish.src",
        ["RepublishDestination"] = "republish.dest",
        ["MetadataBytes"] = "metadata",
        ["MetadataServerKeyBytes"] = "metadata",
        ["PlacementCluster"] = "placement.cluster",
        ["PlacementTags"] = "placement.tags",
        ["PlacementPreferred"] = "placement.preferred",
        ["HasSubjectTransform"] = "subject_transform",
        ["HasConsumerLimits"] = "consumer_limits",
        ["ConsumerLimitMaxAckPending"] = "consumer_limits.max_ack_pending",
        ["ConsumerLimitInactiveThreshold"] = "consumer_limits.inactive_threshold",
        ["AsyncPersist"] = "persist_mode",
        ["StreamName"] = "stream_name",
        ["HasOptStartTime"] = "opt_start_time",
        ["FixedPauseUntil"] = "pause_until",
        ["HasPauseUntil"] = "pause_until",
        ["HasPriorityPolicy"] = "priority_policy",
        ["PriorityTimeout"] = "priority_timeout",
        ["SampleFrequency"] = "sample_freq",
    };

    private sealed class Setting
    {
        private readonly PropertyInfo kind;
        private readonly PropertyInfo value;

        public Setting(PropertyInfo property, string json)
        {
            Property = property;
            Json = json;
            kind = property.PropertyType.GetProperty(nameof(ConfigValue<int>.Kind))!;
            value = property.PropertyType.GetProperty(nameof(ConfigValue<int>.Value))!;
        }

        public PropertyInfo Property { get; }

        public string Json { get; }

        public bool TryGet(object model, out object? known)
        {
            var boxed = Property.GetValue(model);
            known = null;
            if (boxed is null || (ValueKind)kind.GetValue(boxed)! != ValueKind.Known)
            {
                return false;
            }

            known = value.GetValue(boxed);
            return true;
        }
    }
}
