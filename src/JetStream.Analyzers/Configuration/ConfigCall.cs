using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers.Configuration;

internal enum ConfigKind
{
    Stream,
    Consumer,
    KeyValue,
    ObjectStore,
}

/// <summary>A NATS.Net call that sends a stream, consumer or store configuration to the server.</summary>
internal sealed class ConfigCall
{
    /// <summary>Names checked before any symbol work; an invocation with another name costs one hash lookup.</summary>
    private static readonly InvocationSearch MethodNames = new(
        "Async",
        "CreateStreamAsync", "CreateOrUpdateStreamAsync", "UpdateStreamAsync", "UpdateAsync",
        "CreateConsumerAsync", "CreateOrUpdateConsumerAsync", "UpdateConsumerAsync",
        "CreateStoreAsync", "CreateOrUpdateStoreAsync", "UpdateStoreAsync", "CreateObjectStoreAsync");

    private ConfigCall(ConfigKind kind, ConfigOperation operation, IInvocationOperation invocation)
    {
        Kind = kind;
        Operation = operation;
        Invocation = invocation;
    }

    public ConfigKind Kind { get; }

    public ConfigOperation Operation { get; }

    public IInvocationOperation Invocation { get; }

    /// <summary>The configuration argument, or null for the bucket-name overloads.</summary>
    public IOperation? Config { get; private set; }

    /// <summary>For <c>CreateStoreAsync("bucket")</c> and <c>CreateObjectStoreAsync("bucket")</c>.</summary>
    public IOperation? BucketName { get; private set; }

    /// <summary>The <c>stream</c> argument of consumer calls on the context.</summary>
    public IOperation? StreamName { get; private set; }

    // The stream and the consumer analyzer both ask for the calls of the same semantic model (the driver shares one
    // per tree and compilation); the second gets the first one's list instead of searching the text again.
    private static readonly ModelMemo<SyntaxTree, IReadOnlyList<ConfigCall>> Found = new();

    /// <summary>Every NATS configuration call in a syntax tree, searched once per semantic model.</summary>
    public static IReadOnlyList<ConfigCall> FindAll(SemanticModel model, NatsTypes types, CancellationToken cancellationToken) =>
        Found.GetOrAdd(model, model.SyntaxTree, (model, types, cancellationToken), static (_, state) => Search(state.model, state.types, state.cancellationToken).ToList());

    private static IEnumerable<ConfigCall> Search(SemanticModel model, NatsTypes types, CancellationToken cancellationToken)
    {
        foreach (var invocation in MethodNames.In(model.SyntaxTree, cancellationToken))
        {
            if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation && Match(operation, types) is { } call)
            {
                yield return call;
            }
        }
    }

    public static bool IsConfigMethod(IMethodSymbol method, NatsTypes types) =>
        MethodNames.Contains(method.Name) && method.ContainingAssembly?.Name.StartsWith("NATS.", StringComparison.Ordinal) == true;

    public static ConfigCall? Match(IInvocationOperation invocation, NatsTypes types)
    {
        var method = invocation.TargetMethod;
        if (!IsConfigMethod(method, types))
        {
            return null;
        }

        var operation = method.Name.StartsWith("CreateOrUpdate", StringComparison.Ordinal) ? ConfigOperation.CreateOrUpdate
            : method.Name.StartsWith("Create", StringComparison.Ordinal) ? ConfigOperation.Create
            : ConfigOperation.Update;
        ConfigCall? call = null;
        IOperation? streamName = null;
        IOperation? bucket = null;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                continue;
            }

            // The declared type, so that a generic T (INatsKVStore.UpdateAsync<T>(key, value, revision)) never matches.
            var kind = KindOf(parameter.OriginalDefinition.Type, types);
            if (kind is { } k)
            {
                call = new ConfigCall(k, operation, invocation) { Config = argument.Value };
            }
            else if (parameter.Type.SpecialType == SpecialType.System_String)
            {
                if (parameter.Name == "stream")
                {
                    streamName = argument.Value;
                }
                else if (parameter.Name == "bucket")
                {
                    bucket = argument.Value;
                }
            }
        }

        if (call is null && bucket is not null)
        {
            call = method.Name switch
            {
                "CreateStoreAsync" => new ConfigCall(ConfigKind.KeyValue, operation, invocation),
                "CreateObjectStoreAsync" => new ConfigCall(ConfigKind.ObjectStore, operation, invocation),
                _ => null,
            };
            if (call is not null)
            {
                call.BucketName = bucket;
            }
        }

        if (call is not null)
        {
            call.StreamName = streamName;
        }

        return call;
    }

    private static ConfigKind? KindOf(ITypeSymbol type, NatsTypes types) =>
        NatsTypes.Is(type, types.StreamConfig) ? ConfigKind.Stream
        : NatsTypes.Is(type, types.ConsumerConfig) ? ConfigKind.Consumer
        : NatsTypes.Is(type, types.KVConfig) ? ConfigKind.KeyValue
        : NatsTypes.Is(type, types.ObjConfig) ? ConfigKind.ObjectStore
        : null;
}
