namespace JetStream.Analyzers.Rules.Catalog;

/// <summary>Same order and meaning as Roslyn's DiagnosticSeverity, without depending on Roslyn.</summary>
public enum RuleSeverity
{
    Hidden = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
