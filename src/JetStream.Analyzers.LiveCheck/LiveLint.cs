using System;
using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.LiveCheck.Health;
using JetStream.Analyzers.LiveCheck.Protocol;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Health;

namespace JetStream.Analyzers.LiveCheck;

/// <summary>
/// What the build does with a server set: connect, lint the files with the server's version, check them against the
/// server, then run the health rules over the state of the streams. Anything that goes wrong with the server is a JS5001 finding (never an exception); the lint still runs.
/// </summary>
public static class LiveLint
{
    /// <param name="settings">Resolves the connection settings; a <see cref="LiveCheckException"/> there is a JS5001 too.</param>
    /// <param name="lint">
    /// Lints the files with the connected server's version and its streams (for the checks across definitions), or
    /// with the configured version and no streams (nulls) when not connected.
    /// </param>
    /// <param name="health">Which streams the health rules look at, with what options; null: the streams the files define, default options.</param>
    public static LiveLintResult Run(Func<ConnectionSettings> settings, Func<ServerVersion?, ExistingStreams?, LintResult> lint, HealthSettings? health = null)
    {
        HealthSnapshot? snapshot = null;
        var findings = new List<Finding>();
        LiveSession? session = null;
        var display = "the JetStream server";
        try
        {
            var resolved = settings();
            display = resolved.Display;
            session = LiveSession.Open(resolved);
        }
        catch (Exception e) when (!IsCritical(e))
        {
            findings.Add(Unreachable(display, e));
        }

        using (session)
        {
            var result = lint(session?.Version, session?.Snapshot.Existing());
            if (session is not null)
            {
                try
                {
                    findings.AddRange(session.Check(result));
                    var (healthSnapshot, healthFindings) = session.Health(result, health ?? HealthSettings.DefinedStreams);
                    snapshot = healthSnapshot;
                    findings.AddRange(healthFindings);
                }
                catch (Exception e) when (!IsCritical(e))
                {
                    findings.Add(Unreachable(session.Snapshot.Display, e));
                }
            }

            findings.AddRange(result.Findings);
            return new LiveLintResult(findings, result, session?.Snapshot.Display, session?.Requests ?? 0, snapshot);
        }
    }

    // A failure the check doesn't know is still a JS5001 (configurable), never a stack trace; its message may not carry secrets.
    private static Finding Unreachable(string server, Exception e) =>
        new(RuleCatalog.ServerUnreachable, null, new object?[] { server, e is LiveCheckException ? e.Message : $"the live check failed unexpectedly ({e.GetType().Name}); please report this" });

    private static bool IsCritical(Exception e) => e is OutOfMemoryException or StackOverflowException or AccessViolationException;
}

/// <summary>The findings of a live lint (the live check's first, then the lint's) and what it talked to.</summary>
public sealed class LiveLintResult
{
    public LiveLintResult(List<Finding> findings, LintResult lint, string? server, int requests, HealthSnapshot? health = null)
    {
        Health = health;
        Findings = findings;
        Lint = lint;
        Server = server;
        Requests = requests;
    }

    public List<Finding> Findings { get; }

    public LintResult Lint { get; }

    /// <summary>The server as messages name it; null when the check couldn't connect.</summary>
    public string? Server { get; }

    public int Requests { get; }

    /// <summary>The state the health rules looked at, for the report; null when the check didn't get that far.</summary>
    public HealthSnapshot? Health { get; }
}
