using System.Collections.Generic;
using System.Threading;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers.Configuration;

/// <summary>
/// Calls that read a stream through a consumer that is no configuration call: ordered consumers (the client makes them
/// up), push consumers made from options, and consumers looked up by name (someone else defined them). The rules
/// about streams nobody reads (JS1011, JS1012) count them as readers whose filters are unknown.
/// </summary>
internal static class StreamReaders
{
    private static readonly InvocationSearch Methods = new(
        "ConsumerAsync",
        "CreateOrderedConsumerAsync", "CreateOrderedPushConsumerAsync", "CreatePushConsumerAsync", "CreateOrUpdatePushConsumerAsync",
        "GetConsumerAsync", "GetPushConsumerAsync");

    /// <summary>
    /// The stream each such call in the model's tree reads: known for a constant <c>stream</c> argument of the
    /// context's methods; unknown when computed, or when the call is made on a stream object.
    /// </summary>
    public static IEnumerable<ConfigValue<string>> In(SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var invocation in Methods.In(model.SyntaxTree, cancellationToken))
        {
            if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
                && Methods.Contains(operation.TargetMethod.Name) && NatsApi.IsJetStream(operation.TargetMethod))
            {
                yield return NatsApi.Argument(operation, "stream") is { } stream
                    ? Values.String(stream, stream.Syntax.GetLocation())
                    : ConfigValue<string>.Unknown(invocation.GetLocation());
            }
        }
    }
}
