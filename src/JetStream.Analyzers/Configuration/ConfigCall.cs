using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    private static readonly HashSet<string> MethodNames = new(StringComparer.Ordinal)
    {
        "CreateStreamAsync", "CreateOrUpdateStreamAsync", "UpdateStreamAsync", "UpdateAsync",
        "CreateConsumerAsync", "CreateOrUpdateConsumerAsync", "UpdateConsumerAsync",
        "CreateStoreAsync", "CreateOrUpdateStoreAsync", "UpdateStoreAsync", "CreateObjectStoreAsync",
    };

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

    /// <summary>
    /// Every NATS configuration call in a syntax tree, searched once per semantic model. Every method name of interest
    /// ends in "Async", so the source text is searched for the names and only the tokens found are looked up in the
    /// tree: a document without such calls costs one string search, and no syntax walk.
    /// </summary>
    public static IReadOnlyList<ConfigCall> FindAll(SemanticModel model, NatsTypes types, CancellationToken cancellationToken) =>
        Found.GetOrAdd(model, model.SyntaxTree, (model, types, cancellationToken), static (_, state) => Search(state.model, state.types, state.cancellationToken).ToList());

    private static IEnumerable<ConfigCall> Search(SemanticModel model, NatsTypes types, CancellationToken cancellationToken)
    {
        const string Suffix = "Async";
        var tree = model.SyntaxTree;
        var text = TreeText.Of(tree, cancellationToken);
        SyntaxNode? root = null;
        for (var index = text.IndexOf(Suffix, StringComparison.Ordinal); index >= 0; index = text.IndexOf(Suffix, index + Suffix.Length, StringComparison.Ordinal))
        {
            var end = index + Suffix.Length;
            if (end < text.Length && IsIdentifierPart(text[end]))
            {
                continue;
            }

            var start = index;
            while (start > 0 && IsIdentifierPart(text[start - 1]))
            {
                start--;
            }

            if (end - start < ShortestName || end - start > LongestName || !MethodNames.Contains(text.Substring(start, end - start)))
            {
                continue;
            }

            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(start);
            if (token.SpanStart == start && token.IsKind(SyntaxKind.IdentifierToken)
                && InvocationOf(token.Parent) is { } invocation
                && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
                && Match(operation, types) is { } call)
            {
                yield return call;
            }
        }
    }

    private static readonly int ShortestName = MethodNames.Min(n => n.Length);
    private static readonly int LongestName = MethodNames.Max(n => n.Length);

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>The invocation whose called name is <paramref name="name"/>: M(), x.M(), x?.M().</summary>
    private static InvocationExpressionSyntax? InvocationOf(SyntaxNode? name)
    {
        if (name is not SimpleNameSyntax simple)
        {
            return null;
        }

        ExpressionSyntax called = simple.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == simple => access,
            MemberBindingExpressionSyntax binding when binding.Name == simple => binding,
            _ => simple,
        };
        return called.Parent is InvocationExpressionSyntax invocation && invocation.Expression == called ? invocation : null;
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
