using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>Analyzer and code-fix verification against the real NATS.Net assemblies, with optional .editorconfig options.</summary>
public static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    private static readonly TAnalyzer Analyzer = new();

    /// <summary>An expected diagnostic with the descriptor's default severity.</summary>
    public static DiagnosticResult Diagnostic(string id) =>
        new(Analyzer.SupportedDiagnostics.Single(d => d.Id == id));

    /// <summary>An expected diagnostic whose message is not compared (for theories over many rules).</summary>
    public static DiagnosticResult DiagnosticWithAnyMessage(string id) =>
        new(id, Analyzer.SupportedDiagnostics.Single(d => d.Id == id).DefaultSeverity);

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(source, options: null, expected);

    public static Task AnalyzerAsync(string source, IDictionary<string, string>? options, params DiagnosticResult[] expected) =>
        AnalyzerAsync(source, options, configure: null, expected);

    /// <summary>
    /// Like <see cref="AnalyzerAsync(string, IDictionary{string, string}?, DiagnosticResult[])"/>, with a hook that can change the
    /// test after the default set-up (add sources or a global config, drop references, change the output kind, ...).
    /// </summary>
    public static async Task AnalyzerAsync(string source, IDictionary<string, string>? options, Action<AnalyzerTest>? configure, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        Configure(test.TestState, options);
        configure?.Invoke(test);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Options given as a global analyzer config (is_global = true), the way MSBuild passes build_property.* values.</summary>
    public static Task AnalyzerWithGlobalOptionsAsync(string source, IDictionary<string, string> globalOptions, params DiagnosticResult[] expected) =>
        AnalyzerAsync(source, options: null, test => test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(globalOptions))), expected);

    /// <summary>A compilation that references only the framework: no NATS.Net assembly at all.</summary>
    public static Task AnalyzerWithoutNatsAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(source, options: null, test =>
        {
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(TestReferences.Framework);
        }, expected);

    public static string GlobalConfig(IDictionary<string, string> options)
    {
        var config = new StringBuilder("is_global = true\n");
        foreach (var pair in options)
        {
            config.Append(pair.Key).Append(" = ").Append(pair.Value).Append('\n');
        }

        return config.ToString();
    }

        public static Task CodeFixAsync<TFix>(string source, string fixedSource, IDictionary<string, string>? options = null, string? equivalenceKey = null, LanguageVersion languageVersion = LanguageVersion.Latest)
        where TFix : CodeFixProvider, new() =>
        CodeFixAsync<TFix>(source, fixedSource, batchFixedSource: null, options, equivalenceKey, languageVersion);

    /// <summary>Runs the fix on each diagnostic, and Fix All (document, project, solution) when <paramref name="batchFixedSource"/> is given.</summary>
    public static async Task CodeFixAsync<TFix>(string source, string fixedSource, string? batchFixedSource, IDictionary<string, string>? options, string? equivalenceKey = null, LanguageVersion languageVersion = LanguageVersion.Latest)
        where TFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TFix>(languageVersion)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (batchFixedSource is not null)
        {
            test.BatchFixedCode = batchFixedSource;
        }

        Configure(test.TestState, options);
        Configure(test.FixedState, options);
        Configure(test.BatchFixedState, options);
        await test.RunAsync(CancellationToken.None);
    }

    private static void Configure(SolutionState state, IDictionary<string, string>? options)
    {
        state.AdditionalReferences.AddRange(TestReferences.All);
        if (options is { Count: > 0 })
        {
            var config = new StringBuilder("root = true\n\n[*.cs]\n");
            foreach (var pair in options)
            {
                config.Append(pair.Key).Append(" = ").Append(pair.Value).Append('\n');
            }

            state.AnalyzerConfigFiles.Add(("/.editorconfig", config.ToString()));
        }
    }

    public sealed class AnalyzerTest : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = TestReferences.None;
        }

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }

    private sealed class CodeFixTest<TFix> : CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        private readonly LanguageVersion languageVersion;

        public CodeFixTest(LanguageVersion languageVersion)
        {
            this.languageVersion = languageVersion;
            ReferenceAssemblies = TestReferences.None;
        }

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(languageVersion);
    }
}
