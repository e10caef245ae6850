using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace JetStream.Analyzers.Configuration;

/// <summary>
/// A configuration object as the code builds it before the NATS call: its creation, constructor arguments and the
/// property writes that reach the call. Writes that happen only on some paths are kept as uncertain.
/// </summary>
internal sealed class ConfigObject
{
    public ConfigObject(ITypeSymbol type, SyntaxNode creation)
    {
        Type = type;
        Creation = creation;
    }

    private ConfigObject(ConfigObject other)
    {
        Type = other.Type;
        Creation = other.Creation;
        foreach (var pair in other.ConstructorArguments)
        {
            ConstructorArguments[pair.Key] = pair.Value;
        }

        foreach (var pair in other.Writes)
        {
            Writes[pair.Key] = pair.Value;
        }
    }

    public ITypeSymbol Type { get; }

    /// <summary>The <c>new</c> expression (or the call that stands for one); diagnostics about absent fields go here.</summary>
    public SyntaxNode Creation { get; }

    /// <summary>Constructor arguments by parameter name.</summary>
    public Dictionary<string, IOperation> ConstructorArguments { get; } = new();

    /// <summary>The last write of each property before the call, by property name.</summary>
    public Dictionary<string, PropertyWrite> Writes { get; } = new();

    public ConfigObject Copy() => new(this);
}

/// <summary>A property write: the assigned value (null when it can't be read) and the assignment node.</summary>
internal readonly struct PropertyWrite
{
    public PropertyWrite(IOperation? value, SyntaxNode node, bool uncertain)
    {
        Value = value;
        Node = node;
        Uncertain = uncertain;
    }

    public IOperation? Value { get; }

    /// <summary>The assignment; diagnostics about this value go here and the code fixes rewrite it.</summary>
    public SyntaxNode Node { get; }

    /// <summary>The write happens only on some paths, or mutates the value in place; its value is unknown.</summary>
    public bool Uncertain { get; }
}
