using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace JetStream.Analyzers.Tests.Documentation;

/// <summary>
/// Keeps rules/*.md, rules/README.md and the README.md rule table in step with <see cref="RuleCatalog"/> and the
/// analyzers, runs the C# examples of every page through the analyzers, lints the JSON/YAML file examples with
/// the config-file linter (the only thing that reports the JS4xxx file rules), and checks the examples of the live
/// rules (JS5xxx) against a real nats-server (<see cref="LiveExampleRunner"/>).
/// </summary>
public class RuleDocumentationTests
{
    private const string RegenerateHint =
        "Regenerate it with: JETSTREAM_UPDATE_DOCS=1 dotnet test tests/JetStream.Analyzers.Tests --filter RuleDocumentationTests";

    private static readonly string Root = RuleTable.RepositoryRoot();
    private readonly ITestOutputHelper output;
    private static readonly string RulesFolder = Path.Combine(Root, "rules");

    private static readonly string[] RequiredSections =
    {
        "## What it detects", "## Why it matters", "## How to fix", "## Example", "## Options", "## Suppression",
    };

    /// <summary>Rules whose outcome depends on the target server version; their pages need a "Server versions" section.</summary>
    private static readonly HashSet<string> VersionDependent = new(StringComparer.Ordinal)
    {
        RuleIds.StreamRejectedByServer, RuleIds.StreamSettingIgnoredByServer, RuleIds.ConsumerRejectedByServer, RuleIds.ConsumerSettingIgnoredByServer,
    };

    /// <summary>
    /// JS4xxx: rules about configuration files, reported by the config-file linter (the MSBuild task), not by the C#
    /// analyzers, except the checks across definitions that both make (<see cref="IsAcrossDefinitions"/>).
    /// </summary>
    public static bool IsFileRule(string id) => id.StartsWith("JS4", StringComparison.Ordinal) && !IsAcrossDefinitions(id);

    /// <summary>
    /// Rules across definitions that both front ends report: the file lint over the files linted together, and
    /// CrossDefinitionAnalyzer over a compilation. Their pages show both, and both ways to suppress them.
    /// </summary>
    public static bool IsAcrossDefinitions(string id) => AcrossDefinitions.Contains(id);

    private static readonly HashSet<string> AcrossDefinitions = new(StringComparer.Ordinal)
    {
        RuleIds.CriticalStreamWithoutCopy, RuleIds.SourceNotDefined, RuleIds.InterestStreamWithoutConsumer, RuleIds.WorkQueueSubjectsNotConsumed,
        RuleIds.DuplicateDefinition, RuleIds.ConsumerWithoutStream, RuleIds.OverlappingStreamSubjects, RuleIds.OverlappingWorkQueueConsumers,
        RuleIds.FilterOutsideStream, RuleIds.ConsumerLessDurableThanStream,
    };

    /// <summary>JS5xxx: the read-only cross-check of the configuration files against a running server (JetStreamServer).</summary>
    public static bool IsLiveRule(string id) => id.StartsWith("JS5", StringComparison.Ordinal);

    /// <summary>
    /// JS6xxx: the health rules over the state of the streams and consumers the live check reads. Their findings depend
    /// on messages published, delivered and acknowledged, which a page's files can't produce, so their examples are
    /// checked for shape here and the findings by tests/.../LiveCheck/Health against servers the tests drive into each state.
    /// </summary>
    public static bool IsHealthRule(string id) => id.StartsWith("JS6", StringComparison.Ordinal);

    /// <summary>Live rules whose findings have no file: the build reports them against the project file.</summary>
    private static readonly HashSet<string> ProjectLevel = new(StringComparer.Ordinal) { RuleIds.ServerUnreachable, RuleIds.ServerStreamNotDefined };

    /// <summary>Client-usage rules (JS3xxx) look at how C# code calls NATS.Net; they have no JSON form.</summary>
    private static bool IsCodeOnly(string id) => id.StartsWith("JS3", StringComparison.Ordinal);

    /// <summary>JS0xxx: settings of the analyzers themselves (.editorconfig, project properties); C# examples with options show them.</summary>
    private static bool IsConfigurationRule(string id) => id.StartsWith("JS0", StringComparison.Ordinal);

    public RuleDocumentationTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public static TheoryData<string> AllRuleIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var rule in RuleCatalog.All)
            {
                data.Add(rule.Id);
            }

            return data;
        }
    }

    public static TheoryData<string> LiveRuleIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var rule in RuleCatalog.All.Where(r => IsLiveRule(r.Id)))
            {
                data.Add(rule.Id);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Page_FrontMatterMatchesCatalog(string id)
    {
        var rule = RuleCatalog.Get(id);
        var page = LoadPage(id);

        Assert.Equal(rule.Id, Scalar(page, "id"));
        Assert.Equal(rule.Title, Scalar(page, "title"));
        Assert.Equal(rule.Category, Scalar(page, "category"));
        Assert.Equal(SeverityName(rule.DefaultSeverity), Scalar(page, "severity"));
        Assert.Equal(rule.HasCodeFix ? "true" : "false", Scalar(page, "code_fix"));

        Assert.True(page.Lists.TryGetValue("options", out var options), $"{page.Path}: front matter needs an 'options' list ('options: []' when none).");
        var missing = rule.OptionKeys.Except(options!, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{page.Path}: front matter 'options' lacks {string.Join(", ", missing)}.");
        var extra = options!.Except(rule.OptionKeys, StringComparer.Ordinal).ToList();
        Assert.True(extra.Count == 0, $"{page.Path}: front matter 'options' lists {string.Join(", ", extra)}, which {id} does not read (RuleCatalog).");
        Assert.StartsWith($"# {rule.Id}: {rule.Title}\n", page.Body.TrimStart('\n'), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Page_MentionsEveryOptionKey(string id)
    {
        var rule = RuleCatalog.Get(id);
        var page = LoadPage(id);
        var options = Section(page, "## Options");
        foreach (var key in rule.OptionKeys)
        {
            Assert.True(options.Contains(key, StringComparison.Ordinal), $"{page.Path}: the Options section does not mention '{key}', which {id} reads.");
        }

        if (rule.OptionKeys.Count == 0 && !page.Lists["options"].Any())
        {
            Assert.True(options.Contains("none", StringComparison.OrdinalIgnoreCase), $"{page.Path}: a rule without options must say 'none' in its Options section.");
        }
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Page_HasRequiredSectionsAndSuppression(string id)
    {
        var page = LoadPage(id);
        var headings = page.Body.Split('\n').Select(l => l.TrimEnd()).ToList();
        var sections = VersionDependent.Contains(id) || IsFileRule(id) || IsAcrossDefinitions(id) || IsLiveRule(id) || IsHealthRule(id) ? RequiredSections.Append("## Server versions") : RequiredSections;
        foreach (var section in sections)
        {
            Assert.True(headings.Contains(section), $"{page.Path}: missing section '{section}'.");
        }

        var suppression = Section(page, "## Suppression");
        var severityLine = $"dotnet_diagnostic.{id}.severity = none";
        Assert.Contains(severityLine, suppression, StringComparison.Ordinal);
        if (IsConfigurationRule(id))
        {
            // Reported without a source location, so #pragma can't reach it; the project's NoWarn can.
            Assert.Matches($"<NoWarn>[^<]*{id}[^<]*</NoWarn>", suppression);
            return;
        }

        if (IsAcrossDefinitions(id))
        {
            // C# diagnostics and file findings: #pragma for the code, an .editorconfig section for the files, NoWarn for both, the switch for the lint.
            Assert.Contains($"#pragma warning disable {id}", suppression, StringComparison.Ordinal);
            Assert.Contains(page.Blocks, b => b.Language == "ini" && b.Code.Contains(severityLine, StringComparison.Ordinal) && !b.Code.Contains("[*.cs]", StringComparison.Ordinal));
            Assert.Matches($"<NoWarn>[^<]*{id}[^<]*</NoWarn>", suppression);
            Assert.Contains("-p:JetStreamLint=false", suppression, StringComparison.Ordinal);
            return;
        }

        if (!IsFileRule(id) && !IsLiveRule(id) && !IsHealthRule(id))
        {
            Assert.Contains($"#pragma warning disable {id}", suppression, StringComparison.Ordinal);
            return;
        }

        // File and live rules: an .editorconfig section for the files (not [*.cs]), the project's NoWarn, and the switch
        // that turns the check off. A finding without a file takes the severity of the project file's section.
        Assert.DoesNotContain($"#pragma warning disable {id}", page.Body, StringComparison.Ordinal);
        var severityBlocks = page.Blocks.Where(b => b.Language == "ini" && b.Code.Contains(severityLine, StringComparison.Ordinal)).ToList();
        Assert.True(severityBlocks.Count > 0, $"{page.Path}: the Suppression section needs an .editorconfig (ini) block with '{severityLine}'.");
        foreach (var block in severityBlocks)
        {
            var before = block.Code.Substring(0, block.Code.IndexOf(severityLine, StringComparison.Ordinal)).Split('\n');
            var header = before.Select(l => l.Trim()).LastOrDefault(l => l.StartsWith('['));
            if (ProjectLevel.Contains(id))
            {
                Assert.True(header is not null && header.EndsWith("proj]", StringComparison.Ordinal), $"{page.Path}: {id} has no file, so '{severityLine}' must sit in a section for the project file, such as [*.csproj], not in {header ?? "no section"}.");
                continue;
            }

            Assert.True(header is not null && header != "[*.cs]", $"{page.Path}: '{severityLine}' must sit in an .editorconfig section for the configuration files, not in {header ?? "no section"}.");
        }

        Assert.Matches($"<NoWarn>[^<]*{id}[^<]*</NoWarn>", suppression);
        if (!IsLiveRule(id) && !IsHealthRule(id))
        {
            Assert.Contains("-p:JetStreamLint=false", suppression, StringComparison.Ordinal);
            return;
        }

        // Live rules: the check runs only with JetStreamServer (or JetStreamContext) set; the page shows how to run it and how to leave it out.
        Assert.Matches(@"-p:JetStreamServer=(\s|`|$)", suppression);
        Assert.Matches(@"dotnet build [^\n`]*-p:JetStreamServer=nats://", page.Body);
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Page_JsonBlocksAreValidJson(string id)
    {
        var page = LoadPage(id);
        var json = page.Blocks.Where(b => b.Language == "json").ToList();
        Assert.True(json.Count >= 2 || IsCodeOnly(id) || IsConfigurationRule(id), $"{page.Path}: needs the example in JetStream API JSON (one that fires and one that does not).");

        // Files that are meant not to parse: the reported examples of JS4001.
        var unparsable = id == RuleIds.FileNotParsable
            ? page.Examples.Where(e => e.Fires).SelectMany(e => e.Files).Select(f => f.Block).ToHashSet()
            : new HashSet<CodeBlock>();
        foreach (var block in json.Where(b => !unparsable.Contains(b)))
        {
            try
            {
                using var _ = JsonDocument.Parse(block.Code);
            }
            catch (JsonException e)
            {
                Assert.Fail($"{page.Path}, JSON block at body line {block.Line}: {e.Message}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public async Task Page_ExamplesBehaveAsDocumented(string id)
    {
        var page = LoadPage(id);
        if (IsHealthRule(id))
        {
            CheckLiveExamplesAreWellFormed(page, id);
            Assert.True(page.Examples.All(e => e.ServerFiles.Count == 0 && e.Server.Kind == ExampleServerKind.Default), $"{page.Path}: a health rule's examples describe the server's state in prose; '(server)' files and server markers have no effect.");
            return;
        }

        if (IsLiveRule(id))
        {
            // Page_LiveExamplesBehaveAsDocumented runs them against a server.
            CheckLiveExamplesAreWellFormed(page, id);
            return;
        }

        Assert.True(page.Examples.All(e => e.ServerFiles.Count == 0 && e.Server.Kind == ExampleServerKind.Default), $"{page.Path}: only the live rules' (JS5xxx) examples run against a server; '(server)' files and server markers have no effect here.");
        if (IsFileRule(id))
        {
            Assert.True(page.Examples.All(e => e.IsFileExample), $"{page.Path}: {id} is reported by the config-file linter, so its examples must be JSON or YAML files, not C#.");
            Assert.True(page.Examples.Any(e => e.Fires), $"{page.Path}: needs a JSON or YAML example marked '<!-- example: fires -->'.");
            Assert.True(page.Examples.Any(e => !e.Fires), $"{page.Path}: needs a JSON or YAML example marked '<!-- example: clean -->'.");
        }
        else
        {
            Assert.True(page.Examples.Any(e => e.Fires && !e.IsFileExample), $"{page.Path}: needs a C# example marked '<!-- example: fires -->'.");
            Assert.True(page.Examples.Any(e => !e.Fires && !e.IsFileExample), $"{page.Path}: needs a C# example marked '<!-- example: clean -->'.");
            if (IsAcrossDefinitions(id))
            {
                Assert.True(page.Examples.Any(e => e.Fires && e.IsFileExample), $"{page.Path}: needs a JSON or YAML example marked '<!-- example: fires -->' as well.");
                Assert.True(page.Examples.Any(e => !e.Fires && e.IsFileExample), $"{page.Path}: needs a JSON or YAML example marked '<!-- example: clean -->' as well.");
            }
        }

        foreach (var example in page.Examples)
        {
            if (example.IsFileExample)
            {
                CheckFileExample(page, id, example);
                continue;
            }

            var diagnostics = await ExampleRunner.RunAsync(example.Code, example.Options);
            var mine = diagnostics.Where(d => d.Id == id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
            var all = string.Join("\n", diagnostics.Select(d => $"  {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}"));
            var where = $"{page.Path}, example at body line {example.Line}";
            output.WriteLine($"{Path.GetFileName(page.Path)} line {example.Line} ({(example.Fires ? "fires" : "clean")}):\n{all}");
            if (example.Fires)
            {
                Assert.True(mine.Count > 0, $"{where} should report {id} but reports:\n{all}");
                foreach (var message in example.Messages)
                {
                    Assert.True(mine.Contains(message), $"{where}: documented message not reported:\n  {message}\nReported:\n{all}");
                }
            }
            else
            {
                Assert.True(mine.Count == 0, $"{where} should not report {id} but reports:\n{all}");
            }
        }
    }

    [Theory]
    [LiveExamplesOn(NatsReleases.V2_9)]
    [LiveExamplesOn(NatsReleases.V2_10)]
    [LiveExamplesOn(NatsReleases.V2_15)]
    public async Task Page_LiveExamplesBehaveAsDocumented(string id, string release)
    {
        var page = LoadPage(id);
        CheckLiveExamplesAreWellFormed(page, id);
        foreach (var example in page.Examples.Where(e => e.Releases is null || e.Releases.Contains(release)))
        {
            var clock = Stopwatch.StartNew();
            var findings = await LiveExampleRunner.RunAsync(example, release);
            var all = string.Join("\n", findings.Select(f => "  " + f));
            var where = $"{page.Path}, example at body line {example.Line} ({string.Join(", ", example.Files.Select(f => f.Path))}; server: {example.Server.Kind}, nats-server {release})";
            output.WriteLine($"{Path.GetFileName(page.Path)} line {example.Line} ({(example.Fires ? "fires" : "clean")}, {example.Server.Kind} server, {clock.ElapsedMilliseconds} ms):\n{all}");

            // An example that doesn't parse, isn't a definition, or never reached the server proves nothing about the other rules.
            foreach (var guard in new[] { RuleIds.FileNotParsable, RuleIds.NotAJetStreamDefinition, RuleIds.ServerUnreachable }.Where(g => g != id))
            {
                Assert.True(findings.All(f => f.Id != guard), $"{where} reports {guard}, so it does not show {id}:\n{all}");
            }

            var mine = findings.Where(f => f.Id == id).ToList();
            if (!example.Fires)
            {
                Assert.True(mine.Count == 0, $"{where} should not report {id} but reports:\n{all}");
                continue;
            }

            Assert.True(mine.Any(f => f.IsPrinted), $"{where} should report {id} in the build's output but reports:\n{all}");
            foreach (var message in example.Messages)
            {
                Assert.True(FileExampleRunner.IsReported(message, id, findings), $"{where}: documented finding not reported:\n  {message}\nReported:\n{all}");
            }

            // The documented output is complete: every line the build prints for the rule is on the page.
            foreach (var finding in mine.Where(f => f.IsPrinted))
            {
                Assert.True(example.Messages.Any(m => FileExampleRunner.IsReported(m, id, new[] { finding })), $"{where}: reported but not documented:\n  {finding}\nReported:\n{all}");
            }
        }
    }

    private static void CheckLiveExamplesAreWellFormed(RulePage page, string id)
    {
        Assert.True(page.Examples.All(e => e.Files.Count > 0), $"{page.Path}: {id} is reported by the live check of the configuration files, so every example needs JSON or YAML files of the repository (the check runs only when there are some).");
        Assert.True(page.Examples.Any(e => e.Fires), $"{page.Path}: needs a live example marked '<!-- example: fires -->'.");
        Assert.True(page.Examples.Any(e => !e.Fires), $"{page.Path}: needs a live example marked '<!-- example: clean -->'.");
        foreach (var example in page.Examples.Where(e => e.Releases is not null))
        {
            var unknown = example.Releases!.Except(NatsReleases.All).ToList();
            Assert.True(unknown.Count == 0, $"{page.Path}: the example at body line {example.Line} names {string.Join(", ", unknown)}; the test releases are {string.Join(", ", NatsReleases.All)}.");
        }

        foreach (var example in page.Examples.Where(e => e.Fires))
        {
            Assert.True(example.Messages.Count > 0, $"{page.Path}: the 'fires' example at body line {example.Line} needs a '<!-- message -->' block with the lines the build prints.");
        }
    }

    private void CheckFileExample(RulePage page, string id, PageExample example)
    {
        var findings = FileExampleRunner.Lint(example.Files, example.Options);
        var all = string.Join("\n", findings.Select(f => "  " + f));
        var where = $"{page.Path}, example at body line {example.Line} ({string.Join(", ", example.Files.Select(f => f.Path))})";
        output.WriteLine($"{Path.GetFileName(page.Path)} line {example.Line} ({(example.Fires ? "fires" : "clean")}):\n{all}");

        // An example that doesn't parse, or isn't recognized as a definition, proves nothing about the other rules.
        foreach (var guard in new[] { RuleIds.FileNotParsable, RuleIds.NotAJetStreamDefinition }.Where(g => g != id))
        {
            Assert.True(findings.All(f => f.Id != guard), $"{where} reports {guard}, so it does not show {id}:\n{all}");
        }

        var mine = findings.Where(f => f.Id == id).ToList();
        if (!example.Fires)
        {
            Assert.True(mine.Count == 0, $"{where} should not report {id} but reports:\n{all}");
            return;
        }

        Assert.True(mine.Count > 0, $"{where} should report {id} but reports:\n{all}");
        foreach (var message in example.Messages)
        {
            Assert.True(FileExampleRunner.IsReported(message, id, findings), $"{where}: documented finding not reported:\n  {message}\nReported:\n{all}");
        }
    }

    [Fact]
    public void EveryPageBelongsToACatalogRule()
    {
        var orphans = Directory.GetFiles(RulesFolder, "JS*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !RuleCatalog.TryGet(name!, out _))
            .ToList();
        Assert.True(orphans.Count == 0, "Pages without a rule in RuleCatalog: " + string.Join(", ", orphans));
    }

    [Fact]
    public void HelpLinksPointAtRulePages()
    {
        foreach (var descriptor in AnalyzerDescriptors())
        {
            Assert.Equal(RuleCatalog.HelpLinkBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
        }

        foreach (var rule in RuleCatalog.All)
        {
            Assert.Equal(RuleCatalog.HelpLinkBase + rule.Id + ".md", rule.HelpLink);
        }
    }

    [Fact]
    public void AnalyzersCoverEveryCatalogRule()
    {
        // Every catalog rule is reported by the C# analyzers, or is a JS4xxx rule that only the config-file linter reports
        // (Page_ExamplesBehaveAsDocumented lints each file rule's examples, so a file rule nothing reports fails there),
        // or a JS5xxx rule of the live check (Page_LiveExamplesBehaveAsDocumented checks those against a server).
        var descriptors = AnalyzerDescriptors().ToList();
        var supported = descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var missing = RuleCatalog.All.Select(r => r.Id).Where(id => !supported.Contains(id) && !IsFileRule(id) && !IsLiveRule(id) && !IsHealthRule(id)).ToList();
        Assert.True(missing.Count == 0, "No analyzer supports: " + string.Join(", ", missing));

        foreach (var descriptor in descriptors)
        {
            Assert.True(RuleCatalog.TryGet(descriptor.Id, out var rule), $"{descriptor.Id} is not in RuleCatalog.");
            Assert.Equal(rule.Title, descriptor.Title.ToString(CultureInfo.InvariantCulture));
            Assert.Equal((int)rule.DefaultSeverity, (int)descriptor.DefaultSeverity);
            Assert.Equal(rule.Category, descriptor.Category);
        }
    }

    [Fact]
    public void RulesReadmeTableMatchesCatalog() => CheckTable(Path.Combine(RulesFolder, "README.md"), RuleTable.Generate(string.Empty));

    [Fact]
    public void RootReadmeTableMatchesCatalog() => CheckTable(Path.Combine(Root, "README.md"), RuleTable.Generate("rules/"));

    private static void CheckTable(string path, string expected)
    {
        Assert.True(File.Exists(path), $"{path} does not exist.");
        var document = File.ReadAllText(path);
        var actual = RuleTable.Extract(document);
        Assert.True(actual is not null, $"{path} has no {RuleTable.StartMarker} ... {RuleTable.EndMarker} block.");
        if (actual == expected)
        {
            return;
        }

        if (RuleTable.UpdateRequested)
        {
            File.WriteAllText(path, RuleTable.Replace(document, expected));
            return;
        }

        Assert.Fail($"The rule table in {path} differs from the one generated from RuleCatalog. {RegenerateHint}\n\nExpected:\n{expected}\nActual:\n{actual}");
    }

    private static IEnumerable<DiagnosticDescriptor> AnalyzerDescriptors()
    {
        return ExampleRunner.Analyzers.SelectMany(a => a.SupportedDiagnostics);
    }

    private static RulePage LoadPage(string id)
    {
        var path = Path.Combine(RulesFolder, id + ".md");
        Assert.True(File.Exists(path), $"Missing documentation page rules/{id}.md.");
        return RulePage.Load(path);
    }

    private static string Scalar(RulePage page, string key)
    {
        Assert.True(page.Scalars.TryGetValue(key, out var value), $"{page.Path}: front matter has no '{key}'.");
        return value!;
    }

    private static string Section(RulePage page, string heading)
    {
        var body = page.Body;
        var start = body.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{page.Path}: missing section '{heading}'.");
        var next = body.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        return next < 0 ? body.Substring(start) : body.Substring(start, next - start);
    }

    /// <summary>Front matter spelling of a severity, as .editorconfig users know it (lower case).</summary>
    public static string SeverityName(RuleSeverity severity) => severity.ToString().ToLowerInvariant();
}
