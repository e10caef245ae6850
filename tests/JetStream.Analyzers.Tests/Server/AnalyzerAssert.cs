using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.Tests.Server;

/// <summary>Assertions on what the analyzer reports for a <see cref="ServerCase"/>.</summary>
public static class AnalyzerAssert
{
    /// <summary>The analyzer, targeting <paramref name="version"/>, reports <paramref name="ruleId"/> with the case's reason.</summary>
    public static async Task ReportsAsync(CaseSet cases, ServerCase c, string ruleId, ServerVersion version, string proves)
    {
        var messages = await MessagesAsync(cases, c, ruleId, version);
        Assert.True(messages.Any(m => m.Contains(c.Reason!, StringComparison.Ordinal)),
            $"[{proves}] '{c.Id}': expected {ruleId} for server {version} with reason \"{c.Reason}\", got:{List(messages)}");
    }

    /// <summary>The analyzer, targeting <paramref name="version"/>, does not report <paramref name="ruleId"/>.</summary>
    public static async Task SilentAsync(CaseSet cases, ServerCase c, string ruleId, ServerVersion version, string proves)
    {
        var messages = await MessagesAsync(cases, c, ruleId, version);
        Assert.True(messages.Count == 0, $"[{proves}] '{c.Id}': expected no {ruleId} for server {version}, got:{List(messages)}");
    }

    /// <summary>Silent for the running server's version, reporting from the gate version on.</summary>
    public static async Task GatedAsync(CaseSet cases, ServerCase c, string ruleId, ServerVersion running, string proves)
    {
        await SilentAsync(cases, c, ruleId, running, proves);
        await ReportsAsync(cases, c, ruleId, ServerVersion.Parse(c.Before!), proves);
    }

    /// <summary>The server rejected the request with an error whose description contains the case's reason.</summary>
    public static void ServerRejected(ApiOutcome outcome, ServerCase c, ServerVersion running, string proves)
    {
        Assert.False(outcome.Accepted, $"[{proves}] nats-server {running} accepted '{c.Id}' ({outcome}); the rule claims: {c.Reason}");
        Assert.True(outcome.Error!.Description?.Contains(c.Reason!, StringComparison.Ordinal) == true,
            $"[{proves}] '{c.Id}': the server's error differs from the rule's reason.\n  server: {outcome}\n  rule:   {c.Reason}");
    }

    public static void ServerAccepted(ApiOutcome outcome, ServerCase c, ServerVersion running, string proves) =>
        Assert.True(outcome.Accepted, $"[{proves}] nats-server {running} rejected '{c.Id}': {outcome}");

    private static async Task<List<string>> MessagesAsync(CaseSet cases, ServerCase c, string ruleId, ServerVersion version) =>
        (await cases.DiagnosticsAsync(c.Id, version)).Where(d => d.Id == ruleId).Select(d => d.GetMessage()).ToList();

    private static string List(IEnumerable<string> messages)
    {
        var text = new StringBuilder();
        foreach (var m in messages)
        {
            text.Append("\n  ").Append(m.Length > 400 ? m.Substring(0, 400) + "..." : m);
        }

        return text.Length == 0 ? " nothing" : text.ToString();
    }
}
