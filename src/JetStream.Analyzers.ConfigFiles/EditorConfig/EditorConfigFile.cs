using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace JetStream.Analyzers.ConfigFiles.EditorConfig;

/// <summary>One parsed .editorconfig: its root flag and its sections in order, each a glob and key/value pairs.</summary>
internal sealed class EditorConfigFile
{
    private EditorConfigFile(string directory, bool isRoot, List<(Regex Glob, Dictionary<string, string> Properties)> sections)
    {
        Directory = directory;
        IsRoot = isRoot;
        Sections = sections;
    }

    public string Directory { get; }

    public bool IsRoot { get; }

    public IReadOnlyList<(Regex Glob, Dictionary<string, string> Properties)> Sections { get; }

    public static EditorConfigFile Parse(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty;
        var sections = new List<(Regex, Dictionary<string, string>)>();
        Dictionary<string, string>? current = null;
        var isRoot = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] == '#' || line[0] == ';')
            {
                continue;
            }

            if (line[0] == '[' && line.EndsWith("]", StringComparison.Ordinal))
            {
                current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                sections.Add((GlobToRegex(line.Substring(1, line.Length - 2)), current));
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = line.Substring(0, equals).Trim();
            var value = StripComment(line.Substring(equals + 1).Trim());
            if (current is null)
            {
                if (key.Equals("root", StringComparison.OrdinalIgnoreCase))
                {
                    isRoot = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                }

                continue;
            }

            current[key] = value;
        }

        return new EditorConfigFile(directory, isRoot, sections);
    }

    /// <summary>The path relative to this file's folder, with '/' separators, as section globs are matched.</summary>
    public string? Relative(string fullPath)
    {
        var root = Directory.TrimEnd(Path.DirectorySeparatorChar, '/') + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, StringComparison.Ordinal) ? fullPath.Substring(root.Length).Replace('\\', '/') : null;
    }

    private static string StripComment(string value)
    {
        // Inline comments need a space before '#' or ';' so that values such as "a#b" survive.
        foreach (var marker in new[] { " #", " ;" })
        {
            var index = value.IndexOf(marker, StringComparison.Ordinal);
            if (index >= 0)
            {
                value = value.Substring(0, index).TrimEnd();
            }
        }

        return value;
    }

    /// <summary>
    /// EditorConfig globs: '*' any run without '/', '**' any run, '?' one character, [abc] / [!abc], {a,b}, {1..3}.
    /// A glob without '/' matches the file name in any folder.
    /// </summary>
    internal static Regex GlobToRegex(string glob)
    {
        var anchored = glob.Contains("/");
        if (glob.StartsWith("/", StringComparison.Ordinal))
        {
            glob = glob.Substring(1);
        }

        var sb = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    sb.Append(".*");
                    i++;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append(@"\[");
                        break;
                    }

                    var set = glob.Substring(i + 1, close - i - 1);
                    sb.Append('[').Append(set.StartsWith("!", StringComparison.Ordinal) ? "^" + Regex.Escape(set.Substring(1)) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                case '{':
                    var end = glob.IndexOf('}', i + 1);
                    if (end < 0)
                    {
                        sb.Append(@"\{");
                        break;
                    }

                    sb.Append(Alternatives(glob.Substring(i + 1, end - i - 1)));
                    i = end;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private static string Alternatives(string body)
    {
        var range = Regex.Match(body, @"^(-?\d+)\.\.(-?\d+)$");
        if (range.Success)
        {
            var from = int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var numbers = new List<string>();
            for (var n = Math.Min(from, to); n <= Math.Max(from, to) && numbers.Count < 10_000; n++)
            {
                numbers.Add(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return "(?:" + string.Join("|", numbers) + ")";
        }

        var parts = body.Split(',');
        var converted = new List<string>();
        foreach (var part in parts)
        {
            var inner = GlobToRegex("/" + part).ToString();
            converted.Add(inner.Substring(1, inner.Length - 2)); // strip ^ and $
        }

        return "(?:" + string.Join("|", converted) + ")";
    }
}
