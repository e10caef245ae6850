using System;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>JS5002: a stream or consumer in the repository that the server doesn't have.</summary>
internal static class MissingOnServer
{
    public static void Run(LiveContext context)
    {
        foreach (var stream in context.NamedStreams)
        {
            if (context.OnServer(stream) is null && !context.Server.Unanswered.Contains(stream.Name!))
            {
                context.Report(RuleCatalog.MissingOnServer, stream.At, Describe.Stream(stream.Model), context.Server.Display, CaseHint(context, stream.Name!));
            }
        }

        foreach (var consumer in context.Repository.Consumers)
        {
            if (context.OnServer(consumer, out var known) is null && known)
            {
                context.Report(RuleCatalog.MissingOnServer, consumer.At, Describe.Consumer(consumer.Model), context.Server.Display, string.Empty);
            }
        }
    }

    private static string CaseHint(LiveContext context, string name) =>
        context.Server.Streams.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) is { } other
            ? $" (it has '{other.Name}'; stream names are case-sensitive)"
            : string.Empty;
}
