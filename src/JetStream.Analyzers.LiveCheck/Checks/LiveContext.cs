using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.LiveCheck.Server;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>The repository's definitions, the server's snapshot, and where the live checks put their findings.</summary>
public sealed class LiveContext
{
    public LiveContext(ServerSnapshot server, LintResult repository, bool defaultApi)
    {
        Server = server;
        Repository = repository;
        DefaultApi = defaultApi;
        DefinedStreams = new HashSet<string>(repository.Streams.Select(s => s.Name).Where(n => n is not null)!, StringComparer.Ordinal);
    }

    public ServerSnapshot Server { get; }

    public LintResult Repository { get; }

    /// <summary>False when the check goes through a domain or API prefix: the JetStream behind it may be another cluster.</summary>
    public bool DefaultApi { get; }

    public HashSet<string> DefinedStreams { get; }

    public List<Finding> Findings { get; } = new();

    /// <summary>The stream definitions that name a stream, each name once (duplicates are JS4004's business).</summary>
    public IEnumerable<StreamDefinition> NamedStreams =>
        Repository.Streams.Where(s => s.Name is not null).GroupBy(s => s.Name, StringComparer.Ordinal).Select(g => g.First());

    public ServerStream? OnServer(StreamDefinition stream) =>
        stream.Name is { } name && Server.StreamsByName.TryGetValue(name, out var found) ? found : null;

    /// <summary>The server's consumer of that name, null when it has none, and <paramref name="known"/> false when that can't be told.</summary>
    public ServerConsumer? OnServer(ConsumerDefinition consumer, out bool known)
    {
        known = false;
        if (consumer.StreamName is not { } stream || consumer.Name is not { } name || !Server.StreamsByName.ContainsKey(stream))
        {
            return null;
        }

        var consumers = Server.ConsumersOf(stream);
        known = consumers is not null;
        return consumers?.FirstOrDefault(c => c.Name == name);
    }

    /// <summary>The account limits a stream falls under (its replica count's tier); null when that can't be told or no tier applies.</summary>
    public JetStreamLimits? LimitsFor(StreamModel stream)
    {
        if (!Server.Limits.Tiered)
        {
            return Server.Limits.Untiered;
        }

        return stream.NumReplicas.IsUnknown ? null : Server.Limits.For(stream.NumReplicas.IsKnown ? stream.NumReplicas.Value : null, Server.Version);
    }

    public void Report(RuleInfo rule, object? origin, params object?[] arguments) => Findings.Add(new Finding(rule, origin, arguments));
}
