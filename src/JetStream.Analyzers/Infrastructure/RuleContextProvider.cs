using System;
using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>
/// Options and target server version for a syntax tree (.editorconfig sections can differ per file), made once per
/// semantic model and provider. A dictionary of every tree per provider grew under the analyzers' concurrent first
/// lookups and had them spinning on its locks (issue 10); a model's memo table holds one entry per analyzer.
/// </summary>
internal sealed class RuleContextProvider
{
    private static readonly ModelMemo<RuleContextProvider, RuleContext> Contexts = new();

    private readonly AnalyzerConfigOptionsProvider options;

    public RuleContextProvider(AnalyzerConfigOptionsProvider options)
    {
        this.options = options;
    }

    public RuleContext For(SemanticModel model) =>
        Contexts.GetOrAdd(model, this, model.SyntaxTree, static (provider, tree) => provider.Create(tree, problems: null));

    /// <summary>
    /// The settings for the tree that can't be used (JS0001). The compiler itself warns about dotnet_diagnostic.*.severity
    /// values and hides those keys from analyzers; the JetStream category and all-analyzers keys it ignores silently.
    /// </summary>
    public List<ConfigurationProblem> ProblemsFor(SyntaxTree tree)
    {
        var problems = new List<ConfigurationProblem>();
        var context = Create(tree, problems);
        problems.AddRange(context.Options.Problems());
        var treeOptions = options.GetOptions(tree);
        if (options.GlobalOptions.TryGetValue("build_property." + ConfigurationChecks.AnalysisModeProperty, out var mode) && ConfigurationChecks.AnalysisMode(mode) is { } modeProblem)
        {
            problems.Add(modeProblem);
        }

        foreach (var key in new[] { ConfigurationChecks.CategorySeverityKey, ConfigurationChecks.AllSeverityKey })
        {
            if (treeOptions.TryGetValue(key, out var value) && ConfigurationChecks.Severity(key, value) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    private RuleContext Create(SyntaxTree tree, List<ConfigurationProblem>? problems)
    {
        var treeOptions = options.GetOptions(tree);
        var global = options.GlobalOptions;
        string? Lookup(string key) =>
            treeOptions.TryGetValue(key, out var value) || global.TryGetValue(key, out value) ? value : null;

        var version = ConfigurationChecks.ResolveServerVersion(Lookup(OptionKeys.ServerVersion), Lookup(OptionKeys.ServerVersionBuildProperty), problems);
        return new RuleContext(new RuleOptions(Lookup), version, CSharpNames.Property);
    }
}
