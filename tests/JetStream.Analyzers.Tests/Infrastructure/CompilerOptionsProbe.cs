using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// Asks the .NET SDK's own C# compiler (the csc.dll that `dotnet build` runs here) which analyzer options it gives a
/// file: a tiny analyzer, compiled once per test run, reports each additional file's AnalyzerConfigOptions as a warning.
/// </summary>
public static class CompilerOptionsProbe
{
    private const string Source = """
        using System;
        using System.Collections.Immutable;
        using System.Linq;
        using Microsoft.CodeAnalysis;
        using Microsoft.CodeAnalysis.Diagnostics;

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        public sealed class OptionsProbe : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Descriptor = new("PROBE", "Options", "{0}", "Probe", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.RegisterCompilationAction(c =>
                {
                    foreach (var file in c.Options.AdditionalFiles)
                    {
                        var options = c.Options.AnalyzerConfigOptionsProvider.GetOptions(file);
                        var pairs = options.Keys.Select(k => options.TryGetValue(k, out var v) ? Uri.EscapeDataString(k) + "=" + Uri.EscapeDataString(v) : "");
                        c.ReportDiagnostic(Diagnostic.Create(Descriptor, Location.None, "@" + Uri.EscapeDataString(file.Path) + "?" + string.Join("&", pairs)));
                    }
                });
            }
        }
        """;

    private static readonly Lazy<string> ProbeAssembly = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The options the compiler gives each additional file, by full path.</summary>
    public static async Task<Dictionary<string, Dictionary<string, string>>> OptionsAsync(string workingDirectory, IEnumerable<string> analyzerConfigs, IEnumerable<string> files)
    {
        var output = Path.Combine(workingDirectory, "probe-out.dll");
        var source = Path.Combine(workingDirectory, "Probe0.cs");
        await File.WriteAllTextAsync(source, "class Probe0 { }");
        var arguments = new List<string> { Csc, "-nologo", "-noconfig", "-t:library", "-out:" + output, "-analyzer:" + ProbeAssembly.Value };
        arguments.Add("-r:" + typeof(object).Assembly.Location);
        arguments.AddRange(analyzerConfigs.Select(c => "-analyzerconfig:" + c));
        arguments.AddRange(files.Select(f => "-additionalfile:" + f));
        arguments.Add(source);
        var (exitCode, text) = await DotNet.RunAsync(workingDirectory, TimeSpan.FromMinutes(2), arguments.ToArray());
        Assert.True(exitCode == 0, "csc failed:\n" + text);

        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("warning PROBE: @", StringComparison.Ordinal)))
        {
            var body = line.Substring("warning PROBE: @".Length);
            var query = body.IndexOf('?');
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in body.Substring(query + 1).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                options[Uri.UnescapeDataString(pair.Substring(0, equals))] = Uri.UnescapeDataString(pair.Substring(equals + 1));
            }

            result[Uri.UnescapeDataString(body.Substring(0, query))] = options;
        }

        return result;
    }

    /// <summary>The compiler of the SDK that builds this repository (global.json and all).</summary>
    public static string Csc
    {
        get
        {
            var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
            var version = DotNet.RunAsync(Repository.Root, TimeSpan.FromMinutes(1), "--version").GetAwaiter().GetResult().Output.Trim();
            return Path.Combine(dotnetRoot, "sdk", version, "Roslyn", "bincore", "csc.dll");
        }
    }

    private static string Build()
    {
        var compilation = CSharpCompilation.Create(
            "JetStreamOptionsProbe",
            new[] { CSharpSyntaxTree.ParseText(Source) },
            TestReferences.Framework.Add(MetadataReference.CreateFromFile(typeof(DiagnosticAnalyzer).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(Directory.CreateTempSubdirectory("jetstream-probe-").FullName, "JetStreamOptionsProbe.dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }
}
