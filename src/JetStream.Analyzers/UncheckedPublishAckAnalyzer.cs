using System.Collections.Immutable;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers;

/// <summary>
/// JS3003: the PubAckResponse of a JetStream publish is thrown away or never checked; or TryPublishAsync's result
/// is checked only for Success.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UncheckedPublishAckAnalyzer : JetStreamAnalyzer
{
    /// <summary>
    /// Diagnostic property: "discarded" or "unchecked" (then <see cref="LocalProperty"/> names the local) for a
    /// PubAckResponse; "result-discarded", "result-unchecked" or "success-only" for TryPublishAsync's NatsResult.
    /// </summary>
    public const string KindProperty = "kind";

    public const string LocalProperty = "local";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.For(RuleCatalog.UncheckedPublishAck));

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, NatsTypes types, RuleContextProvider rules) =>
        context.RegisterOperationAction(Analyze, OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("PublishAsync" or PublishAck.TryPublish or "GetResponseAsync") || !PublishAck.IsAckSource(method)
            || invocation.Syntax is not InvocationExpressionSyntax syntax || invocation.SemanticModel is not { } model)
        {
            return;
        }

        var (use, local) = PublishAck.Classify(invocation, model, context.CancellationToken);
        if (use is not (PublishAckUse.Discarded or PublishAckUse.Unchecked or PublishAckUse.SuccessOnly))
        {
            return;
        }

        var isResult = method.Name == PublishAck.TryPublish;
        var what = method.Name == "GetResponseAsync" ? "the concurrent publish"
            : NatsApi.ConstantString(invocation, "subject") is { } subject ? $"{method.Name} to '{subject}'" : method.Name;
        var (how, kind) = use switch
        {
            PublishAckUse.Discarded => ("discarded", "discarded"),
            PublishAckUse.SuccessOnly => ($"stored in '{local!.Name}', whose Success is the only thing checked: Success means that a reply arrived, and the server's error is in {local.Name}.Value.Error", "success-only"),
            _ => ($"stored in '{local!.Name}' but never checked", "unchecked"),
        };
        var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, isResult && use != PublishAckUse.SuccessOnly ? "result-" + kind : kind);
        if (local is not null)
        {
            properties = properties.Add(LocalProperty, local.Name);
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.For(RuleCatalog.UncheckedPublishAck), syntax.GetLocation(), properties, what, how));
    }
}
