using System;
using System.Collections.Generic;

namespace JetStream.Analyzers.ConfigFiles.Documents;

/// <summary>A JSON or YAML value with the span it was written at. Both parsers produce this tree.</summary>
public abstract class ConfigNode
{
    protected ConfigNode(SourceSpan span)
    {
        Span = span;
    }

    public SourceSpan Span { get; }

    /// <summary>"a mapping", "a list", "a string", "a number", ... for messages.</summary>
    public abstract string Describe();
}

public enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

public sealed class ScalarNode : ConfigNode
{
    public ScalarNode(SourceSpan span, string text, ScalarKind kind)
        : base(span)
    {
        Text = text;
        Kind = kind;
    }

    /// <summary>The value as written (unescaped for strings).</summary>
    public string Text { get; }

    public ScalarKind Kind { get; }

    public override string Describe() => Kind switch
    {
        ScalarKind.String => $"the string \"{Shorten(Text)}\"",
        ScalarKind.Number => $"the number {Shorten(Text)}",
        ScalarKind.Boolean => Text,
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
}

public sealed class SequenceNode : ConfigNode
{
    public SequenceNode(SourceSpan span, IReadOnlyList<ConfigNode> items)
        : base(span)
    {
        Items = items;
    }

    public IReadOnlyList<ConfigNode> Items { get; }

    public override string Describe() => "a list";
}

public sealed class MappingEntry
{
    public MappingEntry(ScalarNode key, ConfigNode value)
    {
        Key = key;
        Value = value;
    }

    public ScalarNode Key { get; }

    public ConfigNode Value { get; }
}

public sealed class MappingNode : ConfigNode
{
    private readonly Dictionary<string, MappingEntry> byKey;

    public MappingNode(SourceSpan span, IReadOnlyList<MappingEntry> entries)
        : base(span)
    {
        Entries = entries;
        byKey = new Dictionary<string, MappingEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            byKey[entry.Key.Text] = entry; // the last one wins, as in Go's decoder; duplicates are reported by the parser
        }
    }

    public IReadOnlyList<MappingEntry> Entries { get; }

    public bool TryGet(string key, out MappingEntry entry) => byKey.TryGetValue(key, out entry!);

    public ConfigNode? this[string key] => byKey.TryGetValue(key, out var entry) ? entry.Value : null;

    public bool Has(string key) => byKey.ContainsKey(key);

    public override string Describe() => "a mapping";
}

/// <summary>A syntax problem found while reading a file (JS4001).</summary>
public sealed class ParseProblem
{
    public ParseProblem(SourceSpan span, string message)
    {
        Span = span;
        Message = message;
    }

    public SourceSpan Span { get; }

    public string Message { get; }
}

/// <summary>A file's documents (one for JSON; any number for YAML) and its syntax problems.</summary>
public sealed class ParsedFile
{
    public ParsedFile(string path, IReadOnlyList<ConfigNode> documents, IReadOnlyList<ParseProblem> problems)
    {
        Path = path;
        Documents = documents;
        Problems = problems;
    }

    public string Path { get; }

    public IReadOnlyList<ConfigNode> Documents { get; }

    public IReadOnlyList<ParseProblem> Problems { get; }
}
