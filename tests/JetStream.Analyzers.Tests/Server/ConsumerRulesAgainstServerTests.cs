using System.Collections.Generic;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.JetStream.Models;

namespace JetStream.Analyzers.Tests.Server;

/// <summary>
/// Differential tests for JS2100: each case's C# expression is analyzed in
/// <c>await js.CreateConsumerAsync("CONSUMERS", &lt;expr&gt;);</c> with <c>jetstream_server_version</c> set to the
/// running server's version, then compiled and sent to that server on the stream "CONSUMERS" (subjects "cs.>").
/// </summary>
[Collection(NatsServerCollection.Name)]
public sealed class ConsumerRulesAgainstServerTests
{
    private const string RuleId = RuleIds.ConsumerRejectedByServer;

    private static readonly CaseSet Cases = new(
        ConsumerCases.All,
        config => $"await js.CreateConsumerAsync(\"{ConsumerCases.Stream}\", {config});",
        () => new ConsumerConfigurationAnalyzer());

    private readonly NatsServer server;

    public ConsumerRulesAgainstServerTests(NatsServer server)
    {
        this.server = server;
    }

    public static IEnumerable<object[]> Rejected => Cases.Rows(Expectation.Rejected);

    public static IEnumerable<object[]> Accepted => Cases.Rows(Expectation.Accepted);

    public static IEnumerable<object[]> Gated => Cases.Rows(Expectation.Gated);

    [NatsServerTheory]
    [MemberData(nameof(Rejected))]
    public async Task Server_rejects_and_analyzer_reports_JS2100(string id, string proves)
    {
        var c = Cases[id];
        await AnalyzerAssert.ReportsAsync(Cases, c, RuleId, server.Version, proves);
        AnalyzerAssert.ServerRejected(await SendAsync(c), c, server.Version, proves);
    }

    [NatsServerTheory]
    [MemberData(nameof(Accepted))]
    public async Task Server_accepts_and_analyzer_is_silent(string id, string proves)
    {
        var c = Cases[id];
        await AnalyzerAssert.SilentAsync(Cases, c, RuleId, server.Version, proves);
        AnalyzerAssert.ServerAccepted(await SendAsync(c), c, server.Version, proves);
    }

    /// <summary>Below the rule's version the analyzer is silent and the server accepts; from it the analyzer reports.</summary>
    [NatsServerTheory]
    [MemberData(nameof(Gated))]
    public async Task Below_the_rule_version_server_accepts_and_analyzer_is_silent(string id, string proves)
    {
        var c = Cases[id];
        await AnalyzerAssert.GatedAsync(Cases, c, RuleId, server.Version, proves);
        AnalyzerAssert.ServerAccepted(await SendAsync(c), c, server.Version, proves);
    }

    private async Task<ApiOutcome> SendAsync(ServerCase c)
    {
        await server.EnsureStreamAsync(new StreamConfig(ConsumerCases.Stream, ["cs.>"]));
        return await ServerApi.CreateConsumerAsync(server, ConsumerCases.Stream, (ConsumerConfig)Cases.Create(c.Id), c.RawSubject);
    }
}
