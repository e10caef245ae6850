using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.JetStream.Models;

namespace JetStream.Analyzers.Tests.Server;

/// <summary>
/// Differential tests for JS1100: each case's C# expression is analyzed with <c>jetstream_server_version</c> set to
/// the running server's version, then compiled and sent to that server. The theory's second argument says which
/// server version the run proves and the version range the expectation is claimed for.
/// </summary>
[Collection(NatsServerCollection.Name)]
public sealed class StreamRulesAgainstServerTests
{
    private const string RuleId = RuleIds.StreamRejectedByServer;

    private static readonly CaseSet Cases = new(
        StreamCases.All.Append(StreamCases.CaptureAll).ToList(),
        config => $"await js.CreateStreamAsync({config});",
        () => new StreamConfigurationAnalyzer());

    private readonly NatsServer server;

    public StreamRulesAgainstServerTests(NatsServer server)
    {
        this.server = server;
    }

    public static IEnumerable<object[]> Rejected => Cases.Rows(Expectation.Rejected);

    public static IEnumerable<object[]> Accepted => Cases.Rows(Expectation.Accepted);

    public static IEnumerable<object[]> Gated => Cases.Rows(Expectation.Gated).Where(row => (string)row[0] != StreamCases.CaptureAll.Id);

    [NatsServerTheory]
    [MemberData(nameof(Rejected))]
    public async Task Server_rejects_and_analyzer_reports_JS1100(string id, string proves)
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

    /// <summary>
    /// '>' with acks on: accepted before 2.10.17, when the no-ack rule came. Runs on a server of its own, since the
    /// stream stores and acknowledges every request sent afterwards, the API's included.
    /// </summary>
    [NatsServerFact]
    public async Task Capture_all_subjects_with_acks_is_accepted_before_2_10_17()
    {
        var c = StreamCases.CaptureAll;
        var proves = c.Proves(server.Version);
        if (!c.HoldsFor(server.Version))
        {
            await AnalyzerAssert.ReportsAsync(Cases, c, RuleId, server.Version, proves);
            return;
        }

        await AnalyzerAssert.GatedAsync(Cases, c, RuleId, server.Version, proves);
        await using var own = await NatsServer.StartAsync();
        var stream = await own.JetStream.CreateStreamAsync((StreamConfig)Cases.Create(c.Id));
        Assert.Equal([">"], stream.Info.Config.Subjects);
    }

    /// <summary>
    /// A name with '.' can not be carried by the API subject: NATS.Net refuses it, and a request for it gets no
    /// answer at all (the name token ends at the '.'), so nothing is created. The rule's reason text is proved by
    /// the '*', '>' and form-feed cases, which reach the same server check.
    /// </summary>
    [NatsServerFact]
    public async Task Name_with_a_dot_is_never_created()
    {
        var config = new StreamConfig { Name = "R00.x", Subjects = ["r00.>"] };
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await server.JetStream.CreateStreamAsync(config));
        Assert.True(await ServerApi.GetsNoReplyAsync(server, "STREAM.CREATE.R00.x", ServerApi.Json(config), TimeSpan.FromMilliseconds(500)));
        var names = new List<string>();
        await foreach (var name in server.JetStream.ListStreamNamesAsync())
        {
            names.Add(name);
        }

        Assert.DoesNotContain(names, n => n.StartsWith("R00", StringComparison.Ordinal));

        var source = Code.InMethod("""await js.CreateStreamAsync(new StreamConfig("R00.x", ["r00.>"]));""");
        var options = new Dictionary<string, string> { [OptionKeys.ServerVersion] = server.Version.ToString() };
        var diagnostics = await InMemoryCompiler.AnalyzeAsync(InMemoryCompiler.Compile(source), new StreamConfigurationAnalyzer(), options);
        Assert.Contains(diagnostics, d => d.Id == RuleId && d.GetMessage().Contains("stream name is required and can not contain '.', '*', '>'", StringComparison.Ordinal));
    }

    private Task<ApiOutcome> SendAsync(ServerCase c) =>
        ServerApi.CreateStreamAsync(server, (StreamConfig)Cases.Create(c.Id), c.RawSubject);
}
