using System.Linq;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers.Configuration;

/// <summary>Builds the rule model of a consumer from a traced ConsumerConfig.</summary>
internal static class ConsumerModelBuilder
{
    public static ConsumerModel FromConsumerConfig(ConfigObject config, ConfigOperation operation, IOperation? streamArgument)
    {
        var w = new WriteReader(config.Writes).BySchema(FieldScope.Consumer);
        var ctorName = config.ConstructorArguments.TryGetValue("name", out var nameArgument)
            ? Values.String(nameArgument, nameArgument.Syntax.GetLocation())
            : ConfigValue<string>.Absent;
        var ack = w.Enum("ack_policy", CSharpEnums.Ack);
        return new ConsumerModel
        {
            Operation = operation,
            Origin = config.Creation.GetLocation(),
            StreamName = streamArgument is null ? ConfigValue<string>.Absent : Values.String(streamArgument, streamArgument.Syntax.GetLocation()),
            Name = w.Has("name") ? w.String("name") : ctorName,
            DurableName = w.Has("durable_name") ? w.String("durable_name") : ctorName,
            Description = w.String("description"),
            DeliverPolicy = w.Enum("deliver_policy", CSharpEnums.Deliver),
            OptStartSeq = w.ULong("opt_start_seq"),
            HasOptStartTime = w.Presence("opt_start_time"),

            // NATS.Net always sends ack_policy and its default is Explicit, unlike the server's none.
            AckPolicy = ack.IsAbsent ? ConfigValue<AckPolicy>.Defaulted(AckPolicy.Explicit) : ack,
            AckWait = w.Duration("ack_wait"),
            MaxDeliver = w.Long("max_deliver"),
            Backoff = w.DurationList("backoff"),
            FilterSubject = w.String("filter_subject"),
            FilterSubjects = w.StringList("filter_subjects"),
            ReplayPolicy = w.Enum("replay_policy", CSharpEnums.Replay),
            RateLimitBps = w.Long("rate_limit_bps"),
            SampleFrequency = w.String("sample_freq"),
            MaxWaiting = w.Long("max_waiting"),
            MaxAckPending = w.Long("max_ack_pending"),
            FlowControl = w.Bool("flow_control"),
            MaxBatch = w.Long("max_batch"),
            MaxExpires = w.Duration("max_expires"),
            MaxBytes = w.Long("max_bytes"),
            DeliverSubject = w.String("deliver_subject"),
            DeliverGroup = w.String("deliver_group"),
            IdleHeartbeat = w.Duration("idle_heartbeat"),
            InactiveThreshold = w.Duration("inactive_threshold"),
            NumReplicas = w.Long("num_replicas"),
            MemStorage = w.Bool("mem_storage"),
            MetadataBytes = w.MetadataSize("metadata"),
            HasPauseUntil = w.Presence("pause_until"),
            FixedPauseUntil = FixedTime(w, "pause_until"),
            HasPriorityPolicy = w.Enum("priority_policy", CSharpEnums.PriorityPolicySet),
            PriorityGroups = w.StringList("priority_groups"),
            PriorityTimeout = w.Duration("priority_timeout"),
        };
    }

    /// <summary>
    /// True when the time is the same at every run: a DateTimeOffset or DateTime built from constants
    /// (<c>new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)</c>) or parsed from a constant string. Absent otherwise.
    /// </summary>
    private static ConfigValue<bool> FixedTime(WriteReader w, string field)
    {
        var value = Values.Unwrap(w.Raw(field));
        if (value is IConversionOperation { OperatorMethod: not null } conversion)
        {
            value = Values.Unwrap(conversion.Operand); // DateTime to DateTimeOffset
        }

        var arguments = value switch
        {
            IObjectCreationOperation creation => creation.Arguments,
            IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Parse" or "ParseExact" } } call => call.Arguments,
            _ => default,
        };
        return !arguments.IsDefaultOrEmpty && arguments.All(a => IsFixed(Values.Unwrap(a.Value)))
            ? ConfigValue<bool>.Known(true, w.LocationOf(field))
            : ConfigValue<bool>.Absent;

        static bool IsFixed(IOperation? value) => value is { ConstantValue.HasValue: true }
            or IFieldReferenceOperation { Instance: null, Field.IsReadOnly: true }
            or IPropertyReferenceOperation { Instance: null, Property.IsReadOnly: true };
    }
}
