using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers.Usage;

/// <summary>
/// The NATS.Net methods the client-usage rules look for. Every check starts with the method name (a string
/// compare) and only then looks at the method's assembly, so unrelated calls cost one hash lookup.
/// </summary>
internal static class NatsApi
{
    public const string JetStreamAssembly = "NATS.Client.JetStream";

    /// <summary>Methods that return the messages of a consumer as an async sequence.</summary>
    public static readonly HashSet<string> SequenceMethods = new(StringComparer.Ordinal) { "ConsumeAsync", "FetchAsync", "FetchNoWaitAsync" };

    public const string NextMethod = "NextAsync";

    /// <summary>Acknowledgements that end a delivery: the server does not redeliver after them (NAK redelivers as a new delivery).</summary>
    public static readonly HashSet<string> TerminalAcks = new(StringComparer.Ordinal) { "AckAsync", "NakAsync", "AckTerminateAsync" };

    /// <summary>Every acknowledgement a JetStream message can send.</summary>
    public static readonly HashSet<string> AllAcks = new(StringComparer.Ordinal) { "AckAsync", "NakAsync", "AckTerminateAsync", "AckProgressAsync" };

    /// <summary>Methods that create or update a consumer on the server.</summary>
    public static readonly HashSet<string> ConsumerCreations = new(StringComparer.Ordinal)
    {
        "CreateConsumerAsync", "CreateOrUpdateConsumerAsync", "UpdateConsumerAsync", "CreateOrderedConsumerAsync",
        "CreatePushConsumerAsync", "CreateOrUpdatePushConsumerAsync", "CreateOrderedPushConsumerAsync",
    };

    public static readonly HashSet<string> OrderedCreations = new(StringComparer.Ordinal) { "CreateOrderedConsumerAsync", "CreateOrderedPushConsumerAsync" };

    /// <summary>JetStream publishes that return (a future of) the server's PubAck.</summary>
    public static readonly HashSet<string> Publishes = new(StringComparer.Ordinal) { "PublishAsync", "TryPublishAsync", "PublishConcurrentAsync" };

    /// <summary>True for a method declared in one of NATS.Net's assemblies (NATS.Client.*, NATS.Net).</summary>
    public static bool IsNats(IMethodSymbol? method) =>
        method?.ContainingAssembly?.Name is { } name && name.StartsWith("NATS.", StringComparison.Ordinal);

    public static bool IsJetStream(IMethodSymbol? method) => method?.ContainingAssembly?.Name == JetStreamAssembly;

    /// <summary><c>INatsJSContext.PublishAsync</c> and friends, not the core <c>INatsConnection.PublishAsync</c>.</summary>
    public static bool IsJetStreamPublish(IMethodSymbol method) =>
        Publishes.Contains(method.Name) && IsJetStream(method) && method.ContainingType?.Name is "INatsJSContext" or "NatsJSContext";

    /// <summary>The receiver of an instance call, or the <c>this</c> argument of an extension method call.</summary>
    public static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    /// <summary>The argument bound to the parameter <paramref name="name"/>, unless it was left to its default.</summary>
    public static IOperation? Argument(IInvocationOperation invocation, string name)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == name && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>A constant string argument, for messages; null when absent or computed.</summary>
    public static string? ConstantString(IInvocationOperation invocation, string parameter) =>
        Argument(invocation, parameter) is { } value && Configuration.Values.Unwrap(value)?.ConstantValue is { HasValue: true, Value: string text } ? text : null;

    /// <summary>The simple name a call uses, from syntax alone: <c>Foo</c> in <c>x.Foo(…)</c>, <c>x?.Foo(…)</c>, <c>Foo&lt;T&gt;(…)</c>.</summary>
    public static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };
}
