using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Rules.Definitions;

/// <summary>
/// JS4005: a consumer on a stream that no definition creates, or (where the front end allows it,
/// <see cref="DefinitionSetFrontEnd.ConsumerNamesNoStream"/>) whose definition names no stream. Where the set is not every stream there is, only a stream name that is a near
/// miss of a defined stream's (<see cref="Text.Names.IsNearMiss"/>) is reported.
/// </summary>
public sealed class ConsumerWithoutStream : DefinitionSetRule
{
    public override RuleInfo Rule => RuleCatalog.ConsumerWithoutStream;

    public override void Evaluate(DefinitionSet set, ICollection<Finding> findings)
    {
        foreach (var (consumer, _) in set.Consumers)
        {
            if (consumer.Stream is not null || consumer.StreamName.IsUnknown)
            {
                continue;
            }

            var at = consumer.StreamName.Origin ?? consumer.Origin;
            if (DefinitionSet.KnownName(consumer.StreamName) is { } name)
            {
                // Where more streams may exist (a compilation), only a near miss of a defined stream is reported: a typo.
                if (set.MissingStreamHint(name) is { } hint)
                {
                    findings.Add(Report(at, Describe.ConsumerName(consumer), $"is for stream '{name}'{hint}, which {set.FrontEnd.StreamNotDefined(set.Streams.Count > 0, set.Existing?.Where)}"));
                }
            }
            else if (set.StreamsComplete && set.FrontEnd.ConsumerNamesNoStream is { } namesNoStream)
            {
                findings.Add(Report(at, Describe.ConsumerName(consumer), namesNoStream));
            }
        }
    }
}
