using System.Collections.Generic;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers.Configuration;

/// <summary>Turns the writes of a <see cref="ConfigObject"/> (or a nested initializer) into model values.</summary>
internal readonly struct WriteReader
{
    private readonly IReadOnlyDictionary<string, PropertyWrite> writes;
    private readonly FieldScope? scope;
    private readonly StreamKind kind;

    public WriteReader(IReadOnlyDictionary<string, PropertyWrite> writes)
        : this(writes, null, StreamKind.Stream)
    {
    }

    private WriteReader(IReadOnlyDictionary<string, PropertyWrite> writes, FieldScope? scope, StreamKind kind)
    {
        this.writes = writes;
        this.scope = scope;
        this.kind = kind;
    }

    /// <summary>
    /// The same writes, read by the JSON names of the field schema ("max_age"), which gives each the NATS.Net property
    /// of <paramref name="fieldScope"/> (and of a key-value or object store's config for those kinds).
    /// </summary>
    public WriteReader BySchema(FieldScope fieldScope, StreamKind streamKind = StreamKind.Stream) => new(writes, fieldScope, streamKind);

    /// <summary>Writes of an inline <c>new T { … }</c>; null when the value is not one.</summary>
    public static WriteReader? ForInitializer(IOperation? value)
    {
        if (Values.Unwrap(value) is not IObjectCreationOperation creation)
        {
            return null;
        }

        var writes = new Dictionary<string, PropertyWrite>();
        if (creation.Initializer is { } initializer)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    writes[property.Property.Name] = new PropertyWrite(assignment.Value, assignment.Syntax, uncertain: false);
                }
                else
                {
                    return null;
                }
            }
        }

        return new WriteReader(writes);
    }

    public bool Has(string property) => writes.ContainsKey(Key(property));

    public IOperation? Raw(string property) => writes.TryGetValue(Key(property), out var write) && !write.Uncertain ? write.Value : null;

    public ConfigValue<long> Long(string property) => Read(property, Values.Long);

    public ConfigValue<ulong> ULong(string property) => Read(property, Values.ULong);

    public ConfigValue<bool> Bool(string property) => Read(property, Values.Bool);

    public ConfigValue<string> String(string property) => Read(property, Values.String);

    public ConfigValue<long> Duration(string property) => Read(property, Values.Duration);

    public ConfigValue<IReadOnlyList<string>> StringList(string property) => Read(property, Values.StringList);

    public ConfigValue<IReadOnlyList<long>> DurationList(string property) => Read(property, Values.DurationList);

    public ConfigValue<long> MetadataSize(string property) => Read(property, Values.MetadataSize);

    /// <summary>Maps an enum member name; names missing from <paramref name="map"/> are unknown.</summary>
    public ConfigValue<T> Enum<T>(string property, IReadOnlyDictionary<string, T> map)
    {
        var name = Read(property, Values.EnumName);
        if (!name.IsKnown)
        {
            return name.IsAbsent ? ConfigValue<T>.Absent : ConfigValue<T>.Unknown(name.Origin);
        }

        return map.TryGetValue(name.Value, out var value) ? ConfigValue<T>.Known(value, name.Origin) : ConfigValue<T>.Unknown(name.Origin);
    }

    /// <summary>True when set to anything but null/default (the server only cares whether it is present).</summary>
    public ConfigValue<bool> Presence(string property)
    {
        if (!writes.TryGetValue(Key(property), out var write))
        {
            return ConfigValue<bool>.Absent;
        }

        var origin = write.Node.GetLocation();
        if (write.Uncertain)
        {
            return ConfigValue<bool>.Unknown(origin);
        }

        var value = Values.Unwrap(write.Value);
        if (Values.IsNull(value) || value is IDefaultValueOperation)
        {
            return ConfigValue<bool>.Known(false, origin);
        }

        // A list literal is set when it has elements (an empty list sends nothing).
        if (Values.Elements(write.Value) is { } elements)
        {
            return ConfigValue<bool>.Known(elements.Count > 0, origin);
        }

        // Set for sure only when the value can't be null or default at run time: a new object, a constant, or a
        // non-nullable struct converted to a nullable property (PauseUntil = DateTimeOffset.UtcNow). A variable may
        // hold null (or default(DateTimeOffset), which NATS.Net leaves out), so it is unknown.
        var definitelySet = value is IObjectCreationOperation or IAnonymousObjectCreationOperation
            || value is { ConstantValue.HasValue: true }
            || write.Value is IConversionOperation { Type.OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } conversion
                && conversion.Operand.Type is { IsValueType: true, OriginalDefinition.SpecialType: not SpecialType.System_Nullable_T };
        return definitelySet ? ConfigValue<bool>.Known(true, origin) : ConfigValue<bool>.Unknown(origin);
    }

    public Location? LocationOf(string property) => writes.TryGetValue(Key(property), out var write) ? write.Node.GetLocation() : null;

    private ConfigValue<T> Read<T>(string property, System.Func<IOperation?, object?, ConfigValue<T>> read)
    {
        if (!writes.TryGetValue(Key(property), out var write))
        {
            return ConfigValue<T>.Absent;
        }

        var origin = write.Node.GetLocation();
        return write.Uncertain || write.Value is null ? ConfigValue<T>.Unknown(origin) : read(write.Value, origin);
    }

    private string Key(string name) => scope is { } s ? FieldSchema.CSharpName(s, name, kind) : name;
}
