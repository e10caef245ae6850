using JetStream.Analyzers.Rules.Model;
using Microsoft.CodeAnalysis;

namespace JetStream.Analyzers.Configuration;

/// <summary>Builds the rule model of a consumer from a traced ConsumerConfig.</summary>
internal static class ConsumerModelBuilder
{
    public static ConsumerModel FromConsumerConfig(ConfigObject config, ConfigOperation operation, IOperation? streamArgument)
    {
        var w = new WriteReader(config.Writes);
        var ctorName = config.ConstructorArguments.TryGetValue("name", out var nameArgument)
            ? Values.String(nameArgument, nameArgument.Syntax.GetLocation())
            : ConfigValue<string>.Absent;
        var ack = w.Enum("AckPolicy", CSharpEnums.Ack);
        return new ConsumerModel
        {
            Operation = operation,
            Origin = config.Creation.GetLocation(),
            StreamName = streamArgument is null ? ConfigValue<string>.Absent : Values.String(streamArgument, streamArgument.Syntax.GetLocation()),
            Name = w.Has("Name") ? w.String("Name") : ctorName,
            DurableName = w.Has("DurableName") ? w.String("DurableName") : ctorName,
            Description = w.String("Description"),
            DeliverPolicy = w.Enum("DeliverPolicy", CSharpEnums.Deliver),
            OptStartSeq = w.ULong("OptStartSeq"),
            HasOptStartTime = w.Presence("OptStartTime"),

            // NATS.Net always sends ack_policy and its default is Explicit, unlike the server's none.
            AckPolicy = ack.IsAbsent ? ConfigValue<AckPolicy>.Defaulted(AckPolicy.Explicit) : ack,
            AckWait = w.Duration("AckWait"),
            MaxDeliver = w.Long("MaxDeliver"),
            Backoff = w.DurationList("Backoff"),
            FilterSubject = w.String("FilterSubject"),
            FilterSubjects = w.StringList("FilterSubjects"),
            ReplayPolicy = w.Enum("ReplayPolicy", CSharpEnums.Replay),
            RateLimitBps = w.Long("RateLimitBps"),
            SampleFrequency = w.String("SampleFreq"),
            MaxWaiting = w.Long("MaxWaiting"),
            MaxAckPending = w.Long("MaxAckPending"),
            FlowControl = w.Bool("FlowControl"),
            MaxBatch = w.Long("MaxBatch"),
            MaxExpires = w.Duration("MaxExpires"),
            MaxBytes = w.Long("MaxBytes"),
            DeliverSubject = w.String("DeliverSubject"),
            DeliverGroup = w.String("DeliverGroup"),
            IdleHeartbeat = w.Duration("IdleHeartbeat"),
            InactiveThreshold = w.Duration("InactiveThreshold"),
            NumReplicas = w.Long("NumReplicas"),
            MemStorage = w.Bool("MemStorage"),
            MetadataBytes = w.MetadataSize("Metadata"),
            HasPauseUntil = w.Presence("PauseUntil"),
            HasPriorityPolicy = w.Enum("PriorityPolicy", CSharpEnums.PriorityPolicySet),
            PriorityGroups = w.StringList("PriorityGroups"),
            PriorityTimeout = w.Duration("PinnedTTL"),
        };
    }
}
