using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Definitions;

/// <summary>
/// JS1008: a stream named in jetstream_critical_streams that no defined stream mirrors or sources; with the live check,
/// nor a stream on the server.
/// </summary>
public sealed class CriticalStreamWithoutCopy : DefinitionSetRule
{
    public override RuleInfo Rule => RuleCatalog.CriticalStreamWithoutCopy;

    public override void Evaluate(DefinitionSet set, ICollection<Finding> findings)
    {
        foreach (var (stream, context) in set.Streams)
        {
            if (stream.Kind == StreamKind.Stream && DefinitionSet.KnownName(stream.Name) is { } name
                && context.Options.IsCriticalStream(name) && !set.IsCopied(name))
            {
                findings.Add(Report(stream.Name.Origin ?? stream.Origin, Describe.Stream(stream), set.Existing is { } existing ? $" and no stream on {existing.Where}" : string.Empty));
            }
        }
    }
}
