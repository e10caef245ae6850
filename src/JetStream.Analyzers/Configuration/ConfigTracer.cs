using System.Collections.Generic;
using System.Linq;
using System.Threading;
using JetStream.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers.Configuration;

/// <summary>
/// Follows a configuration argument back to where it is built, within one syntax tree: <c>new</c> with or without
/// initializer, <c>with</c> copies, locals written before the call, readonly fields with an initializer (in any
/// part of a partial type), private or static helpers that return one, and <c>?:</c>, <c>??</c> and switch
/// expressions between those (only what every branch agrees on is known). Returns null whenever the object's
/// contents can't be known, so that no rule fires on guesses.
/// </summary>
internal sealed class ConfigTracer
{
    private const int MaxDepth = 4;

    // ConsumerConfigurationAnalyzer and ConsumerOrigin (JS3001, JS3006, JS3008) trace the same consumer argument.
    // Callers only read the result; every write in this class goes to a fresh object or a Copy().
    private static readonly ModelMemo<SyntaxNode, ConfigObject?> Traced = new();
    private readonly NatsTypes types;
    private readonly SemanticModel model;
    private readonly CancellationToken cancellationToken;

    public ConfigTracer(NatsTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        this.types = types;
        this.model = model;
        this.cancellationToken = cancellationToken;
    }

    public ConfigObject? Trace(IOperation value) => Traced.GetOrAdd(model, value.Syntax, (this, value), static (_, s) => s.Item1.Trace(s.value, 0));

    private ConfigObject? Trace(IOperation? operation, int depth)
    {
        operation = Values.Unwrap(operation);
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        switch (operation)
        {
            case IObjectCreationOperation creation when types.IsConfigType(creation.Type):
                return HasErrors(creation.Syntax) ? null : FromCreation(creation);
            case IWithOperation with:
                if (HasErrors(with.Syntax))
                {
                    return null;
                }

                var source = Trace(with.Operand, depth + 1)?.Copy();
                if (source is not null)
                {
                    ApplyInitializer(source, with.Initializer);
                }

                return source;
            case ILocalReferenceOperation local:
                return TraceLocal(local, depth);
            case IFieldReferenceOperation field:
                return TraceField(field, depth);
            case IInvocationOperation call:
                return TraceHelper(call, depth);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional when types.IsConfigType(conditional.Type):
                return TraceBranches(conditional, new[] { conditional.WhenTrue, whenFalse }, depth);
            case ICoalesceOperation coalesce when types.IsConfigType(coalesce.Type):
                return TraceBranches(coalesce, new[] { coalesce.Value, coalesce.WhenNull }, depth);
            case ISwitchExpressionOperation switchExpression when types.IsConfigType(switchExpression.Type):
                return TraceBranches(switchExpression, switchExpression.Arms.Select(a => a.Value).ToList(), depth);
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>c ? a : b</c>, <c>a ?? b</c> and switch expressions: what every branch agrees on (see <see cref="ConfigMerge"/>).
    /// A branch that can't be traced (a parameter on the left of <c>??</c>) makes the whole value unknown; a branch
    /// that throws produces nothing and is left out.
    /// </summary>
    private ConfigObject? TraceBranches(IOperation whole, IReadOnlyList<IOperation> branches, int depth)
    {
        if (HasErrors(whole.Syntax))
        {
            return null;
        }

        var traced = new List<ConfigObject>(branches.Count);
        foreach (var branch in branches)
        {
            if (Values.Unwrap(branch) is IThrowOperation)
            {
                continue;
            }

            if (Trace(branch, depth + 1) is not { } config)
            {
                return null;
            }

            traced.Add(config);
        }

        return ConfigMerge.Agreed(traced, whole);
    }

    private static ConfigObject FromCreation(IObjectCreationOperation creation)
    {
        var config = new ConfigObject(creation.Type!, creation.Syntax);
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                config.ConstructorArguments[parameter.Name] = argument.Value;
            }
        }

        if (creation.Initializer is { } initializer)
        {
            ApplyInitializer(config, initializer);
        }

        return config;
    }

    private static void ApplyInitializer(ConfigObject config, IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var item in initializer.Initializers)
        {
            switch (item)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                    config.Writes[property.Property.Name] = new PropertyWrite(assignment.Value, assignment.Syntax, uncertain: false);
                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation property } nested:
                    config.Writes[property.Property.Name] = new PropertyWrite(null, nested.Syntax, uncertain: true);
                    break;
            }
        }
    }

    private ConfigObject? TraceLocal(ILocalReferenceOperation use, int depth)
    {
        var local = use.Local;
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var root = ExecutableRoot(use.Syntax);
        if (root is null || root != ExecutableRoot(declarator))
        {
            return null;
        }

        var initial = model.GetOperation(initializer.Value, cancellationToken);
        if (Values.Unwrap(initial) is ILocalReferenceOperation)
        {
            return null; // var b = a: the same object under two names; writes through a after this line are not followed
        }

        var config = Trace(initial, depth + 1)?.Copy();
        if (config is null)
        {
            return null;
        }

        // A local function may be declared after the call and still run before it: its writes count wherever it is.
        foreach (var id in References(root, local, before: int.MaxValue, skip: declarator)
            .Where(id => id.SpanStart < use.Syntax.SpanStart || InLocalFunction(id, root)))
        {
            if (!Apply(config, id, use.Syntax))
            {
                return null;
            }
        }

        return config;
    }

    private ConfigObject? TraceField(IFieldReferenceOperation reference, int depth)
    {
        var field = reference.Field;
        // Only private fields: code outside the type (possibly in another file) could mutate any other field's object.
        if (!field.IsReadOnly || field.DeclaredAccessibility != Accessibility.Private || field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var config = Trace(model.GetOperation(initializer.Value, cancellationToken), depth + 1)?.Copy();
        if (config is null)
        {
            return null;
        }

        // Any method of the type, in any declaration of a partial type, may mutate the field's object; those
        // properties become unknown.
        foreach (var part in field.ContainingType.DeclaringSyntaxReferences)
        {
            var typeSyntax = part.GetSyntax(cancellationToken);
            if (typeSyntax.SyntaxTree != model.SyntaxTree)
            {
                // Another file's part (a [LoggerMessage] part, say) is not bound here: if it so much as spells the
                // field's name, the object may change there.
                if (Spells(typeSyntax, field.Name))
                {
                    return null;
                }

                continue;
            }

            foreach (var id in References(typeSyntax, field, before: int.MaxValue, skip: declarator))
            {
                if (!Apply(config, id, use: null))
                {
                    return null;
                }
            }
        }

        return config;
    }

    private ConfigObject? TraceHelper(IInvocationOperation call, int depth)
    {
        var method = call.TargetMethod;
        if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern
            || !(method.IsStatic || method.DeclaredAccessibility == Accessibility.Private || method.MethodKind == MethodKind.LocalFunction)
            || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (syntax.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var (body, expressionBody) = syntax switch
        {
            MethodDeclarationSyntax m => (m.Body, m.ExpressionBody),
            LocalFunctionStatementSyntax f => (f.Body, f.ExpressionBody),
            _ => (null, null),
        };
        if (expressionBody is not null)
        {
            return Trace(model.GetOperation(expressionBody.Expression, cancellationToken), depth + 1);
        }

        var returns = body?.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            .OfType<ReturnStatementSyntax>()
            .Take(2)
            .ToList();
        return returns is { Count: 1 } && returns[0].Expression is { } returned
            ? Trace(model.GetOperation(returned, cancellationToken), depth + 1)
            : null;
    }

    /// <summary>Folds one reference to the traced local or field into <paramref name="config"/>; false when the object escapes.</summary>
    private bool Apply(ConfigObject config, ExpressionSyntax reference, SyntaxNode? use)
    {
        // this.cfg, (cfg) and cfg! are the same object as cfg.
        if (reference.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self && self.Name == reference
            || reference.Parent is ParenthesizedExpressionSyntax
            || reference.Parent is PostfixUnaryExpressionSyntax suppress && suppress.IsKind(SyntaxKind.SuppressNullableWarningExpression))
        {
            return Apply(config, (ExpressionSyntax)reference.Parent, use);
        }

        var parent = reference.Parent;
        switch (parent)
        {
            case MemberAccessExpressionSyntax access when access.Expression == reference:
                return ApplyMemberAccess(config, access, use);
            case AssignmentExpressionSyntax assignment when assignment.Left == reference:
                return false; // reassigned
            case ArgumentSyntax argument:
                return argument.RefKindKeyword.IsKind(SyntaxKind.None)
                    && argument.Parent?.Parent is InvocationExpressionSyntax invocation
                    && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                    && ConfigCall.IsConfigMethod(method, types);
            case WithExpressionSyntax:
                return true;
            case BinaryExpressionSyntax comparison when comparison.IsKind(SyntaxKind.EqualsExpression) || comparison.IsKind(SyntaxKind.NotEqualsExpression):
                return true;
            case IsPatternExpressionSyntax pattern when pattern.Expression == reference:
                return !pattern.Pattern.DescendantNodesAndSelf().Any(n => n is VariableDesignationSyntax);
            default:
                // Anywhere else (an alias, a collection element, a lambda's result, a conditional, yield, ...) the
                // object may be changed out of sight.
                return false;
        }
    }

    private bool ApplyMemberAccess(ConfigObject config, MemberAccessExpressionSyntax access, SyntaxNode? use)
    {
        if (access.Parent?.ContainsDiagnostics == true)
        {
            return false; // cfg. being typed
        }

        var name = access.Name.Identifier.ValueText;
        switch (access.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == access:
                if (HasErrors(assignment))
                {
                    return false;
                }

                var uncertain = !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || use is null || IsConditional(assignment, use);
                // The assignment's value, with the implicit conversion to the property type (as in an initializer).
                var value = uncertain ? null
                    : (model.GetOperation(assignment, cancellationToken) as ISimpleAssignmentOperation)?.Value
                        ?? model.GetOperation(assignment.Right, cancellationToken);
                config.Writes[name] = new PropertyWrite(value, assignment, uncertain);
                break;
            case InvocationExpressionSyntax invocation when invocation.Expression == access:
                // cfg.Harden(): an extension method (or anything unresolved) may change the object.
                return model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ReducedFrom: null, IsStatic: false };
            case MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax
                or ArgumentSyntax or ConditionalAccessExpressionSyntax:
                // cfg.Subjects.Add(..), cfg.Metadata["k"] = .., cfg.MaxDeliver++: changed in place.
                config.Writes[name] = new PropertyWrite(null, access, uncertain: true);
                break;
        }

        return true;
    }

    private System.Collections.Generic.IEnumerable<IdentifierNameSyntax> References(SyntaxNode root, ISymbol symbol, int before, SyntaxNode skip)
    {
        foreach (var id in IdentifierSearch.Named(root, symbol.Name, cancellationToken))
        {
            if (id.SpanStart < before
                && !skip.Span.Contains(id.Span)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, symbol))
            {
                yield return id;
            }
        }
    }

    /// <summary>True when the text of <paramref name="node"/> holds <paramref name="name"/> as a whole word (comments and strings included).</summary>
    private bool Spells(SyntaxNode node, string name) =>
        TreeText.WholeWords(TreeText.Of(node.SyntaxTree, cancellationToken), name, node.SpanStart, node.Span.End).Any();

    private static bool InLocalFunction(SyntaxNode node, SyntaxNode root)
    {
        for (var current = node.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is LocalFunctionStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for code that is still being typed: syntax errors, or unresolved names and invalid expressions in the
    /// node's operations. (Asking the semantic model for the span's diagnostics would re-bind it: far too slow here.)
    /// </summary>
    private bool HasErrors(SyntaxNode node)
    {
        // A missing token (an unclosed initializer) is often reported just past the node: look at its statement.
        if (node.ContainsDiagnostics || node.FirstAncestorOrSelf<StatementSyntax>() is { ContainsDiagnostics: true })
        {
            return true;
        }

        if (model.GetOperation(node, cancellationToken) is not { } operation)
        {
            return true;
        }

        foreach (var item in operation.DescendantsAndSelf())
        {
            if (item is IInvalidOperation || item.Type is { TypeKind: TypeKind.Error }
                || item is IAssignmentOperation { Target.Kind: OperationKind.None or OperationKind.Invalid }
                || item is IObjectCreationOperation creation && LacksRequiredMembers(creation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>new T { … }</c> that leaves a required member of T unset does not compile.</summary>
    private static bool LacksRequiredMembers(IObjectCreationOperation creation)
    {
        if (creation.Type is not INamedTypeSymbol type || creation.Constructor?.GetAttributes().Any(a => a.AttributeClass?.Name == "SetsRequiredMembersAttribute") == true)
        {
            return false;
        }

        var assigned = new HashSet<string>();
        if (creation.Initializer is { } initializer)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is IAssignmentOperation { Target: IPropertyReferenceOperation property })
                {
                    assigned.Add(property.Property.Name);
                }
                else if (item is IAssignmentOperation { Target: IFieldReferenceOperation field })
                {
                    assigned.Add(field.Field.Name);
                }
            }
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true } && !assigned.Contains(member.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The method, accessor, local function, lambda or top-level program a node executes in.</summary>
    private static SyntaxNode? ExecutableRoot(SyntaxNode node) =>
        node.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
            or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or BasePropertyDeclarationSyntax
            or BaseFieldDeclarationSyntax or CompilationUnitSyntax);

    /// <summary>True when <paramref name="write"/> runs only on some of the paths that reach <paramref name="use"/>.</summary>
    private static bool IsConditional(SyntaxNode write, SyntaxNode use)
    {
        var common = write.Parent;
        while (common is not null && !common.Span.Contains(use.Span))
        {
            common = common.Parent;
        }

        for (var node = write.Parent; node is not null && node != common; node = node.Parent)
        {
            if (node is IfStatementSyntax or ElseClauseSyntax or SwitchSectionSyntax or SwitchExpressionArmSyntax
                or ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                or CatchClauseSyntax or FinallyClauseSyntax or ConditionalExpressionSyntax or ConditionalAccessExpressionSyntax
                or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax
                || node is BinaryExpressionSyntax binary && (binary.IsKind(SyntaxKind.LogicalAndExpression)
                    || binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.CoalesceExpression)))
            {
                return true;
            }
        }

        return false;
    }
}
