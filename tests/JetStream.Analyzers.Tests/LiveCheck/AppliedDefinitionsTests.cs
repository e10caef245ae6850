using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using JetStream.Analyzers.Tests.Server.Differential;
using NATS.Client.Core;
using Xunit.Abstractions;

namespace JetStream.Analyzers.Tests.LiveCheck;

/// <summary>
/// The live check must not call a definition drifted right after the server accepted it: every stream and consumer of
/// the differential corpus (<see cref="DifferentialCorpus"/>) is created from its file, then the file (and its YAML
/// copy) is checked against the server, which must report no JS5002, JS5003 or JS5009 for it. This is what proves the
/// server defaults the comparison fills in (duplicate window, ack wait, max waiting, max ack pending, ...).
/// </summary>
public sealed class AppliedDefinitionsTests
{
    private const int Seed = 20240917;
    private static readonly string[] DriftRules = { "JS5002", "JS5003", "JS5009" };
    private readonly ITestOutputHelper output;

    public AppliedDefinitionsTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Theory]
    [NatsRelease(NatsReleases.V2_9)]
    [NatsRelease(NatsReleases.V2_10)]
    [NatsRelease(NatsReleases.V2_15)]
    public async Task Definitions_the_server_just_accepted_show_no_drift(string release)
    {
        var clock = Stopwatch.StartNew();
        await using var server = await NatsServer.StartAsync(release);
        var corpus = DifferentialCorpus.Generate(Seed, 300, 300);
        using var repo = new ConfigRepo();
        foreach (var (name, config) in DifferentialCorpus.BaseStreams)
        {
            repo.With($"base/{name}.json", config.ToJson());
            Assert.Null(await RequestAsync(server, "STREAM.CREATE." + name, config.ToJson()));
        }

        var settings = ConfigRepo.Server(server.Url);
        var checkedFiles = 0;
        var failures = new List<string>();
        foreach (var entry in corpus)
        {
            if (await RequestAsync(server, entry.ApiSubject, entry.JsonText) is not null)
            {
                continue;
            }

            var file = $"{(entry.Kind == DefinitionKind.Stream ? "streams" : "consumers")}/{entry.Id}";
            repo.With(file + ".json", entry.JsonText);
            var files = new List<string> { file + ".json" };
            if (entry.YamlCopy)
            {
                repo.With(file + ".yaml", entry.Body.ToYaml());
                files.Add(file + ".yaml");
            }

            foreach (var path in files)
            {
                var lintSet = entry.Stream is { } stream ? new[] { path, $"base/{stream}.json" } : new[] { path };
                // No state assertion here: the corpus has streams that capture '>', which store every request any
                // client sends, the snapshot's own included. ReadOnlyTests and the per-rule tests assert it.
                var drift = repo.LintLive(settings, null, lintSet).Where(line => DriftRules.Any(id => line.Contains(": " + id + ":", StringComparison.Ordinal))).ToList();
                checkedFiles++;
                if (drift.Count > 0)
                {
                    failures.Add($"--- {path} ({string.Join(", ", entry.Aspects)})\n{string.Join("\n", drift)}\n{entry.JsonText}");
                }
            }

            await DeleteAsync(server, entry);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {Seed}: {checkedFiles} accepted files checked against nats-server {server.Version} in {clock.Elapsed.TotalSeconds:0.0}s; {failures.Count} reported drift"));
        Assert.True(checkedFiles >= 200, $"only {checkedFiles} files were accepted by the server; the corpus proves too little");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static async Task DeleteAsync(NatsServer server, CorpusEntry entry)
    {
        var subject = entry.ApiSubject.Replace(".CREATE.", ".DELETE.", StringComparison.Ordinal);
        if (entry.Kind == DefinitionKind.Consumer)
        {
            // CONSUMER.CREATE.<stream>[.<name>[.<filter>]] or the legacy forms; the consumer list names what was created.
            var reply = await server.Connection.RequestAsync<byte[], byte[]>($"$JS.API.CONSUMER.NAMES.{entry.Stream}", Array.Empty<byte>());
            using var names = JsonDocument.Parse(reply.Data!);
            foreach (var name in names.RootElement.GetProperty("consumers").EnumerateArray())
            {
                Assert.Null(await RequestAsync(server, $"CONSUMER.DELETE.{entry.Stream}.{name.GetString()}", string.Empty));
            }

            return;
        }

        Assert.Null(await RequestAsync(server, subject, string.Empty));
    }

    /// <summary>Null when the server accepted the request, else its error.</summary>
    private static async Task<string?> RequestAsync(NatsServer server, string subject, string body)
    {
        var reply = await server.Connection.RequestAsync<byte[], byte[]>("$JS.API." + subject, Encoding.UTF8.GetBytes(body));
        using var json = JsonDocument.Parse(reply.Data ?? Array.Empty<byte>());
        return json.RootElement.TryGetProperty("error", out var error) ? error.GetProperty("description").GetString() ?? "error" : null;
    }
}
