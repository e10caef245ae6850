using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>JS2012: pause_until written as a fixed point in time, which every apply of the definition sends again.</summary>
public sealed class LiteralPauseUntil : ConsumerRule
{
    public override RuleInfo Rule => RuleCatalog.LiteralPauseUntil;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        if (consumer.FixedPauseUntil.Is(true))
        {
            findings.Add(Report(consumer.FixedPauseUntil.Origin ?? consumer.Origin, Describe.Consumer(consumer), context.Field("pause_until")));
        }
    }
}
