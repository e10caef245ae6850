using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.LiveCheck.Server;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Health;

namespace JetStream.Analyzers.LiveCheck.Health;

/// <summary>
/// Builds the health snapshot from what the server snapshot read (consumer lists only for streams in scope that have
/// consumers, each read at most once per session) and runs JS6001–JS6008 over it. A stream a file defines takes that
/// file's options and reports at its definition (a consumer at its own definition when it has one); the others and
/// the account take the project's options and report without a file.
/// </summary>
internal static class HealthPass
{
    /// <exception cref="Protocol.LiveCheckException">A consumer list couldn't be read.</exception>
    public static (HealthSnapshot Snapshot, List<Finding> Findings) Run(ServerSnapshot server, LintResult repository, HealthSettings settings)
    {
        var definitions = repository.Streams.Where(s => s.Name is not null).GroupBy(s => s.Name!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var consumerDefinitions = repository.Consumers.Where(c => c.StreamName is not null && c.Name is not null)
            .GroupBy(c => (c.StreamName!, c.Name!)).ToDictionary(g => g.Key, g => g.First());
        var streams = new List<StreamHealth>();
        foreach (var stream in server.Streams)
        {
            if (!settings.AllStreams && !definitions.ContainsKey(stream.Name))
            {
                continue;
            }

            var health = stream.Health;
            if (stream.ConsumerCount > 0 && health.Consumers is null)
            {
                health.Consumers = server.ConsumersOf(stream.Name)?.Select(c => c.Health).ToList();
            }

            streams.Add(health);
        }

        var snapshot = new HealthSnapshot(server.Display, server.Usage, streams);
        object? Origin(string stream, string? consumer) =>
            consumer is not null && consumerDefinitions.TryGetValue((stream, consumer), out var definedConsumer) ? definedConsumer.At
            : definitions.TryGetValue(stream, out var definedStream) ? definedStream.At
            : null;
        RuleOptions OptionsFor(StreamHealth stream) => definitions.TryGetValue(stream.Name, out var defined) ? defined.Context.Options : settings.ProjectOptions;
        var context = new HealthContext(snapshot, settings.ProjectOptions, OptionsFor, Origin);
        return (snapshot, HealthRules.Run(context));
    }
}
