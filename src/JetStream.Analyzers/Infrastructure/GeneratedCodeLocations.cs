using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
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
/// the waiting charged to the configuration analyzers (issue 10). Generated files are still never analyzed. One
/// instance serves one callback, so its cache needs no lock either.
/// </remarks>
internal sealed class GeneratedCodeLocations
{
    private readonly Compilation compilation;
    private readonly Dictionary<SyntaxTree, bool> mentionsAttribute = new();
    private INamedTypeSymbol? attribute;

    public GeneratedCodeLocations(Compilation compilation)
    {
        this.compilation = compilation;
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
        if (!mentionsAttribute.TryGetValue(tree, out var mentions))
        {
            mentions = mentionsAttribute[tree] = Mentions(tree, cancellationToken);
        }

        attribute ??= mentions ? compilation.GetTypeByMetadataName(typeof(GeneratedCodeAttribute).FullName!) : null;
        if (!mentions || attribute is null)
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
        TreeText.Of(tree, cancellationToken).IndexOf("GeneratedCode", StringComparison.Ordinal) >= 0;
}
