using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Tests.Documentation;

/// <summary>Compiles a documentation example against NATS.Net and runs both analyzers on it.</summary>
public static class ExampleRunner
{
    /// <summary>Every analyzer the package ships (each class with [DiagnosticAnalyzer] in JetStream.Analyzers).</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(StreamConfigurationAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The analyzer diagnostics; throws when the example does not compile.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(string statements, IReadOnlyDictionary<string, string> options)
    {
        var source = Code.InMethod(statements);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/Example.cs");
        var compilation = CSharpCompilation.Create(
            "Example",
            new[] { tree },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The example does not compile:\n" + string.Join("\n", errors) + "\n\n" + source);
        }

        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(options));
        return await compilation.WithAnalyzers(Analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions options;

        public OptionsProvider(IReadOnlyDictionary<string, string> values)
        {
            options = new DictionaryOptions(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values)
        {
            this.values = values;
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = null;
            return false;
        }
    }
}
