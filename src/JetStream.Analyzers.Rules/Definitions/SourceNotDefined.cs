using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Definitions;

/// <summary>
/// JS1009: a mirror or source naming a stream that no definition provides (with the live check: that the server
/// doesn't have either). Sources in another account or domain (external.api, the CLI's domain) are provided elsewhere
/// and not checked. When the set is not every stream there is (a compilation), only a name that is a near miss of a
/// defined stream's is reported: that one is a typo, any other may be a stream created somewhere else.
/// </summary>
public sealed class SourceNotDefined : DefinitionSetRule
{
    public override RuleInfo Rule => RuleCatalog.SourceNotDefined;

    public override void Evaluate(DefinitionSet set, ICollection<Finding> findings)
    {
        foreach (var (stream, context) in set.Streams)
        {
            var isMirror = stream.Mirror.IsKnown;
            foreach (var origin in DefinitionSet.Origins(stream))
            {
                if (!origin.ExternalApi.IsAbsent || !origin.Domain.IsAbsent || !origin.IsExternal.IsAbsent && !origin.IsExternal.Is(false)
                    || DefinitionSet.KnownName(origin.Name) is not { } name || set.MissingStreamHint(name) is not { } hint)
                {
                    continue;
                }

                var what = isMirror ? $"mirrors ({context.Field("mirror")})" : $"sources ({context.Field("sources")})";
                findings.Add(Report(origin.Name.Origin ?? origin.Origin ?? stream.Origin, Describe.Stream(stream), what, name, set.FrontEnd.NoDefinition,
                    (set.Existing is { } existing ? $" and {existing.Where} doesn't have" : string.Empty) + hint));
            }
        }
    }
}
