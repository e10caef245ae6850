using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compiles C# with Roslyn against <see cref="TestReferences.All"/>: runs analyzers over it, or emits it into an
/// in-memory assembly and calls its static methods. Hermetic like the analyzer tests (no packages resolved).
/// </summary>
public static class InMemoryCompiler
{
    private static int counter;

    public static CSharpCompilation Compile(string source, string? assemblyName = null)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create(
            assemblyName ?? $"ServerCases{Interlocked.Increment(ref counter)}",
            new[] { tree },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Test source does not compile:\n" + string.Join("\n", errors.Select(e => Describe(e, source))));
        }

        return compilation;
    }

    /// <summary>Emits the compilation and loads it into a collectible load context that shares NATS.Net with the tests.</summary>
    public static Assembly Load(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(image);
    }

    /// <summary>Runs one analyzer with the given .editorconfig-style options and returns its diagnostics.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CSharpCompilation compilation, DiagnosticAnalyzer analyzer, IReadOnlyDictionary<string, string> options)
    {
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(options));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), analyzerOptions);
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync();
        var failures = diagnostics.Where(d => d.Id is "AD0001").ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("The analyzer threw:\n" + string.Join("\n", failures));
        }

        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>The name of the method a diagnostic is reported in.</summary>
    public static string? ContainingMethod(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        var node = tree?.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node?.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.Text;
    }

    private static string Describe(Diagnostic error, string source)
    {
        var line = error.Location.GetLineSpan().StartLinePosition.Line;
        var text = source.Split('\n').ElementAtOrDefault(line) ?? string.Empty;
        return $"{error}\n    {(text.Length > 300 ? text.Substring(0, 300) + "..." : text.Trim())}";
    }

    /// <summary>The same analyzer options for every tree and file.</summary>
    internal sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options options;

        public OptionsProvider(IReadOnlyDictionary<string, string> values)
        {
            options = new Options(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> values;

        public Options(IReadOnlyDictionary<string, string> values)
        {
            this.values = values;
        }

        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = null!;
            return false;
        }
    }
}
