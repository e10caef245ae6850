using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>JS5009: the file changes a field that the server doesn't let an update change, so applying it fails.</summary>
internal static class ImmutableFieldChanged
{
    public static void Run(LiveContext context)
    {
        foreach (var stream in context.NamedStreams)
        {
            if (context.OnServer(stream) is not { } server)
            {
                continue;
            }

            foreach (var (difference, origin) in FieldComparison.Streams(stream.Model, server.Config, context.Server.Version))
            {
                if (difference.UpdateError is { } error)
                {
                    context.Report(RuleCatalog.ImmutableFieldChanged, origin ?? stream.At, Describe.Stream(stream.Model), stream.Context.Field(difference.Field, stream.Model.Kind),
                        difference.ServerValue, difference.FileValue, "stream", error,
                        "; keep the server's value, or create a new stream and move the data to it (deleting and recreating loses the messages)");
                }
            }
        }

        foreach (var consumer in context.Repository.Consumers)
        {
            if (context.OnServer(consumer, out _) is not { } server)
            {
                continue;
            }

            var stream = context.Server.StreamsByName[consumer.StreamName!].Config;
            foreach (var (difference, origin) in FieldComparison.Consumers(consumer.Model, server.Config, context.Server.Version, context.LimitsFor(stream), stream))
            {
                if (difference.UpdateError is { } error)
                {
                    context.Report(RuleCatalog.ImmutableFieldChanged, origin ?? consumer.At, Describe.Consumer(consumer.Model), consumer.Context.Field(difference.Field, StreamKind.Stream),
                        difference.ServerValue, difference.FileValue, "consumer", error,
                        "; keep the server's value, or create the consumer under a new name (deleting and recreating it starts its delivery over)");
                }
            }
        }
    }
}
