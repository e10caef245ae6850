using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Consumers;

/// <summary>
/// JS2009: a pull consumer that keeps more than jetstream_max_waiting pull requests, or a durable one that caps none of a
/// request's batch size, batch bytes and expiry.
/// </summary>
public sealed class UnboundedPullRequests : ConsumerRule
{
    public override RuleInfo Rule => RuleCatalog.UnboundedPullRequests;

    public override void Evaluate(ConsumerModel consumer, RuleContext context, ICollection<Finding> findings)
    {
        if (consumer.IsPush != false)
        {
            return;
        }

        var version = context.ServerVersion;
        var limit = context.Options.MaxWaiting;
        var waitingField = context.Field("max_waiting");
        if (EffectiveConsumer.MaxWaiting(consumer, version) is { } waiting && waiting > limit)
        {
            findings.Add(new Finding(
                Rule,
                consumer.MaxWaiting.Origin ?? consumer.Origin,
                new object?[]
                {
                    Describe.Consumer(consumer), $"keeps up to {waiting} waiting pull requests ({waitingField}), more than {limit}",
                    $"Set {waitingField} to {limit} or less.",
                },
                properties: Fix("max_waiting", Invariant(limit))));
        }

        // Requests to an ephemeral consumer come from the one client that made it; a durable one serves any client.
        if (consumer.DurableName.TryGet(out var durable) && !string.IsNullOrEmpty(durable)
            && EffectiveConsumer.NotNegative(consumer.MaxBatch, version) == 0
            && EffectiveConsumer.NotNegative(consumer.MaxBytes, version) == 0
            && EffectiveConsumer.NotNegative(consumer.MaxExpires, version) == 0)
        {
            var fields = $"{context.Field("max_batch")}, {context.Field("max_bytes")} or {context.Field("max_expires")}";
            findings.Add(Report(
                consumer.Origin,
                Describe.Consumer(consumer),
                $"caps neither the batch size, the batch bytes nor the expiry of a pull request (no {fields})",
                $"Set {context.Field("max_expires")} (and {context.Field("max_batch")} or {context.Field("max_bytes")}) to what the clients really ask for."));
        }
    }
}
