using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using JetStream.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace JetStream.Analyzers.Usage;

/// <summary>
/// Finds the paths through one iteration of a message loop on which the message is neither acknowledged, nor
/// negatively acknowledged, nor terminated, nor handed to other code. Structured C# only: a loop body with
/// <c>goto</c> or a local function that uses the message is not analyzed.
/// </summary>
/// <remarks>
/// A state is the set of "origins" of the paths that reach a point with the message still unhandled: the message
/// declaration (the main path) or a catch clause entered while it was unhandled. The empty set means handled on
/// every path; null means the point is unreachable. Paths that leave the loop (break, return, throw) are not
/// followed: the loop ends there, which is the program's business.
/// </remarks>
internal sealed class AckFlow
{
    private static readonly ImmutableHashSet<SyntaxNode> Handled = ImmutableHashSet<SyntaxNode>.Empty;

    /// <summary>
    /// Past this many characters in the analyzed statements (a hand-written loop body has a few thousand; a generated
    /// one with thousands of branches has hundreds of thousands) the analysis gives up and reports nothing: every
    /// statement is checked against every use of the message, so the cost grows with the square of the size. Measured
    /// in characters, not syntax nodes, so that the size is known without walking the statements (issue 10).
    /// </summary>
    private const int MaxLength = 60_000;

    /// <summary>Statements nested deeper than this (else-if chains nest) would recurse too deep: the analysis gives up.</summary>
    private const int MaxNesting = 200;

    private readonly ILocalSymbol message;
    private readonly SemanticModel model;
    private readonly CancellationToken cancellationToken;
    private readonly List<Frame> frames = new();
    // One entry per enclosing try block: whether something in it may throw while the message is unhandled.
    private readonly List<bool> tryFrames = new();
    private readonly List<(ContinueStatementSyntax Statement, ImmutableHashSet<SyntaxNode> State)> continues = new();
    private readonly HashSet<IdentifierNameSyntax> references = new();
    private bool unsupported;
    private int nesting;

    private AckFlow(ILocalSymbol message, SemanticModel model, CancellationToken cancellationToken)
    {
        this.message = message;
        this.model = model;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Binds every identifier spelled like the message once, so the walk below only looks names up.</summary>
    private void FindReferences(IReadOnlyList<StatementSyntax> statements)
    {
        var length = 0;
        foreach (var statement in statements)
        {
            length += statement.Span.Length;
        }

        if (length > MaxLength)
        {
            unsupported = true;
            return;
        }

        foreach (var statement in statements)
        {
            references.UnionWith(IdentifierSearch.References(statement, message, model, cancellationToken));
        }
    }

    /// <summary>Where an iteration ends with the message unhandled: <c>continue</c> statements, catch clauses, or the declaration (end of the body).</summary>
    public sealed class Result
    {
        public List<ContinueStatementSyntax> Continues { get; } = new();

        public List<CatchClauseSyntax> Catches { get; } = new();

        public bool EndOfBody { get; set; }

        public bool Any => Continues.Count > 0 || Catches.Count > 0 || EndOfBody;
    }

    /// <summary>
    /// Analyzes <paramref name="statements"/> (a loop body, or the statements after the NextAsync declaration)
    /// with the message unhandled at the start. Null when the body can't be analyzed.
    /// </summary>
    public static Result? Analyze(ILocalSymbol message, SyntaxNode origin, IEnumerable<StatementSyntax> statements, SemanticModel model, CancellationToken cancellationToken)
    {
        var flow = new AckFlow(message, model, cancellationToken);
        var list = statements as IReadOnlyList<StatementSyntax> ?? statements.ToList();
        statements = list;
        flow.FindReferences(list);
        if (flow.unsupported)
        {
            return null;
        }

        flow.frames.Add(new Frame(isLoop: true, isRoot: true));
        var state = (ImmutableHashSet<SyntaxNode>?)Handled.Add(origin);
        foreach (var statement in statements)
        {
            state = flow.Statement(statement, state);
        }

        if (flow.unsupported)
        {
            return null;
        }

        var result = new Result();
        foreach (var (statement, unhandled) in flow.continues)
        {
            if (unhandled.Count > 0 && !result.Continues.Contains(statement))
            {
                result.Continues.Add(statement);
            }
        }

        foreach (var node in state ?? Handled)
        {
            if (node is CatchClauseSyntax catchClause)
            {
                result.Catches.Add(catchClause);
            }
            else
            {
                result.EndOfBody = true;
            }
        }

        return result;
    }

    private ImmutableHashSet<SyntaxNode>? Statement(StatementSyntax statement, ImmutableHashSet<SyntaxNode>? state)
    {
        if (state is null || unsupported)
        {
            return null;
        }

        if (nesting >= MaxNesting)
        {
            unsupported = true;
            return null;
        }

        nesting++;
        try
        {
            return NestedStatement(statement, state);
        }
        finally
        {
            nesting--;
        }
    }

    private ImmutableHashSet<SyntaxNode>? NestedStatement(StatementSyntax statement, ImmutableHashSet<SyntaxNode> state)
    {
        switch (statement)
        {
            case BlockSyntax block:
                ImmutableHashSet<SyntaxNode>? blockState = state;
                foreach (var inner in block.Statements)
                {
                    blockState = Statement(inner, blockState);
                }

                return blockState;
            case IfStatementSyntax ifStatement:
                return If(ifStatement, state);
            case WhileStatementSyntax loopWhile:
                return Loop(Eval(loopWhile.Condition, state), loopWhile.Statement, runsAtLeastOnce: false, endless: IsTrue(loopWhile.Condition));
            case DoStatementSyntax loopDo:
                return Loop(state, loopDo.Statement, runsAtLeastOnce: true, endless: IsTrue(loopDo.Condition), condition: loopDo.Condition);
            case ForStatementSyntax loopFor:
                var afterInit = loopFor.Declaration is { } declaration ? Eval(declaration, state) : state;
                foreach (var initializer in loopFor.Initializers)
                {
                    afterInit = Eval(initializer, afterInit);
                }

                return Loop(loopFor.Condition is null ? afterInit : Eval(loopFor.Condition, afterInit), loopFor.Statement, runsAtLeastOnce: false, endless: loopFor.Condition is null || IsTrue(loopFor.Condition));
            case CommonForEachStatementSyntax forEach:
                return Loop(Eval(forEach.Expression, state), forEach.Statement, runsAtLeastOnce: false, endless: false);
            case TryStatementSyntax tryStatement:
                return Try(tryStatement, state);
            case SwitchStatementSyntax switchStatement:
                return Switch(switchStatement, state);
            case ContinueStatementSyntax continueStatement:
                Jump(continueStatement, state, isContinue: true);
                return null;
            case BreakStatementSyntax breakStatement:
                Jump(breakStatement, state, isContinue: false);
                return null;
            case ReturnStatementSyntax or ThrowStatementSyntax or YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement }:
                Eval(statement, state);
                return null;
            case UsingStatementSyntax usingStatement:
                var afterResource = usingStatement.Declaration is { } resource ? Eval(resource, state)
                    : usingStatement.Expression is { } expression ? Eval(expression, state) : state;
                return Statement(usingStatement.Statement, afterResource);
            case LockStatementSyntax lockStatement:
                return Statement(lockStatement.Statement, Eval(lockStatement.Expression, state));
            case CheckedStatementSyntax checkedStatement:
                return Statement(checkedStatement.Block, state);
            case UnsafeStatementSyntax unsafeStatement:
                return Statement(unsafeStatement.Block, state);
            case FixedStatementSyntax fixedStatement:
                return Statement(fixedStatement.Statement, Eval(fixedStatement.Declaration, state));
            case LocalFunctionStatementSyntax localFunction:
                unsupported |= Mentions(localFunction);
                return state;
            case LabeledStatementSyntax or GotoStatementSyntax:
                unsupported = true;
                return null;
            case EmptyStatementSyntax:
                return state;
            default:
                return Eval(statement, state);
        }
    }

    private ImmutableHashSet<SyntaxNode>? If(IfStatementSyntax ifStatement, ImmutableHashSet<SyntaxNode> state)
    {
        var afterCondition = Eval(ifStatement.Condition, state);
        var thenState = afterCondition;
        var elseState = afterCondition;

        // A NextAsync result that is null (the request expired) has nothing to acknowledge.
        switch (NullTest(ifStatement.Condition))
        {
            case true:
                thenState = Handled;
                break;
            case false:
                elseState = Handled;
                break;
        }

        var thenOut = Statement(ifStatement.Statement, thenState);
        var elseOut = ifStatement.Else is { } elseClause ? Statement(elseClause.Statement, elseState) : elseState;
        return Merge(thenOut, elseOut);
    }

    private ImmutableHashSet<SyntaxNode>? Loop(ImmutableHashSet<SyntaxNode>? state, StatementSyntax body, bool runsAtLeastOnce, bool endless, ExpressionSyntax? condition = null)
    {
        if (state is null)
        {
            return null;
        }

        var frame = new Frame(isLoop: true, isRoot: false);
        frames.Add(frame);
        var bodyOut = Statement(body, state);
        frames.RemoveAt(frames.Count - 1);

        // Paths that come back to the condition: end of the body and continue.
        var repeat = Merge(bodyOut, frame.Continues);
        if (condition is not null)
        {
            repeat = repeat is null ? null : Eval(condition, repeat);
        }

        if (endless)
        {
            return frame.Breaks;
        }

        var exit = Merge(repeat, frame.Breaks);
        return runsAtLeastOnce ? exit : Merge(exit, state);
    }

    private ImmutableHashSet<SyntaxNode>? Try(TryStatementSyntax tryStatement, ImmutableHashSet<SyntaxNode> state)
    {
        var continuesBefore = continues.Count;
        tryFrames.Add(false);
        var result = Statement(tryStatement.Block, state);
        var thrownUnhandled = tryFrames[tryFrames.Count - 1];
        tryFrames.RemoveAt(tryFrames.Count - 1);

        foreach (var catchClause in tryStatement.Catches)
        {
            // An exception thrown while the message was unhandled reaches the catch with the message unhandled.
            var catchIn = thrownUnhandled ? Handled.Add(catchClause) : Handled;
            if (catchClause.Filter is { } filter)
            {
                catchIn = Eval(filter.FilterExpression, catchIn) ?? catchIn;
            }

            result = Merge(result, Statement(catchClause.Block, catchIn));
        }

        if (tryStatement.Finally is { } finallyClause)
        {
            // A finally that acknowledges (even conditionally: if (!acked) NakAsync) covers every exit of the try.
            if (Handles(finallyClause.Block))
            {
                for (var i = continuesBefore; i < continues.Count; i++)
                {
                    continues[i] = (continues[i].Statement, Handled);
                }

                return result is null ? null : Handled;
            }

            result = result is null ? null : Statement(finallyClause.Block, result);
        }

        return result;
    }

    private ImmutableHashSet<SyntaxNode>? Switch(SwitchStatementSyntax switchStatement, ImmutableHashSet<SyntaxNode> state)
    {
        var afterExpression = Eval(switchStatement.Expression, state);
        var frame = new Frame(isLoop: false, isRoot: false);
        frames.Add(frame);
        var hasDefault = false;
        foreach (var section in switchStatement.Sections)
        {
            hasDefault |= section.Labels.Any(l => l is DefaultSwitchLabelSyntax || l is CasePatternSwitchLabelSyntax { Pattern: DiscardPatternSyntax, WhenClause: null });
            var sectionState = afterExpression;
            foreach (var statement in section.Statements)
            {
                sectionState = Statement(statement, sectionState);
            }

            frame.Breaks = Merge(frame.Breaks, sectionState);
        }

        frames.RemoveAt(frames.Count - 1);
        return hasDefault ? frame.Breaks : Merge(frame.Breaks, afterExpression);
    }

    private void Jump(StatementSyntax jump, ImmutableHashSet<SyntaxNode> state, bool isContinue)
    {
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            var frame = frames[i];
            if (!isContinue && !frame.IsLoop && !frame.IsRoot)
            {
                frame.Breaks = Merge(frame.Breaks, state);
                return;
            }

            if (!frame.IsLoop)
            {
                continue;
            }

            if (frame.IsRoot)
            {
                if (isContinue)
                {
                    continues.Add(((ContinueStatementSyntax)jump, state));
                }

                return;
            }

            if (isContinue)
            {
                frame.Continues = Merge(frame.Continues, state);
            }
            else
            {
                frame.Breaks = Merge(frame.Breaks, state);
            }

            return;
        }
    }

    /// <summary>Runs a statement or expression that does not branch: handled if it handles the message; otherwise an exception may leave it unhandled.</summary>
    private ImmutableHashSet<SyntaxNode>? Eval(SyntaxNode node, ImmutableHashSet<SyntaxNode>? state)
    {
        if (state is null)
        {
            return null;
        }

        if (Handles(node))
        {
            return Handled;
        }

        if (state.Count > 0)
        {
            for (var i = 0; i < tryFrames.Count; i++)
            {
                tryFrames[i] = true;
            }
        }

        return state;
    }

    private static ImmutableHashSet<SyntaxNode>? Merge(ImmutableHashSet<SyntaxNode>? a, ImmutableHashSet<SyntaxNode>? b) =>
        a is null ? b : b is null ? a : a.Union(b);

    private static bool IsTrue(ExpressionSyntax condition) => condition.IsKind(SyntaxKind.TrueLiteralExpression);

    /// <summary>True for <c>msg is null</c> / <c>msg == null</c>, false for <c>msg is not null</c> / <c>msg != null</c>, null otherwise.</summary>
    private bool? NullTest(ExpressionSyntax condition)
    {
        condition = Loops.Parentheses(condition);
        switch (condition)
        {
            case BinaryExpressionSyntax binary when binary.Right.IsKind(SyntaxKind.NullLiteralExpression) && IsMessage(binary.Left):
                return binary.IsKind(SyntaxKind.EqualsExpression) ? true : binary.IsKind(SyntaxKind.NotEqualsExpression) ? false : null;
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax literal } } isNull
                when literal.IsKind(SyntaxKind.NullLiteralExpression) && IsMessage(isNull.Expression):
                return true;
            case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax literal } } } isNotNull
                when literal.IsKind(SyntaxKind.NullLiteralExpression) && IsMessage(isNotNull.Expression):
                return false;
            default:
                return null;
        }
    }

    private bool IsMessage(ExpressionSyntax expression) => Loops.Parentheses(expression) is IdentifierNameSyntax id && references.Contains(id);

    private bool Mentions(SyntaxNode node) => references.Any(id => node.Span.Contains(id.Span));

    /// <summary>True when <paramref name="node"/> acknowledges the message or hands it to other code.</summary>
    private bool Handles(SyntaxNode node)
    {
        foreach (var id in references)
        {
            if (node.Span.Contains(id.Span) && (IsCaptured(id, node) || HandlesAt(id)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCaptured(SyntaxNode id, SyntaxNode root)
    {
        for (var node = id.Parent; node is not null && node != root; node = node.Parent)
        {
            if (node is AnonymousFunctionExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HandlesAt(IdentifierNameSyntax id)
    {
        SyntaxNode node = id;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax || node.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression))
        {
            node = node.Parent!;
        }

        switch (node.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Expression == node:
                return access.Parent is InvocationExpressionSyntax && NatsApi.TerminalAcks.Contains(access.Name.Identifier.ValueText)
                    || access.Name.Identifier.ValueText == ReplySubject.Member && ReplySubject.IsKept(access);
            case ConditionalAccessExpressionSyntax conditional when conditional.Expression == node:
                var binding = conditional.WhenNotNull.DescendantNodesAndSelf().OfType<MemberBindingExpressionSyntax>().FirstOrDefault();
                return binding is { Parent: InvocationExpressionSyntax } && NatsApi.TerminalAcks.Contains(binding.Name.Identifier.ValueText)
                    || binding?.Name.Identifier.ValueText == ReplySubject.Member && conditional.WhenNotNull == binding && ReplySubject.IsKept(conditional);
            case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } }:
                return false;
            case BinaryExpressionSyntax or InterpolationSyntax:
                return false;
            case IsPatternExpressionSyntax isPattern:
                // msg is null / msg is not null look; msg is { } other makes an alias, which counts as handing it on.
                return isPattern.Pattern.DescendantNodesAndSelf().Any(n => n is SingleVariableDesignationSyntax);
            default:
                // Passed to a method, stored, returned, yielded, put in a collection or tuple: someone else handles it.
                return true;
        }
    }

    private sealed class Frame
    {
        public Frame(bool isLoop, bool isRoot)
        {
            IsLoop = isLoop;
            IsRoot = isRoot;
        }

        public bool IsLoop { get; }

        /// <summary>The message loop itself: its continue ends an iteration, its break ends the loop.</summary>
        public bool IsRoot { get; }

        public ImmutableHashSet<SyntaxNode>? Continues { get; set; }

        public ImmutableHashSet<SyntaxNode>? Breaks { get; set; }
    }
}
