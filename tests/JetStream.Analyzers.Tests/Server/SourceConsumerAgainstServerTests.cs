using System;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.Server;

/// <summary>
/// Durable origin consumers (a mirror's or source's <c>consumer</c>, 2.14): each stream file is sent to a real server
/// with an origin stream 'O', and linted with the server's version as the target. The linter reports JS1100 with the
/// server's reason exactly when the server refuses the file.
/// </summary>
public sealed class SourceConsumerAgainstServerTests
{
    private const string Accepted = "accepted";

    [NatsReleasesTheory(NatsReleases.V2_15)]
    [InlineData("""{"name":"M","mirror":{"name":"O","consumer":{"name":"mc","deliver_subject":"dlv.m"}}}""", Accepted)]
    [InlineData("""{"name":"M","mirror":{"name":"O","consumer":{"name":"m.c","deliver_subject":"dlv.m"}}}""", "stream mirror consumer config is invalid")]
    [InlineData("""{"name":"M","mirror":{"name":"O","consumer":{"name":"mc","deliver_subject":"dlv.*"}}}""", "stream mirror consumer config is invalid")]
    [InlineData("""{"name":"M","mirror":{"name":"O","consumer":{"name":"mc"}}}""", "stream mirror consumer config is invalid")]
    [InlineData("""{"name":"M","mirror":{"name":"O","opt_start_seq":5,"consumer":{"name":"mc","deliver_subject":"dlv.m"}}}""", "stream mirror consumer config is invalid")]
    [InlineData("""{"name":"M","mirror":{"name":"O","opt_start_time":"2024-01-31T12:00:00Z","consumer":{"name":"mc","deliver_subject":"dlv.m"}}}""", "stream mirror consumer config is invalid")]
    [InlineData("""{"name":"M","mirror":{"name":"O","filter_subject":"o.a","consumer":{"name":"mc","deliver_subject":"dlv.m"}}}""", "stream mirror consumer config is invalid")]
    [InlineData("""{"name":"S","subjects":["s.>"],"sources":[{"name":"O","consumer":{"name":"sc","deliver_subject":"dlv.s"}}]}""", Accepted)]
    [InlineData("""{"name":"S","subjects":["s.>"],"sources":[{"name":"O","consumer":{"name":"sc","deliver_subject":"dlv..s"}}]}""", "stream source consumer config is invalid")]
    [InlineData("""{"name":"S","subjects":["s.>"],"sources":[{"name":"O","filter_subject":"o.a","consumer":{"name":"sc","deliver_subject":"dlv.s"}}]}""", "stream source consumer config is invalid")]
    [InlineData("""{"name":"S","subjects":["s.>"],"sources":[{"name":"O","subject_transforms":[{"src":"o.a","dest":"s.a"}],"consumer":{"name":"sc","deliver_subject":"dlv.s"}},{"name":"O","subject_transforms":[{"src":"o.b","dest":"s.b"}],"consumer":{"name":"sc","deliver_subject":"dlv.t"}}]}""", "duplicate stream source consumer detected")]
    [InlineData("""{"name":"S","subjects":["s.>"],"sources":[{"name":"O","subject_transforms":[{"src":"o.a","dest":"s.a"}],"consumer":{"name":"sa","deliver_subject":"dlv.s"}},{"name":"O","subject_transforms":[{"src":"o.b","dest":"s.b"}],"consumer":{"name":"sb","deliver_subject":"dlv.t"}}]}""", Accepted)]
    public async Task The_linter_reports_exactly_what_nats_server_2_15_refuses(string stream, string answer)
    {
        await using var server = await NatsServer.StartAsync(NatsReleases.V2_15);
        await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, """{"name":"O","subjects":["o.>"]}""");
        var refused = await RawJetStreamApi.CreateStreamAsync(server.Connection, stream);
        using var repo = new ConfigRepo().With("streams/o.json", """{"name":"O","subjects":["o.>"]}""").With("streams/s.json", stream);

        var errors = repo.Lint(NatsReleases.V2_15).Where(l => l.Contains("s.json", StringComparison.Ordinal) && l.Contains(": JS1100:", StringComparison.Ordinal)).ToList();

        if (answer == Accepted)
        {
            Assert.Null(refused);
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal(answer, refused);
            Assert.Contains(errors, l => l.Contains($"is rejected by NATS server {NatsReleases.V2_15}: {answer}", StringComparison.Ordinal));
        }
    }
}
