using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>JS5007: a file's stream captures subjects that a stream on the server, defined by no file, already captures.</summary>
internal static class OverlapsUndefinedServerStream
{
    public static void Run(LiveContext context)
    {
        var undefined = context.Server.Streams.Where(s => !context.DefinedStreams.Contains(s.Name)).ToList();
        if (undefined.Count == 0)
        {
            return;
        }

        foreach (var stream in context.NamedStreams)
        {
            if (!stream.Model.Subjects.TryGet(out var subjects) || subjects is null)
            {
                continue;
            }

            foreach (var subject in subjects.Where(Subjects.IsValid).Distinct())
            {
                foreach (var other in undefined)
                {
                    if (other.Config.Subjects.TryGet(out var theirs) && theirs?.FirstOrDefault(s => Subjects.IsValid(s) && Subjects.Collide(s, subject)) is { } overlap)
                    {
                        context.Report(RuleCatalog.OverlapsUndefinedServerStream, stream.Model.Subjects.Origin ?? stream.At, Describe.Stream(stream.Model), subject, overlap, other.Name, context.Server.Display);
                    }
                }
            }
        }
    }
}
