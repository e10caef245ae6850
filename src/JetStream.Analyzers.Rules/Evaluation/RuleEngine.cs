using System.Collections.Generic;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Definitions;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Streams;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>Every stream and consumer rule, and the entry points the front ends call.</summary>
public static class RuleEngine
{
    public static IReadOnlyList<StreamRule> StreamRules { get; } = new StreamRule[]
    {
        new ReplicasBelowMinimum(),
        new EvenReplicaCount(),
        new NoMaxBytes(),
        new NoMaxAge(),
        new MemoryStorage(),
        new DeleteOrPurgeAllowed(),
        new DiscardNew(),
        new DuplicateWindowOffWithSources(),
        new StreamSettingRewritten(),
        new ServerRejectsStream(),
        new StreamSettingIgnoredByServer(),
    };

    public static IReadOnlyList<ConsumerRule> ConsumerRules { get; } = new ConsumerRule[]
    {
        new NoBackoff(),
        new UnlimitedMaxDeliver(),
        new ExcessiveFilterSubjects(),
        new PushWithoutHeartbeat(),
        new PushWithoutFlowControl(),
        new ShortAckWait(),
        new ConsumerLessDurableThanStream(),
        new UnlimitedAckPending(),
        new UnboundedPullRequests(),
        new DurableWithInactiveThreshold(),
        new ConsumerSettingWithoutEffect(),
        new LiteralPauseUntil(),
        new ServerRejectsConsumer(),
        new ConsumerSettingIgnoredByServer(),
    };

    /// <summary>The checks across definitions, run once over everything a front end knows together.</summary>
    public static IReadOnlyList<DefinitionSetRule> DefinitionSetRules { get; } = new DefinitionSetRule[]
    {
        new DuplicateDefinition(),
        new ConsumerWithoutStream(),
        new OverlappingStreamSubjects(),
        new OverlappingWorkQueueConsumers(),
        new FilterOutsideStream(),
        new CriticalStreamWithoutCopy(),
        new SourceNotDefined(),
        new InterestStreamWithoutConsumer(),
        new WorkQueueSubjectsNotConsumed(),
        new ConsumerLessDurableThanDefinedStream(),
    };

    public static List<Finding> Evaluate(DefinitionSet set)
    {
        var findings = new List<Finding>();
        foreach (var rule in DefinitionSetRules)
        {
            rule.Evaluate(set, findings);
        }

        return findings;
    }

    public static List<Finding> Evaluate(StreamModel stream, RuleContext context)
    {
        var findings = new List<Finding>();
        foreach (var rule in StreamRules)
        {
            rule.Evaluate(stream, context, findings);
        }

        return findings;
    }

    public static List<Finding> Evaluate(ConsumerModel consumer, RuleContext context)
    {
        var findings = new List<Finding>();
        foreach (var rule in ConsumerRules)
        {
            rule.Evaluate(consumer, context, findings);
        }

        return findings;
    }
}
