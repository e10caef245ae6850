using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace JetStream.Analyzers.ConfigFiles.EditorConfig;

/// <summary>
/// One .editorconfig or global config file, read line by line as the C# compiler reads it (Roslyn 5.9, .NET SDK 10.0.4xx,
/// and 4.8, the analyzers' floor, agree):
/// - lines end at \r\n, \r, \n, U+0085, U+2028 and U+2029; blank lines and lines whose first non-blank character is
///   '#' or ';' are comments;
/// - "[name]" starts a section; '#' and ';' end it unless escaped ("\#"), and a comment may follow the ']';
/// - "key = value" or "key: value": the key is letters, digits, '_', '.', '-' and is lower-cased; the value ends at the
///   first '#' or ';' (a comment even without a space before it) and is trimmed. Values of the editorconfig keys
///   (root, indent_style, …) and the value "unset" are lower-cased;
/// - any other line is ignored.
/// Where releases differ: a proposed compiler change (dotnet/roslyn#51625, following the EditorConfig specification
/// 0.15) keeps '#' and ';' in values. Neither 4.8 nor 5.9 has it (tests run both), so values end there; if a later
/// compiler keeps them, CompilerEquivalenceTests fails on hash_without_space and this reader follows.
/// </summary>
internal sealed class EditorConfigFile
{
    private static readonly HashSet<string> ReservedKeys = new(StringComparer.Ordinal)
    {
        "root", "indent_style", "indent_size", "tab_width", "end_of_line", "charset", "trim_trailing_whitespace", "insert_final_newline",
    };

    private EditorConfigFile(string path, Dictionary<string, EditorConfigValue> global, List<Section> sections)
    {
        Path = path;
        Directory = (System.IO.Path.GetDirectoryName(path) ?? path).Replace('\\', '/');
        GlobalProperties = global;
        Sections = sections;
    }

    public string Path { get; }

    /// <summary>The folder, with '/' separators, that section names are relative to.</summary>
    public string Directory { get; }

    /// <summary>Properties before the first section: root, is_global, global_level, and a global config's options.</summary>
    public IReadOnlyDictionary<string, EditorConfigValue> GlobalProperties { get; }

    public IReadOnlyList<Section> Sections { get; }

    public bool IsRoot => GlobalProperties.TryGetValue("root", out var root) && root.Value == "true";

    /// <summary>A global config: named .globalconfig, or with an is_global key (whatever its value), as the compiler decides.</summary>
    public bool IsGlobal =>
        System.IO.Path.GetFileName(Path).Equals(".globalconfig", StringComparison.OrdinalIgnoreCase) || GlobalProperties.ContainsKey("is_global");

    /// <summary>global_level, else 100 for a file named .globalconfig and 0 for others.</summary>
    public int GlobalLevel =>
        GlobalProperties.TryGetValue("global_level", out var level) && int.TryParse(level.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : System.IO.Path.GetFileName(Path).Equals(".globalconfig", StringComparison.OrdinalIgnoreCase) ? 100
        : 0;

    public static EditorConfigFile Parse(string path, string text)
    {
        var global = new Dictionary<string, EditorConfigValue>(StringComparer.OrdinalIgnoreCase);
        var sections = new List<Section>();
        var current = global;
        var lineNumber = 0;
        foreach (var line in Lines(text))
        {
            lineNumber++;
            var start = SkipWhitespace(line, 0);
            if (start == line.Length || line[start] is '#' or ';')
            {
                continue;
            }

            if (SectionName(line, start) is { } name)
            {
                current = new Dictionary<string, EditorConfigValue>(StringComparer.OrdinalIgnoreCase);
                sections.Add(new Section(name, lineNumber, current));
                continue;
            }

            if (Property(line, start, path, lineNumber) is { } property)
            {
                current[property.Key] = property.Value;
            }
        }

        return new EditorConfigFile(path, global, sections);
    }

    /// <summary>The section name of a header line, or null. Matches the compiler's ^\s*\[(([^#;]|\\#|\\;)+)\]\s*([#;].*)?$.</summary>
    private static string? SectionName(string line, int start)
    {
        if (line[start] != '[')
        {
            return null;
        }

        // The name can't run past an unescaped '#' or ';'; it ends at the last ']' after which only blanks or a comment follow.
        var limit = start + 1;
        while (limit < line.Length && !(line[limit] is '#' or ';' && line[limit - 1] != '\\'))
        {
            limit++;
        }

        for (var close = limit - 1; close > start + 1; close--)
        {
            if (line[close] == ']')
            {
                var after = SkipWhitespace(line, close + 1);
                if (after == line.Length || line[after] is '#' or ';')
                {
                    return line.Substring(start + 1, close - start - 1);
                }
            }
        }

        return null;
    }

    /// <summary>A key/value line, or null. Matches the compiler's ^\s*([\w\.\-_]+)\s*[=:]\s*(.*?)\s*([#;].*)?$.</summary>
    private static KeyValuePair<string, EditorConfigValue>? Property(string line, int start, string path, int lineNumber)
    {
        var keyEnd = start;
        while (keyEnd < line.Length && IsKeyCharacter(line[keyEnd]))
        {
            keyEnd++;
        }

        var separator = SkipWhitespace(line, keyEnd);
        if (keyEnd == start || separator == line.Length || line[separator] is not ('=' or ':'))
        {
            return null;
        }

        var valueStart = SkipWhitespace(line, separator + 1);
        var valueEnd = valueStart;
        while (valueEnd < line.Length && line[valueEnd] is not ('#' or ';'))
        {
            valueEnd++;
        }

        while (valueEnd > valueStart && char.IsWhiteSpace(line[valueEnd - 1]))
        {
            valueEnd--;
        }

        var key = line.Substring(start, keyEnd - start).ToLowerInvariant();
        var value = line.Substring(valueStart, valueEnd - valueStart);
        if (ReservedKeys.Contains(key) || value.Equals("unset", StringComparison.OrdinalIgnoreCase))
        {
            value = value.ToLowerInvariant();
        }

        return new KeyValuePair<string, EditorConfigValue>(key, new EditorConfigValue(key, value, path, lineNumber, start + 1, valueStart + 1, valueEnd + 1));
    }

    // \w in .NET: letters, decimal digits, non-spacing marks and connector punctuation ('_').
    private static bool IsKeyCharacter(char c) =>
        c is '.' or '-' || char.IsLetterOrDigit(c) && char.GetUnicodeCategory(c) != UnicodeCategory.OtherNumber
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;

    private static int SkipWhitespace(string line, int index)
    {
        while (index < line.Length && char.IsWhiteSpace(line[index]))
        {
            index++;
        }

        return index;
    }

    private static IEnumerable<string> Lines(string text)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                yield return text.Substring(start, i - start);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text.Substring(start);
        }
    }

    /// <summary>A [name] section: its glob (null when the name isn't a valid glob, so the section applies nowhere).</summary>
    internal sealed class Section
    {
        private readonly Lazy<SectionGlob?> glob;

        public Section(string name, int line, IReadOnlyDictionary<string, EditorConfigValue> properties)
        {
            Name = name;
            Line = line;
            Properties = properties;
            glob = new Lazy<SectionGlob?>(() => SectionGlob.TryCompile(name));
        }

        public string Name { get; }

        public int Line { get; }

        public IReadOnlyDictionary<string, EditorConfigValue> Properties { get; }

        public SectionGlob? Glob => glob.Value;
    }
}
