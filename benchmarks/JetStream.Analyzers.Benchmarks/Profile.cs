using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace JetStream.Analyzers.Benchmarks;

/// <summary>
/// --profile: where the JetStream analyzers' time goes. Replays a NATS project's csc command line in-process
/// (Roslyn 4.8, the analyzers' floor), runs all JetStream analyzers together and each alone without concurrency on a fresh compilation, and
/// compares it with baseline analyzers that do only parts of its work: the syntax walk with the name filter, and
/// the walk plus GetOperation on the invocations that pass the filter.
/// </summary>
internal static partial class Profile
{
    private static readonly HashSet<string> MethodNames = new(StringComparer.Ordinal)
    {
        "CreateStreamAsync", "CreateOrUpdateStreamAsync", "UpdateStreamAsync", "UpdateAsync",
        "CreateConsumerAsync", "CreateOrUpdateConsumerAsync", "UpdateConsumerAsync",
        "CreateStoreAsync", "CreateOrUpdateStoreAsync", "UpdateStoreAsync", "CreateObjectStoreAsync",
    };

    public static void Run(string buildLog, string projectDirectory, int runs, string? analyzerDll)
    {
        var commandLine = CompilerReplay.CommandLine(buildLog);
        var arguments = CSharpCommandLineParser.Default.Parse(
            CommandLineParser.SplitCommandLineIntoArguments(commandLine, removeHashComments: false).Skip(1),
            projectDirectory,
            sdkDirectory: null);
        var parseOptions = arguments.ParseOptions;
        var trees = arguments.SourceFiles
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f.Path), Encoding.UTF8), parseOptions, f.Path))
            .ToImmutableArray();
        var references = arguments.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference)).ToImmutableArray();
        var analyzerPath = arguments.AnalyzerReferences.Select(r => r.FilePath)
            .First(p => Path.GetFileName(p).Equals("JetStream.Analyzers.dll", StringComparison.OrdinalIgnoreCase));
        analyzerPath = analyzerDll ?? analyzerPath;
        var assembly = Assembly.LoadFrom(analyzerPath);
        DiagnosticAnalyzer Shipped(string name) => (DiagnosticAnalyzer)Activator.CreateInstance(assembly.GetType("JetStream.Analyzers." + name, throwOnError: true)!)!;

        CSharpCompilation Fresh() => CSharpCompilation.Create("Bench.nats", trees, references, arguments.CompilationOptions);

        Console.WriteLine($"profile: {trees.Length} trees, {references.Length} references, analyzers from {analyzerPath}");
        Console.WriteLine($"in-process, Roslyn {typeof(Compilation).Assembly.GetName().Version}, no concurrent analysis, medians of {runs} runs, each on a fresh compilation");

        var compile = Median(Enumerable.Range(0, runs).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            var reparsed = trees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), parseOptions, t.FilePath)).ToList();
            using var stream = new MemoryStream();
            var result = CSharpCompilation.Create("Bench.nats", reparsed, references, arguments.CompilationOptions).Emit(stream);
            watch.Stop();
            return result.Success ? watch.Elapsed.TotalSeconds : throw new InvalidOperationException("in-process compile failed: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
        }));
        Console.WriteLine($"compile without analyzers (parse + bind + emit): {compile:0.000} s");
        Console.WriteLine();
        Console.WriteLine("| analyzers run alone | execution time | share of compile | diagnostics |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");

        var shipped = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => t.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        var configurations = new List<(string Name, Func<DiagnosticAnalyzer[]> Create)>
        {
            ("all JetStream analyzers (shipped)", () => shipped.Select(Shipped).ToArray()),
        };
        configurations.AddRange(shipped.Select(name => (name, (Func<DiagnosticAnalyzer[]>)(() => [Shipped(name)]))));
        configurations.AddRange(
        [
            ("baseline: empty semantic-model action", () => [new EmptyBaseline()]),
            ("baseline: DescendantNodes walk + name filter", () => [new WalkBaseline(bind: false)]),
            ("baseline: walk + filter + GetOperation on matches", () => [new WalkBaseline(bind: true)]),
            ("baseline: the same + two warnings at each match (the compiler's cost of reporting)", () => [new WalkBaseline(bind: true, report: true)]),
        ]);
        foreach (var (name, create) in configurations)
        {
            var samples = new List<(double Seconds, int Diagnostics)>();
            for (var run = 0; run < runs; run++)
            {
                var compilation = Fresh();
                compilation.GetDeclarationDiagnostics(); // symbol tables exist before analyzers run in a real build too
                var analyzers = create().ToImmutableArray();
                var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                var seconds = analyzers.Sum(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalSeconds);
                samples.Add((seconds, diagnostics.Length));
            }

            var median = Median(samples.Select(s => s.Seconds));
            Console.WriteLine($"| {name} | {median:0.000} s | {(median / compile * 100).ToString("0.00", CultureInfo.InvariantCulture)}% | {samples[^1].Diagnostics} |");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static readonly DiagnosticDescriptor Never = new("BENCH0001", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor Reported = new("BENCH0002", "reported", "Configuration call '{0}'", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    /// <summary>Registers what the JetStream analyzers register, and does nothing in it: the driver's own cost.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyBaseline : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterSemanticModelAction(_ => { }));
        }
    }

    /// <summary>
    /// The first part of one JetStream analyzer's work per document (ConfigCall.FindAll), without tracing or rules;
    /// reporting, two warnings at each configuration call found, about as many as the JetStream rules report on the
    /// dense project.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class WalkBaseline(bool bind, bool report = false) : DiagnosticAnalyzer
    {
        public static int Matches;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never, Reported];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterSemanticModelAction(c =>
            {
                foreach (var node in c.SemanticModel.SyntaxTree.GetRoot(c.CancellationToken).DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax invocation && CalledName(invocation.Expression) is { } name && MethodNames.Contains(name)
                        && (!bind || (c.SemanticModel.GetOperation(invocation, c.CancellationToken) is IInvocationOperation operation
                            && operation.TargetMethod.ContainingAssembly?.Name.StartsWith("NATS.", StringComparison.Ordinal) == true)))
                    {
                        Interlocked.Increment(ref Matches);
                        if (report)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Reported, invocation.GetLocation(), name));
                            c.ReportDiagnostic(Diagnostic.Create(Reported, invocation.Expression.GetLocation(), name));
                        }
                    }
                }
            }));
        }

        private static string? CalledName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };
    }
}
