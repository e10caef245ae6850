using System.Threading;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Model;
using Microsoft.CodeAnalysis;

namespace JetStream.Analyzers.Configuration;

/// <summary>
/// The rule model of a configuration call, built once per semantic model: the per-call analyzers (stream and consumer
/// configuration) and the compilation-wide pass (CrossDefinitionAnalyzer) read the same model. Null when the
/// configuration can't be traced. Callers only read the models.
/// </summary>
internal static class ConfigModels
{
    private static readonly ModelMemo<SyntaxNode, StreamModel?> Streams = new();
    private static readonly ModelMemo<SyntaxNode, ConsumerModel?> Consumers = new();

    public static StreamModel? Stream(ConfigCall call, NatsTypes types, SemanticModel model, CancellationToken cancellationToken) =>
        call.Kind == ConfigKind.Consumer ? null
        : Streams.GetOrAdd(model, call.Invocation.Syntax, (call, types, model, cancellationToken), static (_, s) => BuildStream(s.call, s.types, s.model, s.cancellationToken));

    public static ConsumerModel? Consumer(ConfigCall call, NatsTypes types, SemanticModel model, CancellationToken cancellationToken) =>
        call is not { Kind: ConfigKind.Consumer, Config: not null } ? null
        : Consumers.GetOrAdd(model, call.Invocation.Syntax, (call, types, model, cancellationToken), static (_, s) => BuildConsumer(s.call, s.types, s.model, s.cancellationToken));

    private static StreamModel? BuildStream(ConfigCall call, NatsTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        var location = call.Invocation.Syntax.GetLocation();
        ConfigObject? config = null;
        if (call.Config is not null)
        {
            config = new ConfigTracer(types, model, cancellationToken).Trace(call.Config);
            if (config is null)
            {
                return null;
            }

            location = config.Creation.GetLocation();
        }

        return call.Kind switch
        {
            ConfigKind.Stream => StreamModelBuilder.FromStreamConfig(config!, call.Operation),
            ConfigKind.KeyValue => StreamModelBuilder.FromKVConfig(config, call.BucketName, location, call.Operation),
            _ => StreamModelBuilder.FromObjConfig(config, call.BucketName, location, call.Operation),
        };
    }

    private static ConsumerModel? BuildConsumer(ConfigCall call, NatsTypes types, SemanticModel model, CancellationToken cancellationToken) =>
        new ConfigTracer(types, model, cancellationToken).Trace(call.Config!) is { } config
            ? ConsumerModelBuilder.FromConsumerConfig(config, call.Operation, call.StreamName)
            : null;
}
