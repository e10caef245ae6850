using System;
using System.IO;
using System.Text.RegularExpressions;

namespace JetStream.Analyzers.Benchmarks;

/// <summary>
/// A generated class library outside the repository, with its own empty Directory.Build.props and
/// Directory.Packages.props so neither the repository's settings (warnings as errors, central package versions)
/// nor anything above the temp folder applies. It references the packed JetStream.Analyzers from a folder feed.
/// </summary>
internal sealed partial class GeneratedProject
{
    private GeneratedProject(string name, string directory, int files, long lines, int callSites, bool referencesNats)
    {
        Name = name;
        Directory = directory;
        Files = files;
        Lines = lines;
        CallSites = callSites;
        ReferencesNats = referencesNats;
    }

    public string Name { get; }

    public string Directory { get; }

    public int Files { get; }

    public long Lines { get; }

    /// <summary>
    /// Calls of NATS.Net JetStream methods in the generated files, counted from their text: the denominator of the
    /// per-call-site times. Only the method names the generators write are counted; property writes are not.
    /// </summary>
    public int CallSites { get; }

    public bool ReferencesNats { get; }

    /// <summary>The compiler's SARIF log: every JetStream diagnostic, suggestions included (they don't show in the build output).</summary>
    public string Sarif => Path.Combine(Directory, "obj", "diagnostics.sarif");

    public static GeneratedProject Write(string work, string name, int files, bool references, string feed, string version, Func<int, string> file)
    {
        var directory = Path.Combine(work, name);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        var sources = Path.Combine(directory, "src");
        System.IO.Directory.CreateDirectory(sources);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        var nats = references ? "\n    <PackageReference Include=\"NATS.Net\" Version=\"3.3.2\" />" : string.Empty;
        File.WriteAllText(Path.Combine(directory, $"Bench.{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <LangVersion>latest</LangVersion>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                <RestoreAdditionalProjectSources>{feed}</RestoreAdditionalProjectSources>
                <ErrorLog>$(MSBuildProjectDirectory)/obj/diagnostics.sarif,version=2.1</ErrorLog>
              </PropertyGroup>
              <ItemGroup>{nats}
                <PackageReference Include="JetStream.Analyzers" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);

        long lines = 0;
        var callSites = 0;
        for (var n = 0; n < files; n++)
        {
            var text = file(n);
            lines += text.AsSpan().Count('\n') + 1;
            callSites += references ? CallSite().Count(text) : 0;
            File.WriteAllText(Path.Combine(sources, $"{OrdinaryCode.Domain(n)}{n:0000}.cs"), text);
        }

        return new GeneratedProject(name, directory, files, lines, callSites, references);
    }

    [GeneratedRegex(@"\.(?:Create(?:OrUpdate)?(?:Stream|Consumer|PushConsumer|OrderedConsumer|Store|ObjectStore)Async|Update(?:Stream|Consumer|Store)?Async|Get(?:Stream|Consumer|PushConsumer)Async|ConsumeAsync|FetchAsync|FetchNoWaitAsync|NextAsync|PublishAsync|PublishConcurrentAsync|EnsureSuccess|IsSuccess|AckAsync|NakAsync|AckTerminateAsync|AckProgressAsync)(?=[<(])", RegexOptions.CultureInvariant)]
    private static partial Regex CallSite();
}
