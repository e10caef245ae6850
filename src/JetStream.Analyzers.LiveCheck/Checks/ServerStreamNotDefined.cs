using JetStream.Analyzers.Rules.Catalog;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>JS5008: a stream on the server that no linted file defines. It has no place in a file, so it has no location.</summary>
internal static class ServerStreamNotDefined
{
    public static void Run(LiveContext context)
    {
        foreach (var stream in context.Server.Streams)
        {
            if (!context.DefinedStreams.Contains(stream.Name))
            {
                context.Report(RuleCatalog.ServerStreamNotDefined, null, stream.Name, context.Server.Display,
                    stream.ConsumerCount > 0 ? $" (it has {Rules.Evaluation.Describe.Plural(stream.ConsumerCount, "consumer")})" : string.Empty);
            }
        }
    }
}
