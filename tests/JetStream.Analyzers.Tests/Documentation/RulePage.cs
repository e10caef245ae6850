using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace JetStream.Analyzers.Tests.Documentation;

/// <summary>A rules/&lt;ID&gt;.md page: its front matter, its body and the examples the tests run.</summary>
/// <remarks>
/// <para>Examples are marked with an HTML comment line, <c>&lt;!-- example: fires --&gt;</c> or <c>&lt;!-- example: clean --&gt;</c>,
/// optionally followed by .editorconfig options as <c>key=value</c> pairs
/// (<c>&lt;!-- example: fires jetstream_server_version=2.9.10 --&gt;</c>). What follows the marker decides the kind:</para>
/// <list type="bullet">
/// <item>a <c>csharp</c> block: statements compiled inside an async method and run through the C# analyzers;</item>
/// <item>one or more <c>json</c> / <c>yaml</c> blocks: the files of a configuration-file example, written to a fresh
/// temporary folder and linted together with the config-file linter. A block's file name (a path relative to that
/// folder, so folders work too) is given by a line of its own above it that holds just the path in backticks,
/// optionally followed by a colon: <c>`ORDERS/consumers/processor.json`:</c>. Without one the file is
/// <c>example.json</c> or <c>example.yaml</c>. The first block after the marker always belongs to the example; later
/// blocks belong to it only when they have such a file-name line, and the example ends at a block without one, a
/// heading, or the next marker.</item>
/// </list>
/// <para>A <c>&lt;!-- message --&gt;</c> line after a "fires" example, followed by a <c>text</c> block, lists what the example must
/// report, one per line. A plain line is a message of the page's rule. For file examples a line may also be given as the
/// build prints it, <c>path(line,col): severity JSxxxx: message</c> or <c>path(line,col,endLine,endCol): ...</c>, without
/// the help link; then the file, position, severity and rule are checked as well, and the rule may be another one.</para>
/// </remarks>
public sealed class RulePage
{
    private static readonly Regex ExampleMarker = new(@"^<!--\s*example:\s*(?<kind>fires|clean)(?<options>(\s+[\w.]+=\S+)*)\s*-->$", RegexOptions.CultureInvariant);
    private static readonly Regex MessageMarker = new(@"^<!--\s*message\s*-->$", RegexOptions.CultureInvariant);
    private static readonly Regex FileNameLine = new(@"^`(?<path>[\w.\-]+(/[\w.\-]+)*\.\w+)`:?$", RegexOptions.CultureInvariant);

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
        PageExample? collecting = null;
        PageExample? lastFires = null;
        string? fileName = null;
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
                collecting = null;
                fileName = null;
                continue;
            }

            if (MessageMarker.IsMatch(line))
            {
                messagePending = true;
                collecting = null;
                continue;
            }

            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    throw new FormatException($"{Path}:{pending.Line}: an example marker must be followed by a code block before the next heading.");
                }

                collecting = null;
                fileName = null;
                continue;
            }

            if (FileNameLine.Match(line) is { Success: true } name)
            {
                fileName = name.Groups["path"].Value;
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
            var block = new CodeBlock(language, code, start + 1);
            Blocks.Add(block);
            if (pending is not null)
            {
                if (language == "csharp")
                {
                    pending.Code = code;
                }
                else if (IsFileLanguage(language))
                {
                    pending.Files.Add(new ExampleFile(fileName ?? DefaultFileName(language), block));
                    collecting = pending;
                }
                else
                {
                    throw new FormatException($"{Path}:{pending.Line}: an example marker must be followed by a csharp, json or yaml block.");
                }

                Examples.Add(pending);
                lastFires = pending.Fires ? pending : null;
                pending = null;
            }
            else if (collecting is not null && fileName is not null && IsFileLanguage(language))
            {
                if (collecting.Files.Any(f => f.Path == fileName))
                {
                    throw new FormatException($"{Path}:{start}: the example at body line {collecting.Line} already has a file '{fileName}'.");
                }

                collecting.Files.Add(new ExampleFile(fileName, block));
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
            else
            {
                collecting = null;
            }

            fileName = null;
            i = close;
        }

        if (pending is not null)
        {
            throw new FormatException($"{Path}:{pending.Line}: an example marker must be followed by a code block.");
        }
    }

    private static bool IsFileLanguage(string language) => language is "json" or "yaml" or "yml";

    private static string DefaultFileName(string language) => language == "json" ? "example.json" : "example.yaml";

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[value.Length - 1] == '"' || value[0] == '\'' && value[value.Length - 1] == '\'')
            ? value.Substring(1, value.Length - 2)
            : value;
}

/// <summary>
/// An example: C# statements run inside an async method with <c>js</c>, <c>kv</c> and <c>obj</c> contexts in scope, or,
/// when <see cref="Files"/> is not empty, a set of configuration files linted together.
/// </summary>
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

    /// <summary>The C# statements of a C# example.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The files of a configuration-file example, in page order.</summary>
    public List<ExampleFile> Files { get; } = new();

    public bool IsFileExample => Files.Count > 0;

    /// <summary>For "fires" examples: messages the rule must report, from a following text block.</summary>
    public List<string> Messages { get; } = new();
}

/// <summary>One file of a configuration-file example; <see cref="Path"/> is relative to the example's folder, with '/'.</summary>
public sealed record ExampleFile(string Path, CodeBlock Block);

public sealed record CodeBlock(string Language, string Code, int Line);
