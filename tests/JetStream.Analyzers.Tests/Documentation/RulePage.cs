using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace JetStream.Analyzers.Tests.Documentation;

/// <summary>A rules/&lt;ID&gt;.md page: its front matter, its body and the examples the tests run.</summary>
public sealed class RulePage
{
    private static readonly Regex ExampleMarker = new(@"^<!--\s*example:\s*(?<kind>fires|clean)(?<options>(\s+[\w.]+=\S+)*)\s*-->$", RegexOptions.CultureInvariant);
    private static readonly Regex MessageMarker = new(@"^<!--\s*message\s*-->$", RegexOptions.CultureInvariant);

    private RulePage(string path, IReadOnlyDictionary<string, string> scalars, IReadOnlyDictionary<string, IReadOnlyList<string>> lists, string body)
    {
        Path = path;
        Scalars = scalars;
        Lists = lists;
        Body = body;
    }

    public string Path { get; }

    /// <summary>Front matter "key: value" entries, quotes removed.</summary>
    public IReadOnlyDictionary<string, string> Scalars { get; }

    /// <summary>Front matter lists ("key:" followed by "  - item" lines, or "key: []").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; }

    /// <summary>Everything after the front matter.</summary>
    public string Body { get; }

    public List<PageExample> Examples { get; } = new();

    public List<CodeBlock> Blocks { get; } = new();

    public static RulePage Load(string path)
    {
        var text = RuleTable.Normalize(File.ReadAllText(path));
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new FormatException($"{path}: the page must start with YAML front matter ('---').");
        }

        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new FormatException($"{path}: the front matter is not closed with '---'.");
        }

        var scalars = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        List<string>? currentList = null;
        foreach (var raw in text.Substring(4, end - 4).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("- ", StringComparison.Ordinal) && currentList is not null)
            {
                currentList.Add(Unquote(trimmed.Substring(2).Trim()));
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new FormatException($"{path}: cannot read front matter line '{line}'.");
            }

            var key = line.Substring(0, colon).Trim();
            var value = line.Substring(colon + 1).Trim();
            if (value.Length == 0 || value == "[]")
            {
                currentList = new List<string>();
                lists[key] = currentList;
            }
            else
            {
                currentList = null;
                scalars[key] = Unquote(value);
            }
        }

        var page = new RulePage(path, scalars, lists, text.Substring(end + 5));
        page.ReadBlocks();
        return page;
    }

    private void ReadBlocks()
    {
        var lines = Body.Split('\n');
        PageExample? pending = null;
        PageExample? lastFires = null;
        var messagePending = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var example = ExampleMarker.Match(line);
            if (example.Success)
            {
                var options = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var pair in example.Groups["options"].Value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=');
                    options[pair.Substring(0, eq)] = pair.Substring(eq + 1);
                }

                pending = new PageExample(example.Groups["kind"].Value == "fires", options, i + 1);
                continue;
            }

            if (MessageMarker.IsMatch(line))
            {
                messagePending = true;
                continue;
            }

            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var language = line.Substring(3).Trim();
            var start = i + 1;
            var close = start;
            while (close < lines.Length && !lines[close].Trim().StartsWith("```", StringComparison.Ordinal))
            {
                close++;
            }

            var code = string.Join("\n", lines.Skip(start).Take(close - start));
            Blocks.Add(new CodeBlock(language, code, start + 1));
            if (pending is not null)
            {
                if (language != "csharp")
                {
                    throw new FormatException($"{Path}:{pending.Line}: an example marker must be followed by a csharp block.");
                }

                pending.Code = code;
                Examples.Add(pending);
                lastFires = pending.Fires ? pending : null;
                pending = null;
            }
            else if (messagePending)
            {
                if (language != "text" || lastFires is null)
                {
                    throw new FormatException($"{Path}:{start}: a message marker must follow a 'fires' example and precede a text block.");
                }

                lastFires.Messages.AddRange(code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
                messagePending = false;
            }

            i = close;
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[value.Length - 1] == '"' || value[0] == '\'' && value[value.Length - 1] == '\'')
            ? value.Substring(1, value.Length - 2)
            : value;
}

/// <summary>A C# example: statements run inside an async method with <c>js</c>, <c>kv</c> and <c>obj</c> contexts in scope.</summary>
public sealed class PageExample
{
    public PageExample(bool fires, IReadOnlyDictionary<string, string> options, int line)
    {
        Fires = fires;
        Options = options;
        Line = line;
    }

    public bool Fires { get; }

    /// <summary>.editorconfig options the example is analyzed with, from "key=value" pairs in the marker.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>1-based line of the marker in the page body.</summary>
    public int Line { get; }

    public string Code { get; set; } = string.Empty;

    /// <summary>For "fires" examples: messages the rule must report, from a following text block.</summary>
    public List<string> Messages { get; } = new();
}

public sealed record CodeBlock(string Language, string Code, int Line);
