using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using JetStream.Lint;
using JetStream.Lint.Output;

namespace JetStream.Analyzers.Tests.Lint;

public class LintCommandTests
{
    private const string Help = "https://github.com/jetstream-analyzers/JetStream.Analyzers/blob/main/rules/";

    // Safe apart from memory storage (JS1005, a warning).
    private const string MemoryStream = "{\n  \"name\": \"ORDERS\",\n  \"subjects\": [\"orders.>\"],\n  \"num_replicas\": 3,\n  \"max_bytes\": 1024,\n  \"max_age\": 60000000000,\n  \"storage\": \"memory\"\n}\n";

    private const string SafeStream = "name: SAFE\nsubjects: [safe.>]\nnum_replicas: 3\nmax_bytes: 1024\nmax_age: 3600000000000\n";

    [Fact]
    public void Folder_IsLintedWithTheDefaultGlobs_InCanonicalFormAndASummaryOnStderr()
    {
        using var repo = new ConfigRepo()
            .With("jetstream/orders.json", MemoryStream)
            .With("streams/broken.yaml", "name: [\n")
            .With("bin/ignored.stream.json", "not json")
            .With("node_modules/x/jetstream/ignored.json", "not json")
            .With("appsettings.stream.json", "not json")
            .With("docs/readme.json", "not json")
            .With("config/safe.stream.yaml", SafeStream);

        var run = LintRun.In(repo.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            new[]
            {
                $"jetstream/orders.json(7,14,7,22): warning JS1005: Stream 'ORDERS' uses memory storage; its messages are lost when the servers restart. Use file storage unless the data is disposable. ({Help}JS1005.md)",
                $"streams/broken.yaml(1,8,1,8): error JS4001: The file can't be parsed: YAML syntax error: While parsing a node, did not find expected node content. ({Help}JS4001.md)",
            },
            run.StdoutLines);
        var summary = Assert.Single(run.StderrLines);
        Assert.Matches(@"^jetstream-lint: 3 files, 1 error, 1 warning, 0 suggestions in \d+\.\d\d s$", summary);
    }

    [Fact]
    public void Warnings_ExitZero_AndWarnAsErrorMakesThemErrors()
    {
        using var repo = new ConfigRepo().With("jetstream/orders.json", MemoryStream);

        var clean = LintRun.In(repo.Root);
        var strict = LintRun.In(repo.Root, "--warnaserror");

        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("warning JS1005", clean.Stdout);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("jetstream/orders.json(7,14,7,22): error JS1005:", strict.Stdout);
    }

    [Fact]
    public void Severity_OverridesEditorConfig()
    {
        using var repo = new ConfigRepo()
            .With(".editorconfig", "root = true\n\n[*.json]\ndotnet_diagnostic.JS1005.severity = error\n")
            .With("jetstream/orders.json", MemoryStream);

        Assert.Contains("error JS1005", LintRun.In(repo.Root).Stdout);
        var quiet = LintRun.In(repo.Root, "--severity", "JS1005=none");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal(string.Empty, quiet.Stdout);
        Assert.Contains("warning JS1005", LintRun.In(repo.Root, "--severity=js1005=warning").Stdout);
    }

    [Fact]
    public void ServerVersion_DrivesTheVersionDependentRules_AndEditorConfigWins()
    {
        using var repo = new ConfigRepo()
            .With("jetstream/ORDERS/stream.yaml", SafeStream.Replace("SAFE", "ORDERS").Replace("safe", "orders"))
            .With("jetstream/ORDERS/consumers/proc.yaml", "durable_name: proc\nack_policy: explicit\nbackoff: [1000000000]\n");

        Assert.DoesNotContain("JS2100", LintRun.In(repo.Root).Stdout);
        var old = LintRun.In(repo.Root, "--server-version", "2.9.10");
        Assert.Equal(1, old.ExitCode);
        Assert.Contains("error JS2100: Consumer 'proc' on stream 'ORDERS' is rejected by NATS server 2.9.10", old.Stdout);

        repo.With(".editorconfig", "root = true\n[*]\njetstream_server_version = 2.10.14\n");
        Assert.DoesNotContain("JS2100", LintRun.In(repo.Root, "--server-version", "2.9.10").Stdout);
    }

    [Fact]
    public void IncludeAndExclude_ReplaceTheDefaultGlobs()
    {
        using var repo = new ConfigRepo()
            .With("k8s/orders.yaml", "apiVersion: jetstream.nats.io/v1beta2\nkind: Stream\nmetadata:\n  name: orders\nspec:\n  name: ORDERS\n  subjects: [orders.>]\n  replicas: 3\n  maxBytes: 1024\n  maxAge: 1h\n")
            .With("k8s/skip.yaml", "not: [valid\n")
            .With("jetstream/orders.json", MemoryStream);

        var run = LintRun.In(repo.Root, "--include", "k8s/*.yaml", "--exclude", "**/skip.yaml");

        Assert.Contains("k8s/orders.yaml(6,9,6,15): warning JS1005: Stream 'ORDERS' uses memory storage (CRD default", run.Stdout);
        Assert.DoesNotContain("skip.yaml", run.Stdout);
        Assert.DoesNotContain("jetstream/orders.json", run.Stdout);
        Assert.StartsWith("jetstream-lint: 1 file,", run.Stderr);
    }

    [Fact]
    public void NamedFile_IsLintedWhateverTheGlobs()
    {
        using var repo = new ConfigRepo().With("docs/orders.json", MemoryStream);

        var run = LintRun.In(repo.Root, "docs/orders.json");

        Assert.Contains("docs/orders.json(7,14,7,22): warning JS1005", run.Stdout);
    }

    [Fact]
    public void FolderWithoutDefinitions_SaysSoOnStderr()
    {
        using var repo = new ConfigRepo().With("docs/readme.json", "{}");

        var run = LintRun.In(repo.Root);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("jetstream-lint: no files to lint in '.'", run.Stderr);
    }

    [Theory]
    [InlineData(new[] { "missing" }, "jetstream-lint: error: 'missing' does not exist")]
    [InlineData(new[] { "--format", "xml" }, "jetstream-lint: error: --format 'xml' is not a format; use text, sarif, github or json")]
    [InlineData(new[] { "--output", "jetstream" }, "jetstream-lint: error: --output 'jetstream' is a folder; name a file such as jetstream/jetstream.sarif")]
    [InlineData(new[] { "--output", "nowhere/report.sarif" }, "jetstream-lint: error: --output 'nowhere/report.sarif': the folder '{root}/nowhere' does not exist")]
    [InlineData(new[] { "--server-version", "2.x" }, "jetstream-lint: error: --server-version '2.x' is not a nats-server version; write it as 2.10.14")]
    [InlineData(new[] { "--severity", "JS9999=error" }, "jetstream-lint: error: --severity 'JS9999=error' does not name a rule; write it as JS1004=suggestion with a rule ID from JS1001 to JS6008")]
    [InlineData(new[] { "--severity", "JS1005=loud" }, "jetstream-lint: error: --severity 'JS1005=loud': 'loud' is not a severity; use error, warning, suggestion, none or default")]
    [InlineData(new[] { "--frobnicate" }, "jetstream-lint: error: unknown option '--frobnicate' (see --help)")]
    [InlineData(new[] { "--output" }, "jetstream-lint: error: --output needs a value (see --help)")]
    public void UsageAndIoErrors_ExitTwoWithOneLineAndNoReport(string[] args, string expected)
    {
        using var repo = new ConfigRepo().With("jetstream/orders.json", MemoryStream);

        var run = LintRun.In(repo.Root, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(expected.Replace("{root}", repo.Root), Assert.Single(run.StderrLines));
        Assert.Equal(new[] { "orders.json" }, Directory.GetFiles(repo.PathOf("jetstream")).Select(Path.GetFileName));
    }

    [Fact]
    public void UnreadableFile_ExitsTwo()
    {
        using var repo = new ConfigRepo();

        // Opening works but reading fails (EIO), whoever runs the test, root included.
        var run = LintRun.In(repo.Root, "/proc/self/mem");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("jetstream-lint: error: can't read '/proc/self/mem': ", Assert.Single(run.StderrLines));
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Sarif_IsWrittenToTheOutputFile_AndMatchesTheSchema()
    {
        using var repo = new ConfigRepo()
            .With("jetstream/orders.json", MemoryStream)
            .With("streams/broken.yaml", "name: [\n");
        File.WriteAllText(repo.PathOf("report.sarif"), "old");

        var run = LintRun.In(repo.Root, "--format", "sarif", "--output", "report.sarif");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var sarif = File.ReadAllText(repo.PathOf("report.sarif"));
        SarifSchema.AssertValid(sarif);
        var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(new[] { "JS1005", "JS4001" }, results.Select(r => (string)r!["ruleId"]!));
        Assert.Equal("jetstream/orders.json", (string)results[0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
        Assert.Equal(new[] { "broken.yaml" }, Directory.GetFiles(repo.PathOf("streams")).Select(Path.GetFileName));
        Assert.DoesNotContain(Directory.GetFiles(repo.Root), f => f.EndsWith(".tmp"));
    }

    [Fact]
    public void GitHub_WritesWorkflowCommandsWithEscapedValues()
    {
        using var repo = new ConfigRepo()
            .With("jetstream/orders.json", MemoryStream)
            .With("streams/broken.yaml", "name: [\n");

        var run = LintRun.In(repo.Root, "--format", "github");

        Assert.Equal(
            new[]
            {
                $"::error file=streams/broken.yaml,line=1,col=8,endLine=1,endColumn=8,title=JS4001::The file can't be parsed: YAML syntax error: While parsing a node, did not find expected node content. ({Help}JS4001.md)",
                $"::warning file=jetstream/orders.json,line=7,col=14,endLine=7,endColumn=22,title=JS1005::Stream 'ORDERS' uses memory storage; its messages are lost when the servers restart. Use file storage unless the data is disposable. ({Help}JS1005.md)",
            },
            run.StdoutLines);
    }

    [Fact]
    public void GitHub_SummarizesBeyondTheAnnotationCap()
    {
        var repo = new ConfigRepo();
        using (repo)
        {
            for (var i = 0; i < 12; i++)
            {
                repo.With($"streams/broken{i:00}.yaml", "name: [\n");
            }

            var lines = LintRun.In(repo.Root, "--format", "github").StdoutLines;

            Assert.Equal(GitHubReport.AnnotationsPerLevel, lines.Count(l => l.StartsWith("::error ")));
            Assert.Equal(9, lines.Count(l => l.StartsWith("::error file=")));
            Assert.Equal(3, lines.Count(l => l.StartsWith("streams/broken") && l.Contains(": error JS4001:")));
            Assert.Equal("::error title=jetstream-lint::3 more errors are listed in the log of this step (GitHub shows 10 errors per step)", lines[^1]);
        }
    }

    [Fact]
    public void Json_ListsFindingsWithTheirPlaces()
    {
        using var repo = new ConfigRepo().With("jetstream/orders.json", MemoryStream);

        var json = JsonNode.Parse(LintRun.In(repo.Root, "--format", "json").Stdout)!;

        Assert.Equal(1, (int)json["files"]!);
        var finding = json["findings"]![0]!;
        Assert.Equal("JS1005", (string)finding["ruleId"]!);
        Assert.Equal("warning", (string)finding["severity"]!);
        Assert.Equal("jetstream/orders.json", (string)finding["file"]!);
        Assert.Equal(new[] { 7, 14, 7, 22 }, new[] { "line", "column", "endLine", "endColumn" }.Select(k => (int)finding[k]!));
        Assert.Equal($"{Help}JS1005.md", (string)finding["helpUri"]!);
    }

    [Fact]
    public void Help_AndVersion_ExitZero()
    {
        using var repo = new ConfigRepo();

        Assert.Contains("Usage: jetstream-lint [PATH...] [options]", LintRun.In(repo.Root, "--help").Stdout);
        Assert.Equal(0, LintRun.In(repo.Root, "--version").ExitCode);
    }

    [Fact]
    public void DefaultGlobs_AreTheBuildsDefaultItems()
    {
        var props = System.Xml.Linq.XDocument.Load(Repository.PathOf("src", "JetStream.Analyzers.Package", "build", "JetStream.Analyzers.props"));
        var item = props.Descendants().Single(e => e.Name.LocalName == "JetStreamConfig");
        string[] Globs(string attribute) => item.Attribute(attribute)!.Value.Split(';').Where(g => !g.StartsWith("$(")).Select(g => g.Replace('\\', '/')).ToArray();

        Assert.Equal(Globs("Include").OrderBy(g => g), FileSelection.DefaultIncludes.OrderBy(g => g));
        Assert.Equal(Globs("Exclude").OrderBy(g => g), FileSelection.DefaultExcludes.OrderBy(g => g));
    }
}
