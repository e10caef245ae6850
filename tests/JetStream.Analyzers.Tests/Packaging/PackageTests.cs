using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.Packaging;

/// <summary>The package users get: its contents, and a project that references it from a folder feed.</summary>
public class PackageTests : IClassFixture<PackageFixture>
{
    // A stream whose only finding is memory storage (JS1005, a warning), at (7,14,7,22).
    private const string MemoryStreamJson = "{\n  \"name\": \"ORDERS\",\n  \"subjects\": [\"orders.>\"],\n  \"num_replicas\": 3,\n  \"max_bytes\": 1024,\n  \"max_age\": 60000000000,\n  \"storage\": \"memory\"\n}\n";

    private readonly PackageFixture package;

    public PackageTests(PackageFixture package)
    {
        this.package = package;
    }

    [Fact]
    public void Package_HasAnalyzersBuildFilesAndTheLintTask()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var files = zip.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("_rels/") && !n.StartsWith("package/") && n != "[Content_Types].xml").OrderBy(n => n).ToArray();
        Assert.Equal(
            new[]
            {
                "analyzers/dotnet/cs/JetStream.Analyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/JetStream.Analyzers.dll",
                "analyzers/dotnet/cs/JetStream.Analyzers.Rules.dll",
                "build/JetStream.Analyzers.props",
                "build/JetStream.Analyzers.targets",
                "build/config/jetstream-production.globalconfig",
                "build/config/jetstream-strict.globalconfig",
                "build/config/jetstream-test-project.globalconfig",
                "buildMultiTargeting/JetStream.Analyzers.props",
                "buildMultiTargeting/JetStream.Analyzers.targets",
                "buildTransitive/JetStream.Analyzers.props",
                "buildTransitive/JetStream.Analyzers.targets",
                "tasks/netstandard2.0/JetStream.Analyzers.ConfigFiles.dll",
                "tasks/netstandard2.0/JetStream.Analyzers.LiveCheck.dll",
                "tasks/netstandard2.0/NATS.NKeys.dll",
                "tasks/netstandard2.0/JetStream.Analyzers.Rules.dll",
                "tasks/netstandard2.0/JetStream.Analyzers.Tasks.dll",
                "tasks/netstandard2.0/YamlDotNet.dll",
                "JetStream.Analyzers.nuspec",
                "LICENSE",
                "README.md",
            }.OrderBy(n => n),
            files);
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("analyzers/", StringComparison.Ordinal) && f.Contains("YamlDotNet"));
    }

    [Fact]
    public void Nuspec_IsADevelopmentDependencyWithoutDependencies()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var stream = zip.GetEntry("JetStream.Analyzers.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("JetStream.Analyzers", metadata.Element(ns + "id")!.Value);
        Assert.Equal(package.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
        Assert.Empty(metadata.Descendants(ns + "dependency"));
    }

    [Fact]
    public void ToolPackage_HoldsTheCommandForNet8RollingForward()
    {
        using var zip = ZipFile.OpenRead(package.ToolPackagePath);
        var files = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("tools/net8.0/any/JetStream.Lint.dll", files);
        Assert.Contains("tools/net8.0/any/JetStream.Analyzers.LiveCheck.dll", files);
        Assert.Contains("tools/net8.0/any/YamlDotNet.dll", files);
        Assert.Contains("LICENSE", files);
        Assert.Contains("README.md", files);

        using var settings = zip.GetEntry("tools/net8.0/any/DotnetToolSettings.xml")!.Open();
        var command = XDocument.Load(settings).Descendants("Command").Single();
        Assert.Equal("jetstream-lint", command.Attribute("Name")!.Value);
        using var config = new StreamReader(zip.GetEntry("tools/net8.0/any/JetStream.Lint.runtimeconfig.json")!.Open());
        Assert.Contains("\"rollForward\": \"Major\"", config.ReadToEnd());
    }

    [Theory]
    [InlineData("JetStream.Analyzers")]
    [InlineData("JetStream.Lint")]
    public void Packages_CarryLicenseRepositoryAndAReadmeWithAbsoluteLinks(string id)
    {
        using var zip = ZipFile.OpenRead(id == "JetStream.Lint" ? package.ToolPackagePath : package.PackagePath);
        using var stream = zip.GetEntry($"{id}.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.Equal("https://github.com/jetstream-analyzers/JetStream.Analyzers.git", repository.Attribute("url")!.Value);

        using var license = new StreamReader(zip.GetEntry("LICENSE")!.Open());
        Assert.StartsWith("MIT License", license.ReadToEnd());
        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        var text = readme.ReadToEnd();
        var links = System.Text.RegularExpressions.Regex.Matches(text, @"\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value).ToArray();
        Assert.Contains("https://github.com/jetstream-analyzers/JetStream.Analyzers/blob/main/rules/JS1001.md", links);
        Assert.All(links, link => Assert.StartsWith("https://", link));
        Assert.Equal(File.ReadAllText(Repository.PathOf("README.md")).Count(c => c == ';'), text.Count(c => c == ';'));
    }

    [Fact]
    public async Task Tool_InstalledFromTheFeed_LintsTheSampleRepositoryIntoValidSarif()
    {
        var tools = Directory.CreateTempSubdirectory("jetstream-tool-").FullName;
        try
        {
            var (exitCode, output) = await DotNet.RunAsync(tools, TimeSpan.FromMinutes(5), "tool", "install", "--tool-path", tools, "--add-source", package.Feed, "--version", package.Version, "JetStream.Lint");
            Assert.True(exitCode == 0, "dotnet tool install failed:\n" + output);
            var sarif = Path.Combine(tools, "config-repo.sarif");

            (exitCode, output) = await DotNet.RunProgramAsync(Path.Combine(tools, "jetstream-lint"), Repository.PathOf("samples", "config-repo"), TimeSpan.FromMinutes(2), ".", "k8s/events.yaml", "--server-version", "2.10.14", "--format", "sarif", "--output", sarif);

            Assert.True(exitCode == 0, "The sample has warnings only at 2.10.14:\n" + output);
            Assert.Matches(@"jetstream-lint: 6 files, 0 errors, 10 warnings, 0 suggestions in \d+\.\d\d s", output);
            var log = File.ReadAllText(sarif);
            SarifSchema.AssertValid(log);
            var results = System.Text.Json.Nodes.JsonNode.Parse(log)!["runs"]![0]!["results"]!.AsArray();
            Assert.Equal(
                new[]
                {
                    "jetstream/AUDIT.stream.json JS4002", "jetstream/ORDERS/consumers/fulfilment.json JS2009", "jetstream/ORDERS/consumers/invoicing.yaml JS2001",
                    "jetstream/ORDERS/consumers/invoicing.yaml JS2002", "jetstream/ORDERS/consumers/invoicing.yaml JS2009", "jetstream/ORDERS/stream.json JS1012",
                    "jetstream/PAYMENTS/stream.yaml JS1006", "jetstream/PAYMENTS/stream.yaml JS1008", "k8s/events.yaml JS1005", "k8s/events.yaml JS2009",
                },
                results.Select(r => $"{(string)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!} {(string)r["ruleId"]!}"));
        }
        finally
        {
            Directory.Delete(tools, recursive: true);
        }
    }

    /// <summary>
    /// The composite action's own bash steps, run as a runner runs them: inputs substituted into their env, the
    /// install step's GITHUB_PATH line put on PATH for the lint step. setup-dotnet and the SARIF upload are GitHub's.
    /// </summary>
    [Fact]
    public async Task CompositeAction_InstallsTheToolFromTheFeed_WritesSarif_AndAnnotates()
    {
        var workspace = Directory.CreateTempSubdirectory("jetstream-action-").FullName;
        try
        {
            CopyFolder(Repository.PathOf("samples", "config-repo"), workspace);
            File.WriteAllText(Path.Combine(workspace, "nuget.config"), $"<configuration><packageSources><add key=\"feed\" value=\"{package.Feed}\" /></packageSources></configuration>");
            var runnerTemp = Directory.CreateDirectory(Path.Combine(workspace, ".runner-temp")).FullName;
            var githubPath = Path.Combine(runnerTemp, "github-path");
            File.WriteAllText(githubPath, string.Empty);
            var inputs = new Dictionary<string, string> { ["version"] = package.Version, ["paths"] = ". k8s/events.yaml" };
            var steps = ActionSteps(Repository.PathOf(".github", "actions", "jetstream-lint", "action.yml"), inputs);
            Assert.Equal(new[] { "Install jetstream-lint", "Lint" }, steps.Select(s => s.Name));

            var results = new List<(int ExitCode, string Output)>();
            foreach (var step in steps)
            {
                var environment = new Dictionary<string, string>(step.Environment)
                {
                    ["RUNNER_TEMP"] = runnerTemp,
                    ["GITHUB_PATH"] = githubPath,
                    ["PATH"] = string.Join(Path.PathSeparator, File.ReadAllLines(githubPath).Append(Environment.GetEnvironmentVariable("PATH") ?? string.Empty)),
                };
                results.Add(await DotNet.RunProgramAsync("bash", workspace, TimeSpan.FromMinutes(5), environment, "-e", "-c", step.Script));
            }

            Assert.True(results[0].ExitCode == 0, "The install step failed:\n" + results[0].Output);
            // The sample has one error at the default server version: the step fails, after writing both reports.
            Assert.True(results[1].ExitCode == 1, "The lint step should fail on the sample's error:\n" + results[1].Output);
            Assert.Contains("::error file=jetstream/AUDIT.stream.json,", results[1].Output);
            Assert.Contains("::warning file=k8s/events.yaml,", results[1].Output);
            SarifSchema.AssertValid(File.ReadAllText(Path.Combine(workspace, "jetstream-lint.sarif")));
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static List<(string Name, IReadOnlyDictionary<string, string> Environment, string Script)> ActionSteps(string actionFile, IReadOnlyDictionary<string, string> given)
    {
        var action = (YamlDotNet.RepresentationModel.YamlMappingNode)LoadYaml(actionFile);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, input) in (YamlDotNet.RepresentationModel.YamlMappingNode)action["inputs"])
        {
            var key = name.ToString();
            inputs[key] = given.TryGetValue(key, out var value) ? value : ((YamlDotNet.RepresentationModel.YamlMappingNode)input).Children.TryGetValue("default", out var fallback) ? fallback.ToString() : string.Empty;
        }

        string Substitute(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", m => inputs[m.Groups[1].Value]);
        var steps = new List<(string, IReadOnlyDictionary<string, string>, string)>();
        foreach (var node in (YamlDotNet.RepresentationModel.YamlSequenceNode)((YamlDotNet.RepresentationModel.YamlMappingNode)action["runs"])["steps"])
        {
            var step = (YamlDotNet.RepresentationModel.YamlMappingNode)node;
            if (!step.Children.TryGetValue("run", out var run))
            {
                continue;
            }

            Assert.Equal("bash", step["shell"].ToString());
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            if (step.Children.TryGetValue("env", out var env))
            {
                foreach (var (name, value) in (YamlDotNet.RepresentationModel.YamlMappingNode)env)
                {
                    environment[name.ToString()] = Substitute(value.ToString());
                }
            }

            steps.Add((step["name"].ToString(), environment, run.ToString()));
        }

        return steps;
    }

    private static YamlDotNet.RepresentationModel.YamlNode LoadYaml(string path)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task ProjectReferencingThePackage_ReportsDiagnosticsInCanonicalForm()
    {
        var project = Directory.CreateTempSubdirectory("jetstream-consumer-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RestoreAdditionalProjectSources>{package.Feed}</RestoreAdditionalProjectSources>
                    <JetStreamServerVersion>2.9.10</JetStreamServerVersion>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="NATS.Net" Version="3.3.2" />
                    <PackageReference Include="JetStream.Analyzers" Version="{package.Version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(project, "Setup.cs"), """
                using System;
                using System.Threading.Tasks;
                using NATS.Client.JetStream;
                using NATS.Client.JetStream.Models;

                public class Setup
                {
                    public async Task Run(INatsJSContext js)
                    {
                        await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { NumReplicas = 3, MaxBytes = 1 << 30, MaxAge = TimeSpan.FromDays(1) });
                        await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("proc") { Backoff = [TimeSpan.FromSeconds(1)] });
                    }
                }
                """);

            var (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary");
            var setup = Path.Combine(project, "Setup.cs");

            Assert.True(exitCode != 0, "JS2100 is an error, so the build must fail:\n" + output);
            Assert.Contains(
                $"{setup}(11,85): error JS2100: Consumer 'proc' on stream 'ORDERS' is rejected by NATS server 2.9.10: max deliver is required to be > length of backoff values (max deliver is not set, backoff has 1 value) (https://github.com/jetstream-analyzers/JetStream.Analyzers/blob/main/rules/JS2100.md)",
                output);
            Assert.Contains(
                $"{setup}(11,56): warning JS2002: Consumer 'proc' on stream 'ORDERS' has no max-deliver limit (MaxDeliver is not set); a message that always fails is redelivered forever. Set a maximum number of deliveries. (https://github.com/jetstream-analyzers/JetStream.Analyzers/blob/main/rules/JS2002.md)",
                output);
            Assert.DoesNotContain("JS1001", output);
            Assert.DoesNotContain("AD0001", output);
            Assert.DoesNotContain("CS8032", output);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task ConfigRepoReferencingThePackage_LintsFilesIncrementally()
    {
        var project = Directory.CreateTempSubdirectory("jetstream-config-repo-").FullName;
        try
        {
            WriteProject(project, """
                <JetStreamServerVersion>2.9.10</JetStreamServerVersion>
                """, """
                <JetStreamConfig Include="extra/orders.json" />
                <JetStreamConfig Remove="jetstream/removed.json" />
                """);
            File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[jetstream/quiet.json]\ndotnet_diagnostic.JS1005.severity = none\n");
            Directory.CreateDirectory(Path.Combine(project, "jetstream"));
            Directory.CreateDirectory(Path.Combine(project, "extra"));
            Directory.CreateDirectory(Path.Combine(project, "bin"));
            File.WriteAllText(Path.Combine(project, "extra", "orders.json"), MemoryStreamJson);
            File.WriteAllText(Path.Combine(project, "jetstream", "quiet.json"), "{ \"name\": \"QUIET\", \"subjects\": [\"quiet\"], \"num_replicas\": 3, \"max_bytes\": 1024, \"max_age\": 60000000000, \"storage\": \"memory\" }");
            File.WriteAllText(Path.Combine(project, "jetstream", "broken.yaml"), "name: [\n");
            File.WriteAllText(Path.Combine(project, "bin", "ignored.stream.json"), "not even json");
            File.WriteAllText(Path.Combine(project, "jetstream", "removed.json"), "not even json");
            File.WriteAllText(Path.Combine(project, "appsettings.json"), "{ }");

            var (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary");
            var orders = Path.Combine(project, "extra", "orders.json");
            var broken = Path.Combine(project, "jetstream", "broken.yaml");

            Assert.True(exitCode != 0, "JS4001 is an error, so the build must fail:\n" + output);
            Assert.Contains(
                $"{orders}(7,14,7,22): warning JS1005: Stream 'ORDERS' uses memory storage; its messages are lost when the servers restart. Use file storage unless the data is disposable. (https://github.com/jetstream-analyzers/JetStream.Analyzers/blob/main/rules/JS1005.md)",
                output);
            Assert.Contains(
                $"{broken}(1,8,1,8): error JS4001: The file can't be parsed: YAML syntax error: While parsing a node, did not find expected node content. (https://github.com/jetstream-analyzers/JetStream.Analyzers/blob/main/rules/JS4001.md)",
                output);
            Assert.DoesNotContain("quiet.json", output); // JS1005 is off for that file in .editorconfig
            Assert.DoesNotContain("ignored.stream.json", output); // bin/ is never linted
            Assert.DoesNotContain("removed.json", output); // the project removed it from the default items
            Assert.DoesNotContain("appsettings.json", output);
            Assert.Single(DistinctLines(output, "warning JS1005")); // reported once, though MSBuild repeats it in its summary

            // Fix the broken file: the lint runs again, succeeds, and a third build skips it.
            File.WriteAllText(broken, "name: FIXED\nsubjects: [fixed]\nnum_replicas: 3\nmax_bytes: 1024\nmax_age: 60000000000\ndeny_delete: true\ndeny_purge: true\n");
            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary");
            Assert.True(exitCode == 0, output);
            Assert.Contains("warning JS1005", output);

            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-v:d");
            Assert.True(exitCode == 0, output);
            Assert.Contains("Skipping target \"JetStreamLint\" because all output files are up-to-date", output);
            Assert.DoesNotContain("warning JS1005", output);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task AnalysisModeAndInvalidOptions_ApplyToCSharpAndFilesAlike()
    {
        var project = Directory.CreateTempSubdirectory("jetstream-mode-").FullName;
        try
        {
            WriteProject(project, """
                <JetStreamAnalysisMode>production</JetStreamAnalysisMode>
                """, """
                <PackageReference Include="NATS.Net" Version="3.3.2" />
                """);
            File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n[*]\njetstream_min_replicas = abc\n");
            File.WriteAllText(Path.Combine(project, "Setup.cs"), """
                using System;
                using System.Threading.Tasks;
                using NATS.Client.JetStream;
                using NATS.Client.JetStream.Models;

                public class Setup
                {
                    public async Task Run(INatsJSContext js) =>
                        await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { NumReplicas = 3, MaxBytes = 1 << 30, MaxAge = TimeSpan.FromDays(1), Discard = StreamConfigDiscard.New, DenyDelete = true, DenyPurge = true });
                }
                """);
            Directory.CreateDirectory(Path.Combine(project, "jetstream"));
            File.WriteAllText(Path.Combine(project, "jetstream", "audit.json"), "{\"name\": \"AUDIT\", \"subjects\": [\"audit.>\"], \"num_replicas\": 3, \"max_bytes\": 1024, \"max_age\": 60000000000, \"discard\": \"new\", \"deny_delete\": true, \"deny_purge\": true}\n");

            var (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary");
            var editorConfig = Path.Combine(project, ".editorconfig");

            Assert.True(exitCode == 0, output);
            // The production preset makes the suggestion JS1007 a warning, in C# and in the file.
            Assert.Contains($"{Path.Combine(project, "Setup.cs")}(9,", output);
            Assert.Single(DistinctLines(output, "Setup.cs(9,"), l => l.Contains("warning JS1007", StringComparison.Ordinal));
            Assert.Single(DistinctLines(output, "audit.json("), l => l.Contains("warning JS1007", StringComparison.Ordinal));
            // The invalid option is named once by the C# analyzers and once, at its line, by the file lint.
            Assert.Single(DistinctLines(output, "warning JS0001: jetstream_min_replicas = 'abc' (in the .editorconfig options of Setup.cs)"));
            Assert.Single(DistinctLines(output, $"{editorConfig}(3,26,3,29): warning JS0001: jetstream_min_replicas = 'abc' is not valid: expected a whole number from 1 to 5; the rules use the default, 3"));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task ErrorLog_WritesTheFindingsAsSarif_WithASummaryAtNormalVerbosity()
    {
        var project = Directory.CreateTempSubdirectory("jetstream-errorlog-").FullName;
        try
        {
            WriteProject(project, "<JetStreamErrorLog>out/jetstream.sarif</JetStreamErrorLog>", "");
            Directory.CreateDirectory(Path.Combine(project, "jetstream"));
            File.WriteAllText(Path.Combine(project, "jetstream", "orders.json"), MemoryStreamJson);
            File.WriteAllText(Path.Combine(project, "jetstream", "broken.yaml"), "name: [\n");

            var (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-v:n");
            Assert.True(exitCode != 0, output);
            Assert.Matches(@"JetStream lint: 2 files, 1 error, 1 warning, 0 suggestions in \d+\.\d\d s\.", output);
            var sarif = Path.Combine(project, "out", "jetstream.sarif");
            var log = File.ReadAllText(sarif);
            SarifSchema.AssertValid(log);
            var results = System.Text.Json.Nodes.JsonNode.Parse(log)!["runs"]![0]!["results"]!.AsArray();
            Assert.Equal(
                new[] { "jetstream/broken.yaml JS4001 error", "jetstream/orders.json JS1005 warning" },
                results.Select(r => $"{(string)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!} {(string)r["ruleId"]!} {(string)r["level"]!}"));

            // Fixed, the build succeeds and rewrites the log; deleted, the log is written again though nothing else changed.
            File.WriteAllText(Path.Combine(project, "jetstream", "broken.yaml"), "name: FIXED\nsubjects: [fixed]\nnum_replicas: 3\nmax_bytes: 1024\nmax_age: 60000000000\ndeny_delete: true\ndeny_purge: true\n");
            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo");
            Assert.True(exitCode == 0, output);
            Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!["results"]!.AsArray());
            File.Delete(sarif);
            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo");
            Assert.True(exitCode == 0, output);
            Assert.True(File.Exists(sarif), output);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task DesignTimeBuilds_NeitherLintNorConnect_ButAnIdeBuildLints()
    {
        using var server = new SilentEndpoint();
        var project = Directory.CreateTempSubdirectory("jetstream-design-time-").FullName;
        try
        {
            WriteProject(project, $"<JetStreamServer>{server.Url}</JetStreamServer><JetStreamTimeout>2</JetStreamTimeout>", "");
            Directory.CreateDirectory(Path.Combine(project, "streams"));
            File.WriteAllText(Path.Combine(project, "streams", "broken.yaml"), "name: [\n");

            var (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-p:DesignTimeBuild=true");
            Assert.True(exitCode == 0, output);
            Assert.DoesNotContain("JS4001", output);
            Assert.DoesNotContain("JS5001", output);

            // Visual Studio's background builds run the compile targets without Build, so BuildingProject stays unset.
            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "msbuild", "-nologo", "-t:Compile", "-p:BuildingInsideVisualStudio=true");
            Assert.True(exitCode == 0, output);
            Assert.DoesNotContain("JS4001", output);
            Assert.Equal(0, server.AcceptedConnections);

            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-p:BuildingInsideVisualStudio=true");
            Assert.True(exitCode != 0, output);
            Assert.Contains("error JS4001", output);
            Assert.Contains("error JS5001", output);
            Assert.True(server.AcceptedConnections > 0, output);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task MultiTargetedProject_LintsOnceInItsOuterBuild()
    {
        var project = Directory.CreateTempSubdirectory("jetstream-multi-").FullName;
        try
        {
            WriteProject(project, "", "");
            var csproj = Path.Combine(project, "Repo.csproj");
            File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks>"));
            Directory.CreateDirectory(Path.Combine(project, "jetstream"));
            File.WriteAllText(Path.Combine(project, "jetstream", "orders.json"), MemoryStreamJson);

            var (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-v:n");

            Assert.True(exitCode == 0, output);
            output = System.Text.RegularExpressions.Regex.Replace(output, @"(?m)^\s*\d+>", string.Empty); // -v:n prefixes lines with the build node
            var warning = Assert.Single(DistinctLines(output, "warning JS1005"));
            Assert.EndsWith($"[{csproj}]", warning);
            Assert.Single(DistinctLines(output, "JetStream lint: 1 file,"));
            Assert.True(File.Exists(Path.Combine(project, "obj", "jetstream-lint.stamp")), output);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task TestProject_GuidelineRulesAreOff_RejectionsUsageAndEditorConfigStillApply()
    {
        var project = Directory.CreateTempSubdirectory("jetstream-tests-").FullName;
        try
        {
            WriteProject(project, "<IsTestProject>true</IsTestProject>", """<PackageReference Include="NATS.Net" Version="3.3.2" />""");
            File.WriteAllText(Path.Combine(project, "StreamTests.cs"), """
                using System.Threading.Tasks;
                using NATS.Client.JetStream;
                using NATS.Client.JetStream.Models;

                public class StreamTests
                {
                    public async Task Run(INatsJSContext js)
                    {
                        await js.CreateStreamAsync(new StreamConfig("SCRATCH", ["scratch.>"]));
                        await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>", "orders.eu.*"]));
                        await js.PublishAsync("scratch.a", 1);
                    }
                }
                """);
            Directory.CreateDirectory(Path.Combine(project, "jetstream"));
            File.WriteAllText(Path.Combine(project, "jetstream", "orders.json"), MemoryStreamJson);

            var (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary");

            // No replicas, byte or age limit (JS1001, JS1003, JS1004) in C#, memory storage (JS1005) in the file: off.
            Assert.True(exitCode != 0, output);
            Assert.Single(DistinctLines(output, "StreamTests.cs(10,"), l => l.Contains("error JS1100", StringComparison.Ordinal));
            Assert.Single(DistinctLines(output, "StreamTests.cs(11,"), l => l.Contains("warning JS3003", StringComparison.Ordinal));
            Assert.Empty(DistinctLines(output, "JS100"));
            Assert.Empty(DistinctLines(output, "orders.json("));

            File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.JS1003.severity = warning\n");
            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary");

            Assert.True(exitCode != 0, output);
            Assert.Single(DistinctLines(output, "StreamTests.cs(9,"), l => l.Contains("warning JS1003", StringComparison.Ordinal));
            Assert.Empty(DistinctLines(output, "JS1001"));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task ProjectsImportingOnlyTheTargets_OrMultiTargeted_BuildWithoutDefinitionFiles()
    {
        var extracted = Directory.CreateTempSubdirectory("jetstream-extracted-").FullName;
        var targetsOnly = Directory.CreateTempSubdirectory("jetstream-targets-only-").FullName;
        var multi = Directory.CreateTempSubdirectory("jetstream-multi-empty-").FullName;
        try
        {
            ZipFile.ExtractToDirectory(package.PackagePath, extracted);
            File.WriteAllText(Path.Combine(targetsOnly, "Repo.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks>
                  </PropertyGroup>
                  <Import Project="{Path.Combine(extracted, "buildMultiTargeting", "JetStream.Analyzers.targets")}" />
                </Project>
                """);
            File.WriteAllText(Path.Combine(targetsOnly, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(targetsOnly, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(targetsOnly, "Empty.cs"), "public class Empty { }\n");

            WriteProject(multi, "", "");
            var csproj = Path.Combine(multi, "Repo.csproj");
            File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks>"));
            File.WriteAllText(Path.Combine(multi, "Empty.cs"), "public class Empty { }\n");

            foreach (var project in new[] { targetsOnly, multi })
            {
                var (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary");
                Assert.True(exitCode == 0, output);
                Assert.DoesNotContain("MSB4022", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(extracted, recursive: true);
            Directory.Delete(targetsOnly, recursive: true);
            Directory.Delete(multi, recursive: true);
        }
    }

    [NatsServerFact]
    public async Task ConfigRepoReferencingThePackage_ChecksDefinitionsAgainstALiveServer()
    {
        await using var server = await NatsServer.StartAsync();
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, """{"name":"ORDERS","subjects":["orders.>"],"max_age":86400000000000,"max_bytes":1073741824,"deny_delete":true,"deny_purge":true}""");
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, """{"name":"SCRATCH","subjects":["scratch.>"]}""");
        var project = Directory.CreateTempSubdirectory("jetstream-live-repo-").FullName;
        try
        {
            WriteProject(project, """
                <NoWarn>$(NoWarn);JS1001</NoWarn>
                """, "");
            File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.csproj]\n");
            Directory.CreateDirectory(Path.Combine(project, "streams"));
            var orders = Path.Combine(project, "streams", "orders.json");
            File.WriteAllText(orders, "{\n  \"name\": \"ORDERS\",\n  \"subjects\": [\"orders.>\"],\n  \"max_age\": 3600000000000,\n  \"max_bytes\": 1073741824,\n  \"deny_delete\": true,\n  \"deny_purge\": true\n}\n");

            var (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary", $"-p:JetStreamServer={server.Url}");
            Assert.True(exitCode == 0, output);
            Assert.Contains(
                $"{orders}(2,11,2,19): warning JS5003: Stream 'ORDERS' differs from the server {server.Url} (nats-server {server.Version}): max_age is 1h in the file and 1d on the server (https://github.com/jetstream-analyzers/JetStream.Analyzers/blob/main/rules/JS5003.md)",
                output);
            // A suggestion without a file has no editor to show it, so the build prints it as a message.
            Assert.Contains($"Repo.csproj : message JS5008: Stream 'SCRATCH' on the server {server.Url} (nats-server {server.Version}) is not defined by any JetStreamConfig file", output);
            Assert.DoesNotContain("warning JS5008", output, StringComparison.Ordinal);

            // The server can change between builds, so the check never counts as up to date.
            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary", $"-p:JetStreamServer={server.Url}");
            Assert.True(exitCode == 0, output);
            Assert.Contains("warning JS5003", output);

            var closed = SilentEndpointFreePort();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary", $"-p:JetStreamServer=nats://127.0.0.1:{closed}", "-p:JetStreamTimeout=3");
            Assert.True(exitCode != 0, output);
            Assert.Contains(
                $"error JS5001: Can't check the JetStream definitions against nats://127.0.0.1:{closed}: nothing accepts connections at nats://127.0.0.1:{closed} (connection refused); check that nats-server is running and the host and port in JetStreamServer",
                output);

            // A pipeline that must not fail when the server is away lowers JS5001 for the project.
            File.AppendAllText(Path.Combine(project, ".editorconfig"), "dotnet_diagnostic.JS5001.severity = warning\n");
            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary", $"-p:JetStreamServer=nats://127.0.0.1:{closed}", "-p:JetStreamTimeout=3");
            Assert.True(exitCode == 0, output);
            Assert.Contains("warning JS5001: Can't check the JetStream definitions", output);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [NatsServerFact]
    public async Task JetStreamHealth_LooksAtEveryStream_AndJetStreamReportFile_WritesTheReport()
    {
        await using var server = await NatsServer.StartAsync();
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, """{"name":"ORDERS","subjects":["orders.>"],"max_age":3600000000000,"max_bytes":1073741824}""");
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, """{"name":"SCRATCH","subjects":["scratch.>"]}""");
        await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, """{"stream_name":"SCRATCH","config":{"durable_name":"tail","ack_policy":"explicit"}}""");
        for (var i = 0; i < 3; i++)
        {
            await server.Connection.PublishAsync("scratch.x", i);
        }

        await server.Connection.PingAsync();
        var project = Directory.CreateTempSubdirectory("jetstream-health-repo-").FullName;
        try
        {
            WriteProject(project, "<NoWarn>$(NoWarn);JS1001</NoWarn>", "");
            File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.csproj]\njetstream_max_consumer_pending = 2\n");
            Directory.CreateDirectory(Path.Combine(project, "streams"));
            File.WriteAllText(Path.Combine(project, "streams", "orders.json"), """{"name":"ORDERS","subjects":["orders.>"],"max_age":3600000000000,"max_bytes":1073741824}""");

            var (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary", $"-p:JetStreamServer={server.Url}");
            Assert.True(exitCode == 0, output);
            Assert.DoesNotContain("JS6001", output, StringComparison.Ordinal);

            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-nologo", "-clp:NoSummary", $"-p:JetStreamServer={server.Url}", "-p:JetStreamHealth=true", "-p:JetStreamReportFile=obj/jetstream-report.json");
            Assert.True(exitCode == 0, output);
            Assert.Contains("Repo.csproj : warning JS6001: Consumer 'tail' on stream 'SCRATCH' has 3 messages not yet delivered (num_pending), above the threshold of 2: ", output, StringComparison.Ordinal);
            var report = File.ReadAllText(Path.Combine(project, "obj", "jetstream-report.json"));
            Assert.Contains("{\"stream\": \"SCRATCH\", \"name\": \"tail\", \"num_pending\": 3,", report, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [NatsServerFact]
    public async Task LiveCheck_ReadsSecretsFromTheEnvironmentAndNeverPrintsThem()
    {
        const string Password = "Pa55-never-in-logs";
        const string Token = "T0ken-never-in-logs";
        await using var server = await ConfiguredNatsServer.StartAsync($"authorization {{ users = [ {{ user: ci, password: {Password} }} ] }}");
        var project = Directory.CreateTempSubdirectory("jetstream-live-secrets-").FullName;
        try
        {
            WriteProject(project, $"""
                <JetStreamServer>{server.Url}</JetStreamServer>
                <JetStreamUser>ci</JetStreamUser>
                <JetStreamTimeout>5</JetStreamTimeout>
                """, "");
            Directory.CreateDirectory(Path.Combine(project, "streams"));
            File.WriteAllText(Path.Combine(project, "streams", "orders.json"), """{"name":"ORDERS","subjects":["orders.>"]}""");

            var (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), new Dictionary<string, string> { ["JETSTREAM_PASSWORD"] = Password }, "build", "-nologo", "-v:detailed");
            Assert.True(exitCode == 0, output);
            Assert.Contains($"warning JS5002: Stream 'ORDERS' is not on the server {server.Url}", output);
            Assert.DoesNotContain(Password, output, StringComparison.Ordinal);

            // A wrong secret fails the build with JS5001 and still doesn't show up.
            (exitCode, output) = await DotNet.RunAsync(project, TimeSpan.FromMinutes(5), new Dictionary<string, string> { ["JETSTREAM_PASSWORD"] = Token }, "build", "-nologo");
            Assert.True(exitCode != 0, output);
            Assert.Contains("error JS5001:", output);
            Assert.Contains("refused the credentials (Authorization Violation)", output);
            Assert.DoesNotContain(Token, output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    private static int SilentEndpointFreePort() => new Uri(SilentEndpoint.ClosedPortUrl()).Port;

    /// <summary>A project that references the package from the test feed, isolated from the repository's own build files.</summary>
    private void WriteProject(string project, string properties, string items)
    {
        File.WriteAllText(Path.Combine(project, "Repo.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RestoreAdditionalProjectSources>{package.Feed}</RestoreAdditionalProjectSources>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="JetStream.Analyzers" Version="{package.Version}" PrivateAssets="all" />
                {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project />");
    }

    private static string[] DistinctLines(string output, string value) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(value, StringComparison.Ordinal)).Distinct().ToArray();
}
