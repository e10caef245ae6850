using System;
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
                "buildTransitive/JetStream.Analyzers.props",
                "buildTransitive/JetStream.Analyzers.targets",
                "tasks/netstandard2.0/JetStream.Analyzers.ConfigFiles.dll",
                "tasks/netstandard2.0/JetStream.Analyzers.Rules.dll",
                "tasks/netstandard2.0/JetStream.Analyzers.Tasks.dll",
                "tasks/netstandard2.0/YamlDotNet.dll",
                "JetStream.Analyzers.nuspec",
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
}
