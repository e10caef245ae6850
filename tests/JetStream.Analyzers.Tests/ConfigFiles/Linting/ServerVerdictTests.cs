using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.ConfigFiles.Linting;

/// <summary>
/// Files on which the linter disagreed with nats-server 2.9.10 in the differential test
/// (<see cref="Server.ConfigFileDifferentialTests"/>), with the server's answer to the create request. The linter must
/// report an error (severity Error, JS2101 aside) exactly when the server rejects. No server needed to run these.
/// </summary>
public class ServerVerdictTests
{
    private const string Version = "2.9.10";
    private const string Accepted = "accepted";

    private const string BaseStream = """{ "name": "CBASE", "subjects": ["cb.>", "cx.*.y", "cz"], "retention": "limits", "storage": "file" }""";
    private const string WorkQueueStream = """{ "name": "CWQ", "subjects": ["wq.>"], "retention": "workqueue", "storage": "file" }""";

    [Theory]
    // Go decodes these enums with their own code, which refuses JSON null.
    [InlineData("""{ "name": "E1", "subjects": ["e1"], "retention": null }""", "10025 invalid JSON")]
    [InlineData("""{ "name": "E1", "subjects": ["e1"], "storage": null }""", "10025 invalid JSON")]
    [InlineData("""{ "name": "E1", "subjects": ["e1"], "discard": null }""", "10025 invalid JSON")]
    [InlineData("""{ "name": "E1", "subjects": ["e1"], "max_age": null }""", Accepted)]
    // Go matches JSON keys case-insensitively.
    [InlineData("""{ "name": "E2", "subjects": ["e2"], "Max_Age": 50000000 }""", "10052 max age needs to be >= 100ms")]
    [InlineData("""{ "name": "E2", "subjects": ["e2"], "NUM_REPLICAS": 6 }""", "10052 maximum replicas is 5")]
    [InlineData("""{ "name": "E2", "subjects": ["e2"], "Max_Age": 3600000000000 }""", Accepted)]
    [InlineData("""{ "name": "E2", "mirror": { "name": "O" }, "Duplicate_Window": -1, "duplicate_window": null }""", "10052 duplicates window can not be negative")]
    // 2.9 ignores fields it doesn't know, whatever their value.
    [InlineData("""{ "name": "E3", "subjects": ["e3"], "compression": 5 }""", Accepted)]
    [InlineData("""{ "name": "E3", "subjects": ["e3"], "metadata": { "k": 1 } }""", Accepted)]
    [InlineData("""{ "name": "E3", "subjects": ["e3"], "subject_delete_marker_ttl": "1s" }""", Accepted)]
    // Go's int is 64 bits.
    [InlineData("""{ "name": "E4", "subjects": ["e4"], "max_consumers": 2147483648 }""", Accepted)]
    [InlineData("""{ "name": "E4", "subjects": ["e4"], "num_replicas": 2147483648 }""", "10052 maximum replicas is 5")]
    // Timestamps: Go's RFC 3339, and "" is not "not set".
    [InlineData("""{ "name": "E5", "mirror": { "name": "O", "opt_start_time": "" } }""", "10025 invalid JSON")]
    [InlineData("""{ "name": "E5", "mirror": { "name": "O", "opt_start_time": "2024-01-01T00:00:00" } }""", "10025 invalid JSON")]
    [InlineData("""{ "name": "E5", "mirror": { "name": "O", "opt_start_time": "2024-01-01T00:00:00.5+02:00" } }""", Accepted)]
    // Types inside nested objects.
    [InlineData("""{ "name": "E6", "mirror": { "name": "O", "external": { "api": 5 } } }""", "10025 invalid JSON")]
    [InlineData("""{ "name": "E6", "subjects": ["e6"], "placement": { "cluster": 5 } }""", "10025 invalid JSON")]
    [InlineData("""{ "name": "E6", "subjects": ["e6"], "republish": { "dest": "rp.>", "headers_only": "yes" } }""", "10025 invalid JSON")]
    [InlineData("""{ "name": "E6", "subjects": ["e6"], "template_owner": 5 }""", "10025 invalid JSON")]
    // A stream that mirrors or sources itself.
    [InlineData("""{ "name": "E7", "sources": [{ "name": "E7" }] }""", "10052 detected cycle")]
    [InlineData("""{ "name": "E7", "sources": [{ "name": "E7", "filter_subject": "zz.>" }] }""", "10052 detected cycle")]
    [InlineData("""{ "name": "E7", "mirror": { "name": "E7" } }""", "10052 detected cycle")]
    [InlineData("""{ "name": "E7", "sources": [{ "name": "E7", "external": {} }] }""", Accepted)]
    // External prefixes.
    [InlineData("""{ "name": "E8", "mirror": { "name": "O", "external": { "api": "$JS.x.API", "deliver": "ext.*" } } }""", "10024 stream external delivery prefix ext.* must not contain wildcards")]
    [InlineData("""{ "name": "E8", "mirror": { "name": "O", "external": { "api": "$JS.API" } } }""", "10021 stream external api prefix $JS.API must not overlap with $JS.API")]
    [InlineData("""{ "name": "E8", "sources": [{ "name": "O", "external": { "api": "$JS.*.API" } }] }""", "10052 stream external api prefix \"$JS.*.API\" must be a valid subject without wildcards")]
    [InlineData("""{ "name": "E8", "sources": [{ "name": "O", "external": { "api": "$JS.API.x" } }] }""", Accepted)]
    // Republish.
    [InlineData("""{ "name": "E9", "mirror": { "name": "O" }, "republish": { "dest": "rp.>" } }""", "10052 stream configuration for republish source is not valid subset of subjects")]
    [InlineData("""{ "name": "E9", "subjects": ["a.b"], "republish": { "src": "a..b", "dest": "rp.>" } }""", "10052 stream configuration for republish source is not valid subset of subjects")]
    [InlineData("""{ "name": "E9", "subjects": ["a.*"], "republish": { "src": "a.*", "dest": "rp.x" } }""", "10052 stream configuration for republish not valid")]
    [InlineData("""{ "name": "E9", "subjects": ["a.>"], "republish": { "src": "*.>", "dest": "rp.>" } }""", "10052 stream configuration for republish not valid")]
    [InlineData("""{ "name": "E9", "subjects": ["a.b"], "republish": { "dest": "rp.x" } }""", "10052 stream configuration for republish not valid")]
    [InlineData("""{ "name": "E9", "subjects": ["a.b"], "republish": { "src": "a.b" } }""", "10052 stream configuration for republish not valid")]
    [InlineData("""{ "name": "E9", "subjects": ["a.*"], "republish": { "src": "a.*", "dest": "rp.{{foo(1)}}" } }""", "10052 stream configuration for republish not valid")]
    [InlineData("""{ "name": "E9", "subjects": ["a.*"], "republish": { "src": "a.*", "dest": "rp.{{partition(3,1)}}" } }""", Accepted)]
    [InlineData("""{ "name": "E9", "subjects": ["a.b"], "republish": { "src": "a.b", "dest": "rp.$1" } }""", Accepted)]
    [InlineData("""{ "name": "E9", "subjects": ["a.*"], "republish": { "src": "a.*", "dest": "rp.{{Wildcard( 1 )}}" } }""", Accepted)]
    [InlineData("""{ "name": "E9", "subjects": ["a.>"], "republish": { "src": "*.>", "dest": "rp.$1.>" } }""", Accepted)]
    public void Stream(string json, string server)
    {
        using var repo = new ConfigRepo().With("stream.json", json);
        AssertVerdict(repo, "stream.json", server);
    }

    [Theory]
    [InlineData("CBASE", """{ "durable_name": "D1", "deliver_policy": null }""", "10025 invalid JSON")]
    [InlineData("CBASE", """{ "durable_name": "D1", "ack_policy": null }""", "10025 invalid JSON")]
    [InlineData("CBASE", """{ "durable_name": "D1", "replay_policy": null }""", "10025 invalid JSON")]
    [InlineData("CBASE", """{ "durable_name": "D1", "opt_start_time": "" }""", "10025 invalid JSON")]
    [InlineData("CBASE", """{ "durable_name": "D1", "backoff": [1000000000], "Max_Deliver": 1 }""", "10116 max deliver is required to be > length of backoff values")]
    [InlineData("CBASE", """{ "durable_name": "D1", "max_deliver": 2147483648 }""", Accepted)]
    [InlineData("CBASE", """{ "durable_name": "D1", "deliver_subject": "dlv.d1", "rate_limit_bps": 18446744073709551615 }""", Accepted)]
    [InlineData("CBASE", """{ "durable_name": "D1", "pause_until": "soon" }""", Accepted)]
    [InlineData("CBASE", """{ "durable_name": "D1", "direct": true }""", "10090 consumer direct requires a push based consumer")]
    [InlineData("CBASE", """{ "durable_name": "D1", "deliver_subject": "dlv.d1", "direct": true }""", "10091 consumer direct requires an ephemeral consumer")]
    [InlineData("CWQ", """{ "name": "D1", "deliver_subject": "dlv.d1", "direct": true, "deliver_policy": "new" }""", Accepted)]
    [InlineData("CBASE", """{ "durable_name": "D1", "filter_subject": "*.x" }""", "10093 consumer filter subject is not a valid subset of the interest subjects")]
    [InlineData("CBASE", """{ "durable_name": "D1", "filter_subject": "cx.>" }""", Accepted)]
    [InlineData("CBASE", """{ "durable_name": "D1", "filter_subjects": ["cz", "zz.q"] }""", Accepted)]
    [InlineData("CBASE", """{ "name": "{N256}" }""", "10012 error creating store for consumer")]
    [InlineData("CBASE", """{ "name": "{N256}", "mem_storage": true }""", Accepted)]
    [InlineData("CBASE", """{ "name": "{N256}", "deliver_subject": "dlv.d1", "direct": true }""", Accepted)]
    public void Consumer(string stream, string config, string server)
    {
        using var repo = new ConfigRepo()
            .With("CBASE.json", BaseStream)
            .With("CWQ.json", WorkQueueStream)
            .With("consumer.json", $$"""{ "stream_name": "{{stream}}", "config": {{config.Replace("{N256}", new string('N', 256))}} }""");
        AssertVerdict(repo, "consumer.json", server);
    }

    private static void AssertVerdict(ConfigRepo repo, string file, string server)
    {
        var version = ServerVersion.Parse(Version);
        var context = new RuleContext(RuleOptions.Default, version);
        var path = repo.PathOf(file);
        var lintSet = file == "consumer.json" ? new[] { path, repo.PathOf("CBASE.json"), repo.PathOf("CWQ.json") } : new[] { path };
        var findings = new ConfigFileLinter(_ => context, repo.Root).Lint(lintSet)
            .Where(f => f.Origin is SourceSpan span && span.Path == path)
            .ToList();
        var errors = findings.Where(f => f.Severity == RuleSeverity.Error && f.Rule.Id != RuleIds.ConsumerSettingIgnoredByServer).ToList();
        var all = string.Join("\n", findings.Select(f => $"{f.Severity} {f}"));
        if (server == Accepted)
        {
            Assert.True(errors.Count == 0, $"nats-server {Version} accepts this file, but the linter reports:\n{all}");
        }
        else
        {
            Assert.True(errors.Count > 0, $"nats-server {Version} rejects this file ({server}), but the linter reports no error:\n{all}");
        }
    }
}
