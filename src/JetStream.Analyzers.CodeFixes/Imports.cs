using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace JetStream.Analyzers.CodeFixes;

/// <summary>Using directives a fix needs, e.g. for an extension method that can't be written fully qualified.</summary>
internal static class Imports
{
    /// <summary>True when the extension method <paramref name="name"/> can be called on <paramref name="receiver"/> at <paramref name="position"/>.</summary>
    public static bool ExtensionInScope(SemanticModel model, int position, ITypeSymbol? receiver, string name) =>
        receiver is not null && model.LookupSymbols(position, receiver, name, includeReducedExtensionMethods: true).Any(s => s is IMethodSymbol { IsExtensionMethod: true } or IMethodSymbol { MethodKind: MethodKind.ReducedExtension });

    /// <summary>Adds <c>using <paramref name="ns"/>;</c> after the file's last using directive, unless the file already has it.</summary>
    public static CompilationUnitSyntax Add(CompilationUnitSyntax root, string ns, SyntaxTrivia endOfLine)
    {
        if (root.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == ns))
        {
            return root;
        }

        var directive = ((UsingDirectiveSyntax)ParseCompilationUnit("using " + ns + ";").Usings[0]).WithTrailingTrivia(endOfLine);
        return root.WithUsings(root.Usings.Add(directive));
    }
}
