using System;
using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.LiveCheck.Checks;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.LiveCheck.Health;
using JetStream.Analyzers.LiveCheck.Protocol;
using JetStream.Analyzers.LiveCheck.Server;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Health;

namespace JetStream.Analyzers.LiveCheck;

/// <summary>
/// A read-only session with the server: open it (connect and read the account and its streams), lint the files with
/// <see cref="Version"/>, then <see cref="Check"/> the lint's definitions against the server and look at the <see cref="Health"/>
/// of its streams and consumers.
/// </summary>
public sealed class LiveSession : IDisposable
{
    private readonly NatsClient client;
    private readonly ConnectionSettings settings;

    private LiveSession(NatsClient client, ConnectionSettings settings, ServerSnapshot snapshot)
    {
        this.client = client;
        this.settings = settings;
        Snapshot = snapshot;
    }

    public ServerSnapshot Snapshot { get; }

    /// <summary>The server's version; version-dependent rules use it instead of JetStreamServerVersion.</summary>
    public ServerVersion Version => Snapshot.Version;

    /// <summary>JetStream API requests sent so far: one account info, one list per 256 streams, one per 256 consumers of a stream the files have consumers on or the health rules look at.</summary>
    public int Requests => client.Requests;

    /// <exception cref="LiveCheckException">The server can't be used; report JS5001 with the message.</exception>
    public static LiveSession Open(ConnectionSettings settings)
    {
        var client = NatsClient.Connect(settings);
        try
        {
            return new LiveSession(client, settings, ServerSnapshot.Read(client));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Adds the JS5xxx findings and turns the lint's JS1101/JS2101 into JS5006 (in <paramref name="lint"/>'s list).
    /// </summary>
    /// <exception cref="LiveCheckException">A consumer list couldn't be read; report JS5001.</exception>
    public IReadOnlyList<Finding> Check(LintResult lint)
    {
        var context = new LiveContext(Snapshot, lint, settings.ApiPrefix == "$JS.API");
        UnsupportedByServerVersion.Run(context);
        MissingOnServer.Run(context);
        DriftFromServer.Run(context);
        ImmutableFieldChanged.Run(context);
        ReplicasAboveClusterSize.Run(context);
        AccountLimitExceeded.Run(context);
        OverlapsUndefinedServerStream.Run(context);
        ServerStreamNotDefined.Run(context);
        return context.Findings;
    }

    /// <summary>
    /// The health rules (JS6xxx) over the state of the streams in scope and their consumers, and the snapshot they
    /// read. Reads the consumer lists of those streams that have consumers and were not listed yet.
    /// </summary>
    /// <exception cref="LiveCheckException">A consumer list couldn't be read; report JS5001.</exception>
    public (HealthSnapshot Snapshot, List<Finding> Findings) Health(LintResult lint, HealthSettings settings) => HealthPass.Run(Snapshot, lint, settings);

    public void Dispose() => client.Dispose();
}
