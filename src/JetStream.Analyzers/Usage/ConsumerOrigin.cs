using System.Linq;
using System.Threading;
using JetStream.Analyzers.Configuration;
using JetStream.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers.Usage;

/// <summary>What is known about how a consumer's messages must be acknowledged.</summary>
internal enum AckMode
{
    /// <summary>Nothing is known (a parameter, a field, GetConsumerAsync): rules that assume an acking consumer may report.</summary>
    Unknown,

    /// <summary>Ack policy explicit, set or by NATS.Net's default.</summary>
    Explicit,

    /// <summary>Ack policy none: nothing to acknowledge.</summary>
    None,

    /// <summary>Ack policy all: acknowledging a later message acknowledges the earlier ones.</summary>
    All,

    /// <summary>The ack policy is set from a value computed at run time.</summary>
    Dynamic,

    /// <summary>An ordered consumer (ack policy none, recreated by the client).</summary>
    Ordered,
}

/// <summary>Where a consumer object comes from, followed within one method: a local set once from a create or get call.</summary>
internal sealed class ConsumerOrigin
{
    private const int MaxDepth = 4;
    private static readonly ConsumerOrigin UnknownOrigin = new(AckMode.Unknown, null, null);

    // JS3001, JS3006 and JS3008 trace the same consumer of the same loop; each acknowledgement asks for its message's local.
    private static readonly ModelMemo<SyntaxNode, ConsumerOrigin> Traced = new();
    private static readonly ModelMemo<ILocalSymbol, ExpressionSyntax?> SingleAssignments = new(SymbolEqualityComparer.Default);

    private ConsumerOrigin(AckMode mode, string? name, string? stream)
    {
        Mode = mode;
        Name = name;
        Stream = stream;
    }

    public AckMode Mode { get; }

    public string? Name { get; }

    public string? Stream { get; }

    /// <summary>True unless the consumer is shown not to need acknowledgements (or its ack policy is computed).</summary>
    public bool MayNeedAcks => Mode is AckMode.Unknown or AckMode.Explicit;

    /// <summary>"consumer 'processor' on stream 'ORDERS'", "the ordered consumer on stream 'ORDERS'", or null when nothing is known.</summary>
    public string? Describe()
    {
        var stream = Stream is null ? string.Empty : $" on stream '{Stream}'";
        if (Mode == AckMode.Ordered)
        {
            return "the ordered consumer" + stream;
        }

        return Name is not null ? $"consumer '{Name}'{stream}" : Stream is not null ? "the consumer" + stream : null;
    }

    public static ConsumerOrigin Trace(IOperation? consumer, NatsTypes types, SemanticModel model, CancellationToken cancellationToken) =>
        consumer is null
            ? UnknownOrigin
            : Traced.GetOrAdd(model, consumer.Syntax, (consumer, types, model, cancellationToken), static (_, s) => Trace(s.consumer, s.types, s.model, s.cancellationToken, 0, orderedOnly: false));

    /// <summary>
    /// True when <see cref="Trace(IOperation?, NatsTypes, SemanticModel, CancellationToken)"/> would find an ordered
    /// consumer. Follows the same locals and awaits but never traces a ConsumerConfig, which only decides the ack
    /// policy of a non-ordered consumer: JS3008 asks this for every acknowledgement, and almost every answer is no.
    /// </summary>
    public static bool IsOrdered(IOperation? consumer, NatsTypes types, SemanticModel model, CancellationToken cancellationToken) =>
        consumer is not null && Trace(consumer, types, model, cancellationToken, 0, orderedOnly: true).Mode == AckMode.Ordered;

    private static ConsumerOrigin Trace(IOperation? consumer, NatsTypes types, SemanticModel model, CancellationToken cancellationToken, int depth, bool orderedOnly)
    {
        var operation = Values.Unwrap(consumer);
        if (operation is null || depth > MaxDepth)
        {
            return UnknownOrigin;
        }

        if (NatsTypes.Is(operation.Type, types.OrderedConsumer) || NatsTypes.Is(operation.Type, types.OrderedPushConsumer))
        {
            return new ConsumerOrigin(AckMode.Ordered, null, null);
        }

        switch (operation)
        {
            case IAwaitOperation await:
                return Trace(await.Operation, types, model, cancellationToken, depth + 1, orderedOnly);
            case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } awaited }:
                return Trace(awaited, types, model, cancellationToken, depth + 1, orderedOnly);
            case ILocalReferenceOperation local:
                return SingleAssignment(local.Local, model, cancellationToken) is { } initializer
                    ? Trace(model.GetOperation(initializer, cancellationToken), types, model, cancellationToken, depth + 1, orderedOnly)
                    : new ConsumerOrigin(AckMode.Dynamic, null, null);
            case IInvocationOperation call when NatsApi.IsNats(call.TargetMethod):
                return orderedOnly && !NatsApi.OrderedCreations.Contains(call.TargetMethod.Name) ? UnknownOrigin : FromCall(call, types, model, cancellationToken);
            default:
                return UnknownOrigin;
        }
    }

    private static ConsumerOrigin FromCall(IInvocationOperation call, NatsTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        var name = call.TargetMethod.Name;
        var stream = NatsApi.ConstantString(call, "stream");
        if (NatsApi.OrderedCreations.Contains(name))
        {
            return new ConsumerOrigin(AckMode.Ordered, null, stream);
        }

        switch (name)
        {
            case "CreateConsumerAsync" or "CreateOrUpdateConsumerAsync" or "UpdateConsumerAsync":
                if (NatsApi.Argument(call, "config") is not { } argument
                    || new ConfigTracer(types, model, cancellationToken).Trace(argument) is not { } config)
                {
                    return new ConsumerOrigin(AckMode.Unknown, null, stream);
                }

                config.Writes.TryGetValue("AckPolicy", out var ackPolicy);
                var consumerName = Constant(config.Writes, "Name") ?? Constant(config.Writes, "DurableName")
                    ?? (config.ConstructorArguments.TryGetValue("name", out var ctorName) ? Values.String(ctorName, null).Value : null);
                return new ConsumerOrigin(ModeOf(config.Writes.ContainsKey("AckPolicy"), ackPolicy.Uncertain ? null : ackPolicy.Value), consumerName, stream);
            case "CreatePushConsumerAsync" or "CreateOrUpdatePushConsumerAsync":
                if (WriteReader.ForInitializer(NatsApi.Argument(call, "opts")) is not { } opts)
                {
                    return new ConsumerOrigin(AckMode.Unknown, null, stream);
                }

                var pushName = opts.String("Name").Value ?? opts.String("DurableName").Value;
                return new ConsumerOrigin(ModeOf(opts.Has("AckPolicy"), opts.Raw("AckPolicy")), pushName, stream);
            case "GetConsumerAsync" or "GetPushConsumerAsync":
                return new ConsumerOrigin(AckMode.Unknown, NatsApi.ConstantString(call, "consumer"), stream);
            default:
                return UnknownOrigin;
        }
    }

    private static AckMode ModeOf(bool set, IOperation? value)
    {
        if (!set)
        {
            return AckMode.Explicit;
        }

        return Values.EnumName(value, null) is { IsKnown: true } known
            ? known.Value switch
            {
                "Explicit" => AckMode.Explicit,
                "None" => AckMode.None,
                "All" => AckMode.All,
                _ => AckMode.Dynamic,
            }
            : AckMode.Dynamic;
    }

    private static string? Constant(System.Collections.Generic.Dictionary<string, PropertyWrite> writes, string property) =>
        writes.TryGetValue(property, out var write) && !write.Uncertain ? Values.String(write.Value, null).Value : null;

    /// <summary>
    /// The initializer of a local that is declared with one and never assigned again (in the same method, including
    /// lambdas); null otherwise.
    /// </summary>
    public static ExpressionSyntax? SingleAssignment(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken) =>
        SingleAssignments.GetOrAdd(model, local, (model, cancellationToken), static (l, s) => FindSingleAssignment(l, s.model, s.cancellationToken));

    private static ExpressionSyntax? FindSingleAssignment(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var root = declarator.Ancestors().FirstOrDefault(n => n is MemberDeclarationSyntax or CompilationUnitSyntax) ?? declarator.SyntaxTree.GetRoot(cancellationToken);
        return IdentifierSearch.References(root, local, model, cancellationToken).Any(IsWritten) ? null : initializer.Value;
    }

    private static bool IsWritten(IdentifierNameSyntax id) => id.Parent switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left == id,
        ArgumentSyntax argument => argument.RefKindKeyword.RawKind != 0,
        PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => id.Parent.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
            or SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression,
        _ => false,
    };
}
