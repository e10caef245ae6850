using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>
/// JS2007: a durable consumer with fewer replicas than its replicated stream, or in memory on a file stream. Needs the
/// stream's configuration (<see cref="ConsumerModel.Stream"/>). The replica mismatch the server refuses on interest and
/// work-queue streams (2.9.12+) is left to JS2100.
/// </summary>
public sealed class ConsumerLessDurableThanStream : ConsumerRule
{
    public override RuleInfo Rule => RuleCatalog.ConsumerLessDurableThanStream;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        if (consumer.Stream is { } stream)
        {
            Evaluate(consumer, stream, context, findings);
        }
    }

    /// <summary>The check against a stream the caller found for the consumer (the definition set, by name).</summary>
    public void Evaluate(ConsumerModel consumer, StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        if (!consumer.DurableName.TryGet(out var durable) || string.IsNullOrEmpty(durable)
            || !consumer.StreamName.TryGet(out var streamName))
        {
            return;
        }

        var subject = Describe.Consumer(consumer);
        var replicasField = context.Field("num_replicas");
        if (consumer.NumReplicas.TryGet(out var replicas) && replicas > 0 && stream.NumReplicas.Effective(1) is { } streamReplicas
            && replicas < streamReplicas && stream.Retention.Effective(RetentionPolicy.Limits) is { } retention
            && (retention == RetentionPolicy.Limits || context.ServerVersion.Before(2, 9, 12)))
        {
            findings.Add(Report(consumer.NumReplicas.Origin ?? consumer.Origin, subject,
                $"has {Describe.Plural(replicas, "replica")} ({replicasField})", streamName, $"has {streamReplicas}",
                $"when the servers holding its state fail, it loses its position and pending acknowledgements although the messages survive. Leave {replicasField} unset (0) to follow the stream, or set it to {streamReplicas}."));
        }

        if (consumer.MemStorage.Is(true) && stream.Storage.Effective(StorageType.File) == StorageType.File)
        {
            var memField = context.Field("mem_storage");
            findings.Add(Report(consumer.MemStorage.Origin ?? consumer.Origin, subject,
                $"keeps its state in memory ({memField})", streamName, "is stored in files",
                $"a restart of its servers loses the consumer's position and pending acknowledgements although the messages survive. Remove {memField}."));
        }
    }
}
