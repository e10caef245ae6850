using System.Collections.Concurrent;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>Options and target server version for a syntax tree (.editorconfig sections can differ per file), cached per tree.</summary>
internal sealed class RuleContextProvider
{
    private readonly AnalyzerConfigOptionsProvider options;
    private readonly ConcurrentDictionary<SyntaxTree, RuleContext> cache = new();

    public RuleContextProvider(AnalyzerConfigOptionsProvider options)
    {
        this.options = options;
    }

    public RuleContext For(SyntaxTree tree) => cache.GetOrAdd(tree, Create);

    private RuleContext Create(SyntaxTree tree)
    {
        var treeOptions = options.GetOptions(tree);
        var global = options.GlobalOptions;
        string? Lookup(string key) =>
            treeOptions.TryGetValue(key, out var value) || global.TryGetValue(key, out value) ? value : null;

        var versionText = Lookup(OptionKeys.ServerVersion) ?? Lookup(OptionKeys.ServerVersionBuildProperty);
        var version = ServerVersion.TryParse(versionText, out var parsed) ? parsed : ServerVersion.Newest;
        return new RuleContext(new RuleOptions(Lookup), version, CSharpNames.Property);
    }
}
