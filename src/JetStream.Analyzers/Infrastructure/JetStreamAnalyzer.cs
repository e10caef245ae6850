using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>
/// Base of every JetStream analyzer: concurrent, skips generated code, and registers nothing for a compilation
/// that does not reference NATS.Net JetStream. NATS types are resolved once per compilation.
/// </summary>
/// <remarks>
/// Generated files and declarations are never analyzed. The compiler is told that diagnostics may be reported in
/// generated code so that it does not check each one under a compilation-wide lock: a diagnostic can only land in
/// generated code when a configuration analyzer follows a value into another declaration, and those check
/// <see cref="GeneratedCodeLocations"/> themselves.
/// </remarks>
public abstract class JetStreamAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (NatsTypes.TryCreate(start.Compilation) is { } types)
            {
                OnCompilationStart(start, types, new RuleContextProvider(start.Options.AnalyzerConfigOptionsProvider));
            }
        });
    }

    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules);
}
