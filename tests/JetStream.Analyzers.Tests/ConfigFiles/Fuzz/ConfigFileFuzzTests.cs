using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Infrastructure;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace JetStream.Analyzers.Tests.ConfigFiles.Fuzz;

/// <summary>
/// Issue 15: mutations of valid JSON, YAML and NACK files through the whole file lint. Invariants: no exception (not
/// even one the per-file guard turns into a JS4001), termination, every position inside the file, and a JS4001 for
/// every file that System.Text.Json or YamlDotNet rejects. A bounded run is part of the suite; set
/// JETSTREAM_FUZZ_CASES for more cases, and JETSTREAM_FUZZ_SEED to replay the seed CsCheck prints on a failure.
/// </summary>
public sealed class ConfigFileFuzzTests
{
    private const int DefaultCases = 3000;

    private static readonly (string Name, string Text)[] Corpus =
    {
        ("orders.json", """
            {
              "name": "ORDERS",
              "subjects": ["orders.>", "returns.*"],
              "retention": "workqueue",
              "max_bytes": 1073741824,
              "max_age": 604800000000000,
              "storage": "file",
              "num_replicas": 3,
              "duplicate_window": 120000000000,
              "deny_delete": true,
              "deny_purge": true,
              "metadata": { "owner": "team-a" }
            }
            """),
        ("ORDERS/worker.json", """
            { "stream_name": "ORDERS", "config": { "durable_name": "worker", "ack_policy": "explicit", "max_deliver": 5,
              "backoff": [1000000000, 10000000000], "filter_subjects": ["orders.new", "orders.paid"],
              "deliver_policy": "by_start_time", "opt_start_time": "2024-01-31T12:00:00Z" } }
            """),
        ("audit.yaml", """
            name: AUDIT
            subjects: [audit.>]
            max_bytes: 1073741824
            max_age: 604800000000000
            num_replicas: 3
            deny_delete: true
            deny_purge: true
            placement: {cluster: c1, tags: [ssd]}
            """),
        ("nack.yaml", """
            apiVersion: jetstream.nats.io/v1beta2
            kind: Stream
            metadata:
              name: events
            spec:
              name: EVENTS
              subjects: ["events.>"]
              storage: file
              replicas: 3
              maxBytes: 10737418240
              maxAge: 168h
              denyDelete: true
              denyPurge: true
            ---
            apiVersion: jetstream.nats.io/v1beta2
            kind: Consumer
            metadata:
              name: events-worker
            spec:
              streamName: EVENTS
              durableName: worker
              ackPolicy: explicit
              ackWait: 30s
              maxDeliver: 5
              backoff: [1s, 10s]
            """),
    };

    // Characters that matter to the parsers and to the value readers, plus a few that only other scripts write.
    private static readonly string[] Fragments =
    {
        "{", "}", "[", "]", "\"", "'", ":", ",", " ", "\t", "\n", "\r\n", "\r", "\\", "\\u", "\\u 41", "-", ".", "*", ">", "#", "&a", "*a", "<<",
        "!!str", "|", ">-", "---", "...", "0", "9", "1e999", "-1", "99999999999999999999", "٢", "\uFEFF", "\u0000", "\uD800", "é", "null", "~", "true",
        "h", "ms", "2562048h", "T", "Z", "+01:00", "GB", "$JS.API.>", "orders.>",
    };

    private readonly ITestOutputHelper output;

    public ConfigFileFuzzTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public async Task MutatedFiles_KeepTheInvariants()
    {
        var cases = long.TryParse(Environment.GetEnvironmentVariable("JETSTREAM_FUZZ_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : DefaultCases;
        var seed = Environment.GetEnvironmentVariable("JETSTREAM_FUZZ_SEED");
        using var repo = new ConfigRepo();
        var context = new RuleContext(RuleOptions.Default, ServerVersion.Newest);
        var mutation = Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[1, 40], Gen.Int[0, Fragments.Length - 1], (kind, at, length, fragment) => new Mutation(kind, at, length, fragment));
        var gen = Gen.Select(Gen.Int[0, Corpus.Length - 1], mutation.Array[1, 6], (file, mutations) => (file, mutations));
        var run = 0;

        // The timeout only guards against a hang (termination is an invariant); it is no speed target.
        await Task.Run(() => gen.Sample(
            sample =>
            {
                run++;
                var (name, text) = Corpus[sample.file];
                var bytes = Apply(Encoding.UTF8.GetBytes(text), sample.mutations);
                var path = repo.PathOf(name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
                Check(path, bytes, new ConfigFileLinter(_ => context, repo.Root).Lint(new[] { path }));
            },
            seed: string.IsNullOrEmpty(seed) ? null : seed,
            iter: cases,
            threads: 1,
            print: sample => $"{Corpus[sample.file].Name} with {string.Join(", ", sample.mutations.Select(m => m.ToString()))}")).WaitAsync(TimeSpan.FromMinutes(15));

        output.WriteLine($"{run} mutated files linted");
        Assert.True(run >= cases, $"{run} of {cases} cases ran");
    }

    private static void Check(string path, byte[] bytes, List<Finding> findings)
    {
        var lines = LineLengths(bytes);
        foreach (var finding in findings)
        {
            Assert.DoesNotContain("the linter failed on this file", finding.Message, StringComparison.Ordinal);
            var span = Assert.IsType<SourceSpan>(finding.Origin);
            InFile(span.Line, span.Column, lines, finding);
            InFile(span.EndLine, span.EndColumn, lines, finding);
        }

        if (Rejected(path, bytes) is { } why)
        {
            Assert.True(findings.Any(f => f.Rule.Id == RuleIds.FileNotParsable), $"{why}, but the lint reports no JS4001:\n{string.Join("\n", findings)}");
        }
    }

    private static void InFile(int line, int column, List<int> lengths, Finding finding)
    {
        Assert.True(line >= 1 && line <= lengths.Count, $"line {line} of a {lengths.Count}-line file: {finding}");
        Assert.True(column >= 1 && column <= lengths[line - 1] + 1, $"column {column} on line {line} of {lengths[line - 1]} characters: {finding}");
    }

    /// <summary>Characters per line, lines ended by CR LF, LF or a lone CR (as editors and the linter count them).</summary>
    private static List<int> LineLengths(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lengths = new List<int>();
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
            {
                lengths.Add(length);
                length = 0;
            }
            else if (text[i] != '\r')
            {
                length++;
            }
        }

        lengths.Add(length);
        return lengths;
    }

    /// <summary>Why System.Text.Json (.json) or YamlDotNet (.yaml) refuses the file; null when it parses.</summary>
    private static string? Rejected(string path, byte[] bytes)
    {
        try
        {
            // RFC 8259 lets a JSON parser ignore a leading byte order mark and YAML 1.2 allows one at the start of a
            // stream; the linter ignores it, as JsonDocument's Stream overload does, but YamlDotNet reads it as content.
            var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            if (path.EndsWith(".json", StringComparison.Ordinal))
            {
                using var document = System.Text.Json.JsonDocument.Parse(bytes.AsMemory(bom));
            }
            else
            {
                new YamlStream().Load(new StringReader(new UTF8Encoding(false, true).GetString(bytes, bom, bytes.Length - bom)));
            }

            return null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or YamlDotNet.Core.YamlException or DecoderFallbackException or ArgumentException or InvalidOperationException)
        {
            return $"{Path.GetFileName(path)} is refused by {(path.EndsWith(".json", StringComparison.Ordinal) ? "System.Text.Json" : "YamlDotNet")} ({e.GetType().Name}: {e.Message})";
        }
    }

    private static byte[] Apply(byte[] bytes, Mutation[] mutations)
    {
        var data = new List<byte>(bytes);
        foreach (var m in mutations)
        {
            var at = Math.Min(data.Count, (int)(m.At * data.Count));
            var fragment = Encoding.UTF8.GetBytes(Fragments[m.Fragment]);
            switch (m.Kind)
            {
                case 0: // delete a run
                    data.RemoveRange(at, Math.Min(m.Length, data.Count - at));
                    break;
                case 1: // insert a fragment
                    data.InsertRange(at, fragment);
                    break;
                case 2: // replace a run with a fragment
                    data.RemoveRange(at, Math.Min(m.Length, data.Count - at));
                    data.InsertRange(at, fragment);
                    break;
                case 3: // duplicate a run
                    data.InsertRange(at, data.GetRange(at, Math.Min(m.Length, data.Count - at)).ToArray());
                    break;
                default: // truncate, or flip one byte (invalid UTF-8 included)
                    if (m.Length % 2 == 0)
                    {
                        data.RemoveRange(at, data.Count - at);
                    }
                    else if (at < data.Count)
                    {
                        data[at] ^= (byte)(1 << (m.Length % 8));
                    }

                    break;
            }
        }

        return data.ToArray();
    }

    private sealed record Mutation(int Kind, double At, int Length, int Fragment)
    {
        public override string ToString() => $"{Kind}@{At:F3}/{Length}/'{Fragments[Fragment].Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)}'";
    }
}
