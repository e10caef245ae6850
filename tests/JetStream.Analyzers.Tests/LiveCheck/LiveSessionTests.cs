using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.LiveCheck;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck;

public sealed class LiveSessionTests
{
    [NatsServerFact]
    public async Task Lists_are_paged_and_consumers_are_listed_only_for_streams_the_files_have_consumers_on()
    {
        await using var server = await NatsServer.StartAsync();
        for (var i = 0; i < 300; i++)
        {
            await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, $$"""{"name":"S{{i:000}}","subjects":["s.{{i:000}}"]}""");
        }

        for (var i = 0; i < 3; i++)
        {
            await RawJetStreamApi.PutConsumerOrFailAsync(server.Connection, $$$"""{"stream_name":"S000","config":{"durable_name":"c{{{i}}}","ack_policy":"explicit"}}""");
        }

        using var repo = new ConfigRepo()
            .With("streams/s000.json", """{"name":"S000","subjects":["s.000"]}""")
            .With("streams/s001.json", """{"name":"S001","subjects":["s.001"]}""")
            .With("consumers/c0.json", """{"stream_name":"S000","config":{"durable_name":"c0","ack_policy":"explicit"}}""");
        using var session = LiveSession.Open(ConfigRepo.Server(server.Url));
        Assert.Equal(300, session.Snapshot.Streams.Count);
        Assert.Equal(3, session.Requests); // account info, then two pages of streams

        var context = new RuleContext(RuleOptions.Default, session.Version);
        var lint = new ConfigFileLinter(_ => context, repo.Root).LintAll(new[] { "streams/s000.json", "streams/s001.json", "consumers/c0.json" }.Select(repo.PathOf));
        var findings = session.Check(lint);

        Assert.Equal(4, session.Requests); // one consumer list, for S000 only
        Assert.Equal(298, findings.Count(f => f.Rule.Id == "JS5008"));
        Assert.DoesNotContain(findings, f => f.Rule.Id is "JS5002" or "JS5003");
    }
}
