using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>
/// Base of every JetStream analyzer: concurrent, skips generated code, and registers nothing for a compilation
/// that does not reference NATS.Net JetStream. NATS types are resolved once per compilation.
/// </summary>
public abstract class JetStreamAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
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
