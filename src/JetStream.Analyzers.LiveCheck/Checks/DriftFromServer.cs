using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>
/// JS5003: fields the file and the server disagree on, one finding per stream or consumer that lists them all.
/// Changes an update can't make are JS5009's and are left out here.
/// </summary>
internal static class DriftFromServer
{
    public static void Run(LiveContext context)
    {
        foreach (var stream in context.NamedStreams)
        {
            if (context.OnServer(stream) is { } server)
            {
                var differences = FieldComparison.Streams(stream.Model, server.Config, context.Server.Version);
                Report(context, stream.At, Describe.Stream(stream.Model), differences.Select(d => d.Difference), json => stream.Context.Field(json, stream.Model.Kind));
            }
        }

        foreach (var consumer in context.Repository.Consumers)
        {
            if (context.OnServer(consumer, out _) is { } server)
            {
                var stream = context.Server.StreamsByName[consumer.StreamName!].Config;
                var differences = FieldComparison.Consumers(consumer.Model, server.Config, context.Server.Version, context.LimitsFor(stream), stream);
                Report(context, consumer.At, Describe.Consumer(consumer.Model), differences.Select(d => d.Difference), json => consumer.Context.Field(json, StreamKind.Stream));
            }
        }
    }

    private static void Report(LiveContext context, object origin, string subject, IEnumerable<FieldDifference> differences, System.Func<string, string> field)
    {
        var drift = differences.Where(d => d.UpdateError is null).ToList();
        if (drift.Count == 0)
        {
            return;
        }

        var list = string.Join("; ", drift.Select(d => $"{field(d.Field)} is {d.FileValue} in the file and {d.ServerValue} on the server"));
        context.Report(RuleCatalog.DriftFromServer, origin, subject, context.Server.Display, list);
    }
}
