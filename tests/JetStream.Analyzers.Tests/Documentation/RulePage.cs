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
/// the help link; then the file, position, severity and rule are checked as well, and the rule may be another one. A
/// finding without a file (the live check's JS5001 and JS5008) is written as the build prints it against the project
/// file: <c>Repo.csproj : severity JSxxxx: message</c>.</para>
/// <para>Live examples (the JS5xxx pages) are file examples checked against a real nats-server, see
/// <see cref="LiveExampleRunner"/>. Three more markers describe the server:</para>
/// <list type="bullet">
/// <item>a file-name line that starts with <c>(server)</c>, <c>`(server) streams/orders.json`:</c>, marks a JSON block as
/// what the server already has, not a repository file: a stream configuration (created with
/// <c>$JS.API.STREAM.CREATE</c>) or a consumer create request with <c>stream_name</c> and <c>config</c> (a durable
/// consumer). They are created in page order before the check runs; the path is only a label, and may be the same as a
/// repository file's, to show the server's copy of that file.</item>
/// <item><c>&lt;!-- server: down --&gt;</c>: the examples that follow are checked against a port where nothing listens;
/// <c>&lt;!-- server: up --&gt;</c> returns to the default, a fresh <c>nats-server -js</c> per example.</item>
/// <item><c>&lt;!-- server-config --&gt;</c> followed by a code block: the examples that follow run on a fresh server started
/// with that nats-server configuration text (after a <c>listen</c> line and a <c>jetstream</c> block the tests add).
/// The marker may carry the connection properties the check then uses, as MSBuild property names:
/// <c>&lt;!-- server-config JetStreamUser=app JetStreamPassword=app --&gt;</c> (also <c>JetStreamToken</c>); server
/// state is created with the same credentials.</item>
/// </list>
/// <para>A server marker holds until the next server marker or the next <c>## </c> heading. A live example runs on every
/// release in <see cref="Infrastructure.NatsReleases"/>, with the server's version written as
/// <see cref="LiveExampleRunner.DocumentedVersion"/> in what it reports; an example whose outcome depends on the release
/// names the releases it holds on in its marker: <c>&lt;!-- example: fires nats_server_releases=2.9.10,2.10.27 --&gt;</c>.</para>
/// </remarks>
public sealed class RulePage
{
    private static readonly Regex ExampleMarker = new(@"^<!--\s*example:\s*(?<kind>fires|clean)(?<options>(\s+[\w.]+=\S+)*)\s*-->$", RegexOptions.CultureInvariant);
    private static readonly Regex MessageMarker = new(@"^<!--\s*message\s*-->$", RegexOptions.CultureInvariant);
    private static readonly Regex FileNameLine = new(@"^`(?<server>\(server\) )?(?<path>[\w.\-]+(/[\w.\-]+)*\.\w+)`:?$", RegexOptions.CultureInvariant);
    private static readonly Regex ServerStateMarker = new(@"^<!--\s*server:\s*(?<state>down|up)\s*-->$", RegexOptions.CultureInvariant);
    private static readonly Regex ServerConfigMarker = new(@"^<!--\s*server-config(?<properties>(\s+\w+=\S+)*)\s*-->$", RegexOptions.CultureInvariant);

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
        var onServer = false;
        var messagePending = false;
        var server = ExampleServer.Default;
        Dictionary<string, string>? serverConfigPending = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var example = ExampleMarker.Match(line);
            if (example.Success)
            {
                if (serverConfigPending is not null)
                {
                    throw new FormatException($"{Path}:{i + 1}: a server-config marker must be followed by a code block before the next example.");
                }

                var options = Pairs(example.Groups["options"].Value);
                var releases = options.Remove(PageExample.ReleasesKey, out var listed) ? listed.Split(',') : null;
                pending = new PageExample(example.Groups["kind"].Value == "fires", options, i + 1) { Server = server, Releases = releases };
                collecting = null;
                fileName = null;
                continue;
            }

            if (ServerStateMarker.Match(line) is { Success: true } state)
            {
                server = state.Groups["state"].Value == "down" ? ExampleServer.Down : ExampleServer.Default;
                collecting = null;
                continue;
            }

            if (ServerConfigMarker.Match(line) is { Success: true } config)
            {
                serverConfigPending = Pairs(config.Groups["properties"].Value);
                collecting = null;
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

                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    server = ExampleServer.Default;
                }

                collecting = null;
                fileName = null;
                onServer = false;
                continue;
            }

            if (FileNameLine.Match(line) is { Success: true } name)
            {
                fileName = name.Groups["path"].Value;
                onServer = name.Groups["server"].Success;
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
            if (serverConfigPending is not null)
            {
                server = ExampleServer.Configured(code, serverConfigPending);
                serverConfigPending = null;
            }
            else if (pending is not null)
            {
                if (language == "csharp")
                {
                    pending.Code = code;
                }
                else if (IsFileLanguage(language))
                {
                    AddFile(pending, fileName ?? DefaultFileName(language), onServer, block, start);
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
                AddFile(collecting, fileName, onServer, block, start);
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
            onServer = false;
            i = close;
        }

        if (pending is not null)
        {
            throw new FormatException($"{Path}:{pending.Line}: an example marker must be followed by a code block.");
        }

        if (serverConfigPending is not null)
        {
            throw new FormatException($"{Path}: a server-config marker must be followed by a code block.");
        }
    }

    private void AddFile(PageExample example, string path, bool onServer, CodeBlock block, int line)
    {
        var files = onServer ? example.ServerFiles : example.Files;
        if (files.Any(f => f.Path == path))
        {
            throw new FormatException($"{Path}:{line}: the example at body line {example.Line} already has a {(onServer ? "server " : string.Empty)}file '{path}'.");
        }

        if (onServer && block.Language != "json")
        {
            throw new FormatException($"{Path}:{line}: what the server has is written as JetStream API JSON, not {block.Language}.");
        }

        files.Add(new ExampleFile(path, block));
    }

    private static Dictionary<string, string> Pairs(string text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            pairs[pair.Substring(0, eq)] = pair.Substring(eq + 1);
        }

        return pairs;
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

    /// <summary>The marker key that limits a live example to some test releases (<c>nats_server_releases=2.9.10,2.10.27</c>); not an option.</summary>
    public const string ReleasesKey = "nats_server_releases";

    /// <summary>.editorconfig options the example is analyzed with, from "key=value" pairs in the marker.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>For live examples: the nats-server releases the example holds on, or null for every test release.</summary>
    public IReadOnlyList<string>? Releases { get; init; }

    /// <summary>1-based line of the marker in the page body.</summary>
    public int Line { get; }

    /// <summary>The C# statements of a C# example.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The files of a configuration-file example, in page order.</summary>
    public List<ExampleFile> Files { get; } = new();

    /// <summary>For live examples: what the server has before the check runs (JSON marked "(server)"), in page order.</summary>
    public List<ExampleFile> ServerFiles { get; } = new();

    /// <summary>The server a live example is checked against (the server marker in effect at the example).</summary>
    public ExampleServer Server { get; init; } = ExampleServer.Default;

    public bool IsFileExample => Files.Count > 0 || ServerFiles.Count > 0;

    /// <summary>For "fires" examples: messages the rule must report, from a following text block.</summary>
    public List<string> Messages { get; } = new();
}

/// <summary>One file of a configuration-file example; <see cref="Path"/> is relative to the example's folder, with '/'.</summary>
public sealed record ExampleFile(string Path, CodeBlock Block);

public sealed record CodeBlock(string Language, string Code, int Line);

public enum ExampleServerKind
{
    /// <summary>A fresh <c>nats-server -js</c>.</summary>
    Default,

    /// <summary>A port where nothing listens.</summary>
    Down,

    /// <summary>A fresh nats-server started with <see cref="ExampleServer.ConfigText"/>.</summary>
    Configured,
}

/// <summary>The server of a live example, from the page's server markers.</summary>
public sealed record ExampleServer(ExampleServerKind Kind, string ConfigText, IReadOnlyDictionary<string, string> Properties)
{
    public static readonly ExampleServer Default = new(ExampleServerKind.Default, string.Empty, new Dictionary<string, string>());

    public static readonly ExampleServer Down = new(ExampleServerKind.Down, string.Empty, new Dictionary<string, string>());

    public static ExampleServer Configured(string configText, IReadOnlyDictionary<string, string> properties) => new(ExampleServerKind.Configured, configText, properties);
}
