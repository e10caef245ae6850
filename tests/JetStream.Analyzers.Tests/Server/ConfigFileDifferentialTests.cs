using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Infrastructure;
using JetStream.Analyzers.Tests.Server.Differential;
using NATS.Client.Core;
using Xunit.Abstractions;

namespace JetStream.Analyzers.Tests.Server;

/// <summary>
/// Differential test of the config-file linter against a real nats-server: a seeded generator
/// (<see cref="DifferentialCorpus"/>) writes several hundred stream and consumer files, each is sent raw as a create
/// request, and the linter — with the server's own version as its target (what JetStreamServerVersion sets) — must
/// report an error on exactly the files the server rejects.
/// <para>Rule of the comparison:</para>
/// <list type="bullet">
/// <item>The server rejects a file when its create request gets an error reply. A stream file is the body of
/// <c>$JS.API.STREAM.CREATE.&lt;name&gt;</c>; a consumer file is the create request
/// <c>{"stream_name": ..., "config": {...}}</c> sent to <c>$JS.API.CONSUMER.CREATE.&lt;stream&gt;.&lt;name&gt;</c>
/// (the name, else the durable name), or to the legacy <c>$JS.API.CONSUMER.CREATE.&lt;stream&gt;</c> when it has
/// neither. Consumers go to streams the test creates from files (<see cref="DifferentialCorpus.BaseStreams"/>).
/// Whatever is created is deleted before the next request, so no answer depends on an earlier file.</item>
/// <item>The linter reports an error on a file when linting it — a consumer file together with its stream's file —
/// yields a finding of severity Error located in that file (JS1100, JS2100, JS4001, JS4003, JS4008, ...), with one
/// exception: JS2101 (a consumer setting the target server silently ignores, e.g. filter_subjects on 2.9) and JS4008
/// (a filter no subject of the stream can match, accepted from 2.10) are Errors for a configuration the server
/// ACCEPTS but runs differently than intended. They are therefore not counted as "linter says rejected"; files with
/// them are counted as "accepted but dangerous" and reported.</item>
/// <item>A YAML copy of a file (about a quarter of them) must get the same verdict as its JSON twin: the server gets
/// the JSON, the linter reads the YAML.</item>
/// </list>
/// Branches the generator leaves out on purpose are listed in <see cref="DifferentialCorpus"/>. Set
/// JETSTREAM_DIFF_SEED to run another seed (and JETSTREAM_DIFF_REPORT to a path to get every disagreement in a file, one per release: path.2.10.27); on disagreement the seed and each failing file's content are printed.
/// </summary>
public sealed class ConfigFileDifferentialTests
{
    private const int DefaultSeed = 20240917;
    private const int StreamCount = 1000;
    private const int ConsumerCount = 1000;

    private readonly ITestOutputHelper output;

    public ConfigFileDifferentialTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task Linter_reports_an_error_on_exactly_the_files_the_server_rejects(string release)
    {
        var clock = Stopwatch.StartNew();
        var seed = int.TryParse(Environment.GetEnvironmentVariable("JETSTREAM_DIFF_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        await using var server = await NatsServer.StartAsync(release);
        var version = server.Version;
        output.WriteLine($"seed {seed}, nats-server {version}, linter target version {version}");

        var corpus = DifferentialCorpus.Generate(seed, StreamCount, ConsumerCount);
        using var repo = new ConfigRepo();
        foreach (var (name, config) in DifferentialCorpus.BaseStreams)
        {
            repo.With($"base/{name}.json", config.ToJson());
        }

        foreach (var entry in corpus)
        {
            repo.With(JsonPath(entry), entry.JsonText);
            if (entry.YamlCopy)
            {
                repo.With(YamlPath(entry), entry.Body.ToYaml());
            }
        }

        // Server side: one request per file, in order; streams first, then the base streams and the consumers.
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var entry in corpus.Where(e => e.Kind == DefinitionKind.Stream))
        {
            answers[entry.Id] = await CreateAsync(server, entry);
        }

        foreach (var (name, config) in DifferentialCorpus.BaseStreams)
        {
            var answer = await RequestAsync(server, "STREAM.CREATE." + name, config.ToJson());
            Assert.True(answer.Error is null, $"base stream {name}: {answer.Error}");
        }

        foreach (var entry in corpus.Where(e => e.Kind == DefinitionKind.Consumer))
        {
            answers[entry.Id] = await CreateAsync(server, entry);
        }

        foreach (var (name, _) in DifferentialCorpus.BaseStreams)
        {
            await DeleteAsync(server, "STREAM.DELETE." + name);
        }

        var serverTime = clock.Elapsed;

        // Linter side: each file on its own (a consumer with its stream's file), with the server's version.
        var context = new RuleContext(new RuleOptions(key => key == OptionKeys.ServerVersion ? version.ToString() : null), version);
        var linter = new ConfigFileLinter(_ => context, repo.Root);
        var rows = new List<Row>();
        foreach (var entry in corpus)
        {
            var files = new List<string> { JsonPath(entry) };
            if (entry.YamlCopy)
            {
                files.Add(YamlPath(entry));
            }

            foreach (var file in files)
            {
                var path = repo.PathOf(file);
                var lintSet = entry.Stream is { } stream ? new[] { path, repo.PathOf($"base/{stream}.json") } : new[] { path };
                var findings = linter.Lint(lintSet)
                    .Where(f => f.Origin is SourceSpan span && string.Equals(Path.GetFullPath(span.Path), Path.GetFullPath(path), StringComparison.Ordinal))
                    .ToList();
                rows.Add(new Row(entry, file, answers[entry.Id], findings));
            }
        }

        var lintTime = clock.Elapsed - serverTime;

        // A corpus that is nearly all valid or nearly all invalid would prove little.
        var rejectedShare = (double)corpus.Count(e => answers[e.Id].Error is not null) / corpus.Count;
        Assert.True(corpus.Count >= 500 && rejectedShare is > 0.25 and < 0.75, $"seed {seed}: {corpus.Count} configurations, {rejectedShare:P0} rejected");
        var disagreements = rows.Where(r => r.ServerRejects != r.LinterRejects).ToList();
        var agree = rows.Count - disagreements.Count;
        var jsonRows = rows.Where(r => r.File.EndsWith(".json", StringComparison.Ordinal)).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agreement {agree}/{rows.Count} ({100.0 * agree / rows.Count:0.##}%), files {rows.Count} = {jsonRows.Count} JSON + {rows.Count - jsonRows.Count} YAML copies; " +
            $"streams {jsonRows.Count(r => r.Entry.Kind == DefinitionKind.Stream)}, consumers {jsonRows.Count(r => r.Entry.Kind == DefinitionKind.Consumer)}, " +
            $"rejected by the server {jsonRows.Count(r => r.ServerRejects)} of {jsonRows.Count} configurations"));
        var dangerous = rows.Where(r => r.Dangerous).ToList();
        output.WriteLine($"accepted but dangerous (server accepted, JS2101/JS4008 reported): {dangerous.Count(r => !r.ServerRejects)} of {rows.Count} files; JS2101/JS4008 on {dangerous.Count} files in all");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: server {serverTime.TotalSeconds:0.0}s, lint {lintTime.TotalSeconds:0.0}s, total {clock.Elapsed.TotalSeconds:0.0}s"));
        output.WriteLine("server errors seen: " + string.Join("; ", jsonRows.Where(r => r.ServerRejects).GroupBy(r => Normalize(r.Answer.Error!)).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()}× {g.Key}")));
        output.WriteLine("linter errors seen (files per rule): " + string.Join(", ", jsonRows
            .SelectMany(r => r.Findings.Where(f => f.Severity == RuleSeverity.Error).Select(f => f.Rule.Id).Distinct())
            .GroupBy(id => id).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}×{g.Count()}")));
        output.WriteLine("excluded generator branches: " + string.Join("; ", DifferentialCorpus.Exclusions));

        if (disagreements.Count > 0)
        {
            var report = new StringBuilder();
            report.AppendLine($"seed {seed}: the linter and nats-server {version} disagree on {disagreements.Count} of {rows.Count} files");
            var shown = Environment.GetEnvironmentVariable("JETSTREAM_DIFF_REPORT") is { Length: > 0 } ? disagreements.Count : 25;
            foreach (var row in disagreements.Take(shown))
            {
                report.AppendLine().AppendLine($"--- {row.File} ({string.Join(", ", row.Entry.Aspects)})");
                report.AppendLine($"server: {row.Answer}");
                report.AppendLine("linter: " + (row.Findings.Count == 0 ? "no findings" : string.Join(Environment.NewLine + "        ", row.Findings.Select(f => $"{f.Severity} {f}"))));
                report.AppendLine(File.ReadAllText(repo.PathOf(row.File)));
            }

            if (Environment.GetEnvironmentVariable("JETSTREAM_DIFF_REPORT") is { Length: > 0 } reportPath)
            {
                File.WriteAllText($"{reportPath}.{version}", report.ToString());
            }

            output.WriteLine(report.ToString());
            Assert.Fail(report.ToString());
        }
    }

    private static string JsonPath(CorpusEntry entry) => $"{(entry.Kind == DefinitionKind.Stream ? "streams" : "consumers")}/{entry.Id}.json";

    private static string YamlPath(CorpusEntry entry) => $"{(entry.Kind == DefinitionKind.Stream ? "streams" : "consumers")}/{entry.Id}.yaml";

    private static string Normalize(string error) => System.Text.RegularExpressions.Regex.Replace(error, "'[^']*'|\"[^\"]*\"", "…");

    /// <summary>Sends the file's body; deletes whatever the server created.</summary>
    private static async Task<Answer> CreateAsync(NatsServer server, CorpusEntry entry)
    {
        Answer answer;
        try
        {
            answer = await RequestAsync(server, entry.ApiSubject, entry.JsonText);

            // 10049 "error creating store for stream" is now and then the store's answer to a directory removed a
            // moment before, not a verdict on the file; a deterministic one (a name the file system refuses) repeats.
            if (answer.Error is { } error && error.StartsWith("10049 ", StringComparison.Ordinal))
            {
                await Task.Delay(200);
                answer = await RequestAsync(server, entry.ApiSubject, entry.JsonText);
            }
        }
        catch (NatsNoReplyException e)
        {
            throw new InvalidOperationException($"{entry.Id}: no reply to $JS.API.{entry.ApiSubject} ({string.Join(", ", entry.Aspects)}):\n{entry.JsonText}", e);
        }

        if (answer.Error is null)
        {
            var created = answer.Reply;
            var delete = entry.Kind == DefinitionKind.Stream
                ? "STREAM.DELETE." + created.GetProperty("config").GetProperty("name").GetString()
                : $"CONSUMER.DELETE.{entry.Stream}.{created.GetProperty("name").GetString()}";
            await DeleteAsync(server, delete);
        }

        return answer;
    }

    private static async Task DeleteAsync(NatsServer server, string subject)
    {
        var answer = await RequestAsync(server, subject, string.Empty);
        Assert.True(answer.Error is null, $"{subject}: {answer.Error}");
    }

    private static async Task<Answer> RequestAsync(NatsServer server, string subject, string body)
    {
        var reply = await server.Connection.RequestAsync<byte[], byte[]>("$JS.API." + subject, Encoding.UTF8.GetBytes(body));
        using var json = JsonDocument.Parse(reply.Data ?? Array.Empty<byte>());
        var root = json.RootElement.Clone();
        if (root.TryGetProperty("error", out var error))
        {
            var code = error.TryGetProperty("err_code", out var c) ? c.GetInt32() : 0;
            return new Answer($"{code} {error.GetProperty("description").GetString()}", root);
        }

        return new Answer(null, root);
    }

    private sealed record Answer(string? Error, JsonElement Reply)
    {
        public override string ToString() => Error is null ? "accepted" : $"rejected: {Error}";
    }

    private sealed class Row
    {
        public Row(CorpusEntry entry, string file, Answer answer, List<Finding> findings)
        {
            Entry = entry;
            File = file;
            Answer = answer;
            Findings = findings;
        }

        public CorpusEntry Entry { get; }

        public string File { get; }

        public Answer Answer { get; }

        public List<Finding> Findings { get; }

        public bool ServerRejects => Answer.Error is not null;

        public bool LinterRejects => Findings.Any(f => f.Severity == RuleSeverity.Error && !AcceptedButDangerous.Contains(f.Rule.Id));

        /// <summary>JS2101 or JS4008: accepted by the server, but a setting is ignored or a filter can never match.</summary>
        public bool Dangerous => Findings.Any(f => AcceptedButDangerous.Contains(f.Rule.Id));
    }

    /// <summary>
    /// Errors that don't claim a rejection: JS2101 (a setting the server ignores) and JS4008 (a filter outside the
    /// stream's subjects, accepted from 2.10; before 2.10 the server's refusal is JS2100's).
    /// </summary>
    private static readonly HashSet<string> AcceptedButDangerous = new(StringComparer.Ordinal)
    {
        RuleIds.ConsumerSettingIgnoredByServer,
        RuleIds.FilterOutsideStream,
    };
}
