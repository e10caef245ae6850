using JetStream.Analyzers.ConfigFiles.Documents;

namespace JetStream.Analyzers.ConfigFiles.EditorConfig;

/// <summary>One key = value line of an .editorconfig or global config, with where it is (1-based line and columns).</summary>
public sealed class EditorConfigValue
{
    public EditorConfigValue(string key, string value, string path, int line, int keyColumn, int valueColumn, int valueEndColumn)
    {
        Key = key;
        Value = value;
        Path = path;
        Line = line;
        KeyColumn = keyColumn;
        ValueColumn = valueColumn;
        ValueEndColumn = valueEndColumn;
    }

    /// <summary>Lower-cased, as the compiler stores keys.</summary>
    public string Key { get; }

    public string Value { get; }

    public string Path { get; }

    public int Line { get; }

    public int KeyColumn { get; }

    public int ValueColumn { get; }

    public int ValueEndColumn { get; }

    /// <summary>The value's span (the key's when the value is empty), for diagnostics about it.</summary>
    public SourceSpan Span => Value.Length > 0
        ? new SourceSpan(Path, Line, ValueColumn, Line, ValueEndColumn)
        : new SourceSpan(Path, Line, KeyColumn, Line, KeyColumn + Key.Length);
}
