using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs every JetStream analyzer over sources that need not compile, and returns the analyzer diagnostics including
/// AD0001 (an analyzer exception). For robustness tests on code the verifier would reject for its compiler errors.
/// </summary>
public static class AnalyzerRunner
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> All =
        ImmutableArray.Create<DiagnosticAnalyzer>(new StreamConfigurationAnalyzer(), new ConsumerConfigurationAnalyzer());

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        IEnumerable<(string Path, string Source)> sources,
        IEnumerable<MetadataReference>? references = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        IReadOnlyDictionary<string, string>? options = null,
        DiagnosticAnalyzer? analyzer = null)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, parse, path: s.Path));
        var compilation = CSharpCompilation.Create(
            "Robustness",
            trees,
            references ?? TestReferences.All,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Options(options ?? new Dictionary<string, string>())),
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        return await compilation.WithAnalyzers(analyzer is null ? All : ImmutableArray.Create(analyzer), analyzerOptions).GetAnalyzerDiagnosticsAsync();
    }

    public static Task<ImmutableArray<Diagnostic>> RunAsync(
        string source,
        IEnumerable<MetadataReference>? references = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        IReadOnlyDictionary<string, string>? options = null) =>
        RunAsync(new[] { ("/0/Test0.cs", source) }, references, outputKind, options);

    /// <summary>"JS1001 @ 3:14" lines, for readable assertion failures.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Id} @ {d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage()}"));

    /// <summary>The same options for every file and as global options.</summary>
    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private readonly Values values;

        public Options(IReadOnlyDictionary<string, string> options) => values = new Values(options);

        public override AnalyzerConfigOptions GlobalOptions => values;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => values;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => values;

        private sealed class Values : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> options;

            public Values(IReadOnlyDictionary<string, string> options) => this.options = options;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                options.TryGetValue(key, out value);
        }
    }
}
