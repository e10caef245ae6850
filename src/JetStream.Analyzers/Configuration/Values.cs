using System;
using System.Collections.Generic;
using JetStream.Analyzers.Rules.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers.Configuration;

/// <summary>
/// Reads compile-time values out of operations: constants, enum members, TimeSpan factories, and arrays, lists or
/// collection expressions of those. Anything else is unknown.
/// </summary>
internal static class Values
{
    private const long NanosPerTick = 100;

    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    public static bool IsNull(IOperation? operation) =>
        Unwrap(operation) is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation { Type.IsReferenceType: true };

    public static ConfigValue<long> Long(IOperation? value, object? origin)
    {
        var operation = Unwrap(value);

        // The converted constant when there is one: unchecked((int)4294967299L) is 3, not 4294967299.
        var converted = value is { ConstantValue.HasValue: true } ? value.ConstantValue : operation?.ConstantValue ?? default;
        if (converted is { HasValue: true, Value: { } constant } && TryInt64(constant, out var number))
        {
            return ConfigValue<long>.Known(number, origin);
        }

        return operation is IDefaultValueOperation ? ConfigValue<long>.Known(0, origin) : ConfigValue<long>.Unknown(origin);
    }

    public static ConfigValue<ulong> ULong(IOperation? value, object? origin)
    {
        var operation = Unwrap(value);
        if (operation?.ConstantValue is { HasValue: true, Value: { } constant } && IsInteger(constant))
        {
            try
            {
                return ConfigValue<ulong>.Known(Convert.ToUInt64(constant, System.Globalization.CultureInfo.InvariantCulture), origin);
            }
            catch (OverflowException)
            {
                return ConfigValue<ulong>.Unknown(origin);
            }
        }

        return ConfigValue<ulong>.Unknown(origin);
    }

    public static ConfigValue<bool> Bool(IOperation? value, object? origin) =>
        Unwrap(value)?.ConstantValue is { HasValue: true, Value: bool b } ? ConfigValue<bool>.Known(b, origin) : ConfigValue<bool>.Unknown(origin);

    public static ConfigValue<string> String(IOperation? value, object? origin) =>
        Unwrap(value)?.ConstantValue is { HasValue: true } constant && constant.Value is null or string
            ? ConfigValue<string>.Known((string?)constant.Value!, origin)
            : ConfigValue<string>.Unknown(origin);

    /// <summary>An enum member's name, e.g. "Memory" for StreamConfigStorage.Memory; unknown otherwise.</summary>
    public static ConfigValue<string> EnumName(IOperation? value, object? origin)
    {
        var operation = Unwrap(value);
        if (operation?.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && operation.ConstantValue is { HasValue: true, Value: { } constant })
        {
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant))
                {
                    return ConfigValue<string>.Known(field.Name, origin);
                }
            }
        }

        return ConfigValue<string>.Unknown(origin);
    }

    /// <summary>A TimeSpan in nanoseconds: TimeSpan.FromX(constant), new TimeSpan(constants), TimeSpan.Zero, default.</summary>
    public static ConfigValue<long> Duration(IOperation? value, object? origin) =>
        TryDuration(value, out var nanos) ? ConfigValue<long>.Known(nanos, origin) : ConfigValue<long>.Unknown(origin);

    public static bool TryDuration(IOperation? value, out long nanos)
    {
        nanos = 0;
        var operation = Unwrap(value);
        switch (operation)
        {
            case IDefaultValueOperation:
                return true;
            case IFieldReferenceOperation { Field.Name: "Zero" } field when IsTimeSpan(field.Field.ContainingType):
                return true;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negate when TryDuration(negate.Operand, out var positive):
                nanos = -positive;
                return true;
            case IInvocationOperation { Instance: null } call when IsTimeSpan(call.TargetMethod.ContainingType) && call.Arguments.Length >= 1:
                return TryFactory(call, out nanos);
            case IObjectCreationOperation creation when IsTimeSpan(creation.Type):
                return TryConstructor(creation, out nanos);
            default:
                return false;
        }
    }

    public static ConfigValue<IReadOnlyList<string>> StringList(IOperation? value, object? origin) =>
        List(value, origin, element => Unwrap(element)?.ConstantValue is { HasValue: true, Value: string s } ? s : null);

    public static ConfigValue<IReadOnlyList<long>> DurationList(IOperation? value, object? origin) =>
        List<long?, long>(value, origin, element => TryDuration(element, out var nanos) ? nanos : null, n => n!.Value);

    /// <summary>Sum of key and value lengths of a dictionary initializer, as the server measures metadata.</summary>
    public static ConfigValue<long> MetadataSize(IOperation? value, object? origin)
    {
        var operation = Unwrap(value);
        if (IsNull(operation))
        {
            return ConfigValue<long>.Known(0, origin);
        }

        if (operation is not IObjectCreationOperation { Initializer: { } initializer })
        {
            return ConfigValue<long>.Unknown(origin);
        }

        long size = 0;
        foreach (var item in initializer.Initializers)
        {
            var (key, entry) = item switch
            {
                IInvocationOperation { Arguments.Length: 2 } add => (add.Arguments[0].Value, add.Arguments[1].Value),
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } set => (indexer.Arguments[0].Value, set.Value),
                _ => (null, null),
            };
            if (Unwrap(key)?.ConstantValue.Value is not string k || Unwrap(entry)?.ConstantValue is not { HasValue: true } v || v.Value is not (null or string))
            {
                return ConfigValue<long>.Unknown(origin);
            }

            size += System.Text.Encoding.UTF8.GetByteCount(k) + System.Text.Encoding.UTF8.GetByteCount((string?)v.Value ?? string.Empty);
        }

        return ConfigValue<long>.Known(size, origin);
    }

    /// <summary>The element operations of an array, collection initializer or collection expression; null when not one.</summary>
    public static IReadOnlyList<IOperation>? Elements(IOperation? value)
    {
        switch (Unwrap(value))
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues;
            case IArrayCreationOperation { DimensionSizes.Length: 1 } empty when empty.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 }:
                return Array.Empty<IOperation>();
            case IObjectCreationOperation { Initializer: { } initializer }:
                var items = new List<IOperation>();
                foreach (var item in initializer.Initializers)
                {
                    if (item is not IInvocationOperation { Arguments.Length: 1 } add)
                    {
                        return null;
                    }

                    items.Add(add.Arguments[0].Value);
                }

                return items;
            case IObjectCreationOperation { Initializer: null, Arguments.Length: 0 }:
                return Array.Empty<IOperation>();
            case { Syntax: CollectionExpressionSyntax collection, SemanticModel: { } model }:
                // Roslyn 4.8 has no operation node for collection expressions; read the elements from syntax.
                var elements = new List<IOperation>(collection.Elements.Count);
                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax { Expression: { } expression } || model.GetOperation(expression) is not { } operation)
                    {
                        return null;
                    }

                    elements.Add(operation);
                }

                return elements;
            case IInvocationOperation { TargetMethod.Name: "Empty", TargetMethod.ContainingType.Name: "Array", Arguments.Length: 0 }:
                return Array.Empty<IOperation>();
            default:
                return null;
        }
    }

    private static ConfigValue<IReadOnlyList<T>> List<T>(IOperation? value, object? origin, Func<IOperation, T?> read)
        where T : class => List<T?, T>(value, origin, read, x => x!);

    private static ConfigValue<IReadOnlyList<TOut>> List<TIn, TOut>(IOperation? value, object? origin, Func<IOperation, TIn> read, Func<TIn, TOut> convert)
    {
        if (IsNull(value))
        {
            return ConfigValue<IReadOnlyList<TOut>>.Known(Array.Empty<TOut>(), origin);
        }

        var elements = Elements(value);
        if (elements is null)
        {
            return ConfigValue<IReadOnlyList<TOut>>.Unknown(origin);
        }

        var result = new List<TOut>(elements.Count);
        foreach (var element in elements)
        {
            var item = read(element);
            if (item is null)
            {
                return ConfigValue<IReadOnlyList<TOut>>.Unknown(origin);
            }

            result.Add(convert(item));
        }

        return ConfigValue<IReadOnlyList<TOut>>.Known(result, origin);
    }

    // Nanoseconds per unit of each argument of the TimeSpan factories, the method's own unit first.
    private static readonly double[] DayScale = { 86400e9, 3600e9, 60e9, 1e9, 1e6, 1e3 };
    private static readonly double[] HourScale = { 3600e9, 60e9, 1e9, 1e6, 1e3 };
    private static readonly double[] MinuteScale = { 60e9, 1e9, 1e6, 1e3 };
    private static readonly double[] SecondScale = { 1e9, 1e6, 1e3 };
    private static readonly double[] MillisecondScale = { 1e6, 1e3 };
    private static readonly double[] MicrosecondScale = { 1e3 };
    private static readonly double[] TickScale = { 100.0 };

    private static bool TryFactory(IInvocationOperation call, out long nanos)
    {
        nanos = 0;
        var args = new double[call.Arguments.Length];
        for (var i = 0; i < args.Length; i++)
        {
            if (call.Arguments[i].ArgumentKind == ArgumentKind.DefaultValue)
            {
                args[i] = 0;
                continue;
            }

            if (Unwrap(call.Arguments[i].Value)?.ConstantValue is not { HasValue: true, Value: { } constant } || !IsNumber(constant))
            {
                return false;
            }

            args[i] = Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture);
        }

        // .NET 9 added integer overloads such as FromSeconds(long seconds, long milliseconds = 0, ...); the first
        // argument is in the method's unit and the optional ones are finer units.
        var scale = call.TargetMethod.Name switch
        {
            "FromDays" => DayScale,
            "FromHours" => HourScale,
            "FromMinutes" => MinuteScale,
            "FromSeconds" => SecondScale,
            "FromMilliseconds" => MillisecondScale,
            "FromMicroseconds" => MicrosecondScale,
            "FromTicks" => TickScale,
            _ => Array.Empty<double>(),
        };
        if (scale.Length < args.Length)
        {
            return false;
        }

        double total = 0;
        for (var i = 0; i < args.Length; i++)
        {
            total += args[i] * scale[i];
        }

        // Out of the nanosecond range of a long: NATS.Net's own conversion saturates or wraps; don't guess.
        if (double.IsNaN(total) || Math.Abs(total) >= long.MaxValue)
        {
            return false;
        }

        nanos = (long)Math.Round(total);
        return true;
    }

    private static bool TryConstructor(IObjectCreationOperation creation, out long nanos)
    {
        nanos = 0;
        var values = new List<long>();
        foreach (var argument in creation.Arguments)
        {
            if (Unwrap(argument.Value)?.ConstantValue is not { HasValue: true, Value: { } constant } || !TryInt64(constant, out var number))
            {
                return false;
            }

            values.Add(number);
        }

        try
        {
            checked
            {
                long ticks = values.Count switch
                {
                    0 => 0,
                    1 => values[0],
                    3 => ((values[0] * 60 + values[1]) * 60 + values[2]) * TimeSpan.TicksPerSecond,
                    4 => (((values[0] * 24 + values[1]) * 60 + values[2]) * 60 + values[3]) * TimeSpan.TicksPerSecond,
                    5 => ((((values[0] * 24 + values[1]) * 60 + values[2]) * 60 + values[3]) * 1000 + values[4]) * TimeSpan.TicksPerMillisecond,
                    _ => long.MinValue,
                };
                if (ticks == long.MinValue)
                {
                    return false;
                }

                nanos = ticks * NanosPerTick;
                return true;
            }
        }
        catch (OverflowException)
        {
            // Out of the nanosecond range of a long: unknown.
            nanos = 0;
            return false;
        }
    }

    private static bool IsTimeSpan(ITypeSymbol? type) =>
        type is { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>
    /// An integer constant as a long. False for a ulong above long.MaxValue, which half-typed code (a literal the
    /// property's type can't hold) hands over unconverted: such a value is unknown, never an exception.
    /// </summary>
    private static bool TryInt64(object value, out long number)
    {
        number = 0;
        if (!IsInteger(value) || value is ulong and > long.MaxValue)
        {
            return false;
        }

        number = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsInteger(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong;

    private static bool IsNumber(object value) => IsInteger(value) || value is float or double or decimal;
}
