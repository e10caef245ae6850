using System;
using System.CodeDom.Compiler;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>
/// Where the compiler would drop a diagnostic as generated code inside a hand-written file: a <c>#line hidden</c>
/// region, or a declaration marked <c>[GeneratedCode]</c>. The JetStream analyzers tell the compiler they report in
/// generated code (<see cref="JetStreamAnalyzer"/>) and ask here instead.
/// </summary>
/// <remarks>
/// The compiler asks for every diagnostic, under one lock for the whole compilation: on code that is mostly JetStream
/// wiring, where this package reports several diagnostics a file and the SDK's analyzers none, that lock was most of
/// the waiting charged to the configuration analyzers (issue 10). Generated files are still never analyzed.
/// </remarks>
internal sealed class GeneratedCodeLocations
{
    private readonly Compilation compilation;
    private readonly INamedTypeSymbol? attribute;
    private readonly ConcurrentDictionary<SyntaxTree, bool> mentionsAttribute = new();

    public GeneratedCodeLocations(Compilation compilation)
    {
        this.compilation = compilation;
        attribute = compilation.GetTypeByMetadataName(typeof(GeneratedCodeAttribute).FullName!);
    }

    public bool Contain(Location location, CancellationToken cancellationToken)
    {
        if (location.SourceTree is not { } tree)
        {
            return false;
        }

        if (tree.HasHiddenRegions() && tree.GetLineVisibility(location.SourceSpan.Start, cancellationToken) == LineVisibility.Hidden)
        {
            return true;
        }

        // The attribute can't apply where its name is not written (the compiler makes the same check, by tokens).
        if (attribute is null
            || !(mentionsAttribute.TryGetValue(tree, out var mentions) ? mentions : mentionsAttribute.GetOrAdd(tree, Mentions(tree, cancellationToken))))
        {
            return false;
        }

        var model = compilation.GetSemanticModel(tree);
        for (var node = tree.GetRoot(cancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true); node is not null; node = node.Parent)
        {
            // A field's symbol is its declarator's; a local's has no attributes.
            if (node is MemberDeclarationSyntax or AccessorDeclarationSyntax or VariableDeclaratorSyntax or LocalFunctionStatementSyntax
                && model.GetDeclaredSymbol(node, cancellationToken) is { } symbol
                && IsMarked(symbol))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsMarked(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            foreach (var data in current.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Mentions(SyntaxTree tree, CancellationToken cancellationToken) =>
        tree.GetText(cancellationToken).ToString().IndexOf("GeneratedCode", StringComparison.Ordinal) >= 0;
}
