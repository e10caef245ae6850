using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.ConfigFiles.Linting;

public class ConfigFileLinterTests
{
    private const string SafeStream = """
        {
          "name": "ORDERS",
          "subjects": ["orders.>"],
          "retention": "limits",
          "max_bytes": 1073741824,
          "max_age": 604800000000000,
          "storage": "file",
          "num_replicas": 3,
          "deny_delete": true,
          "deny_purge": true
        }
        """;

    [Fact]
    public void SafeApiStream_HasNoFindings()
    {
        using var repo = new ConfigRepo().With("orders.json", SafeStream);
        Assert.Empty(repo.Lint());
    }

    [Fact]
    public void ApiStream_ReportsRulesAtTheValue()
    {
        using var repo = new ConfigRepo().With("orders.json", """
            {
              "name": "ORDERS",
              "subjects": ["orders.>"],
              "num_replicas": 2,
              "storage": "memory",
              "max_age": 604800000000000,
              "deny_delete": true,
              "deny_purge": true
            }
            """);
        Assert.Equal(
            new[]
            {
                "orders.json(2,11): JS1003: Stream 'ORDERS' has no byte limit (max_bytes is not set); it grows until the server's storage is full. Set a maximum size.",
                "orders.json(4,19): JS1001: Stream 'ORDERS' has 2 replicas, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas.",
                "orders.json(5,14): JS1005: Stream 'ORDERS' uses memory storage; its messages are lost when the servers restart. Use file storage unless the data is disposable.",
            },
            repo.Lint());
    }

    [Fact]
    public void StreamInfoOutputAndYaml_AreRecognized()
    {
        using var repo = new ConfigRepo()
            .With("info.json", "{ \"config\": " + SafeStream.Replace("ORDERS", "A").Replace("orders.>", "a.>") + ", \"state\": { \"messages\": 0 }, \"created\": \"2024-01-01T00:00:00Z\" }")
            .With("b.yaml", """
                name: B
                subjects: [b.>]
                max_bytes: 1073741824
                max_age: 604800000000000
                num_replicas: 1
                deny_delete: true
                deny_purge: true
                """);
        Assert.Equal(
            new[] { "b.yaml(5,15): JS1001: Stream 'B' has 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas." },
            repo.Lint());
    }

    [Fact]
    public void ConsumerCreateRequest_KnowsItsStream()
    {
        using var repo = new ConfigRepo()
            .With("orders.json", SafeStream)
            .With("processor.json", """
                {
                  "stream_name": "ORDERS",
                  "config": {
                    "durable_name": "processor",
                    "ack_policy": "explicit",
                    "max_deliver": 5,
                    "backoff": [1000000000, 10000000000],
                    "max_expires": 60000000000
                  }
                }
                """);
        Assert.Empty(repo.Lint());
    }

    [Fact]
    public void BareConsumer_TakesTheStreamFromItsFolder()
    {
        using var repo = new ConfigRepo()
            .With("ORDERS/stream.json", SafeStream)
            .With("ORDERS/consumers/processor.json", """
                { "durable_name": "processor", "ack_policy": "explicit", "max_deliver": 5, "backoff": [1000000000], "filter_subject": "payments.>", "max_expires": 60000000000 }
                """);
        Assert.Equal(
            new[] { "ORDERS/consumers/processor.json(1,119): JS4008: Consumer 'processor' on stream 'ORDERS' filters on 'payments.>', which no subject of stream 'ORDERS' (orders.>) can match; the consumer would never receive a message" },
            repo.Lint());
    }

    [Fact]
    public void BareConsumerWithoutStream_SaysHowToNameOne()
    {
        using var repo = new ConfigRepo().With("processor.json", """{ "durable_name": "processor", "ack_policy": "none", "max_expires": 60000000000 }""");
        var finding = Assert.Single(repo.Lint());
        Assert.StartsWith("processor.json(1,19): JS4005: Consumer 'processor' names no stream: put a bare consumer config in a folder named after its stream", finding);
    }

    [Fact]
    public void ConsumerForUnknownStream_IsReportedAtTheStreamName()
    {
        using var repo = new ConfigRepo().With("orders.json", SafeStream).With("c.json", """{ "stream_name": "ORDRES", "config": { "durable_name": "c", "ack_policy": "none", "max_expires": 60000000000 } }""");
        Assert.Equal(
            new[] { "c.json(1,18): JS4005: Consumer 'c' is for stream 'ORDRES' (did you mean 'ORDERS', defined at orders.json(2,11)?), which no linted file defines; add the stream's file to the JetStreamConfig items, or check the name" },
            repo.Lint());
    }

    [Fact]
    public void UnknownField_SuggestsTheNearestAndFollowsTheServerVersion()
    {
        using var repo = new ConfigRepo().With("orders.json", SafeStream.Replace("\"max_bytes\"", "\"max_byte\"").Replace("\"retention\"", "\"maxAge\""));
        var old = repo.Lint("2.9.10");
        Assert.Contains("orders.json(4,3): JS4002: Stream 'ORDERS' has an unknown field 'maxAge' (did you mean 'max_age'?); NATS server 2.9.10 and the nats CLI drop it without a word", old);
        Assert.Contains("orders.json(5,3): JS4002: Stream 'ORDERS' has an unknown field 'max_byte' (did you mean 'max_bytes'?); NATS server 2.9.10 and the nats CLI drop it without a word", old);
        Assert.Contains(old, l => l.Contains("JS1003")); // the misspelled limit leaves the stream unbounded

        var strict = repo.Lint("2.12.0");
        Assert.Contains("orders.json(5,3): JS4002: Stream 'ORDERS' has an unknown field 'max_byte' (did you mean 'max_bytes'?); NATS server 2.12.0 rejects the request (\"invalid JSON: json: unknown field\")", strict);
    }

    [Fact]
    public void RemovedField_IsUnknownToTheReleasesAfterItsRemoval()
    {
        using var repo = new ConfigRepo().With("orders.json", SafeStream.Replace("\"retention\"", "\"template_owner\": \"\", \"retention\""));

        Assert.DoesNotContain(repo.Lint("2.12.9"), l => l.Contains("JS4002"));
        Assert.Contains(
            "orders.json(4,3): JS4002: Stream 'ORDERS' has an unknown field 'template_owner' (nats-server 2.14.0 removed it); NATS server 2.15.1 rejects the request (\"invalid JSON: json: unknown field\")",
            repo.Lint("2.15.1"));
    }

    [Theory]
    [InlineData("\"max_bytes\": \"10GB\"", "orders.json(1,34): JS4003: Stream 'ORDERS': 'max_bytes' must be an integer number of bytes (no units such as \"10GB\"), not the string \"10GB\"")]
    [InlineData("\"retention\": \"WorkQueue\"", "orders.json(1,34): JS4003: Stream 'ORDERS': 'retention' must be one of \"limits\", \"interest\", \"workqueue\" (case-sensitive), not the string \"WorkQueue\"")]
    [InlineData("\"max_msg_size\": 4294967296", "orders.json(1,37): JS4003: Stream 'ORDERS': 'max_msg_size' must be an integer from -2147483648 to 2147483647, not the number 4294967296")]
    [InlineData("\"deny_delete\": \"yes\"", "orders.json(1,36): JS4003: Stream 'ORDERS': 'deny_delete' must be true or false, not the string \"yes\"")]
    public void WrongTypes_AreReportedAtTheValue(string field, string expected)
    {
        using var repo = new ConfigRepo().With("orders.json", "{ \"name\": \"ORDERS\", " + field + ", \"subjects\": [\"o\"] }");
        Assert.Contains(expected, repo.Lint());
    }

    [Fact]
    public void SmallDuration_IsFlaggedAsSeconds()
    {
        using var repo = new ConfigRepo().With("orders.json", SafeStream.Replace("604800000000000", "86400"));
        Assert.Contains("orders.json(6,14): JS4010: Stream 'ORDERS': 'max_age' is 86400 nanoseconds (86.4µs); JetStream API durations are nanoseconds, so for 86400 seconds write 86400000000000", repo.Lint());
    }

    [Fact]
    public void NackResources_GetCrdDefaults()
    {
        using var repo = new ConfigRepo().With("k8s/orders.yaml", """
            apiVersion: jetstream.nats.io/v1beta2
            kind: Stream
            metadata:
              name: orders
            spec:
              name: ORDERS
              subjects: ["orders.>"]
              maxAge: 24h
              maxBytes: 1073741824
              replicas: 3
              denyDelete: true
              denyPurge: true
            ---
            apiVersion: jetstream.nats.io/v1beta2
            kind: Consumer
            metadata:
              name: processor
            spec:
              streamName: ORDERS
              durableName: processor
              ackPolicy: explicit
              maxDeliver: 5
              backoff: ["1s", "30s"]
              maxRequestExpires: 1m
              deliverPolicy: by_start_sequence
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: unrelated
            """);
        Assert.Equal(
            new[]
            {
                "k8s/orders.yaml(25,18): JS4003: Consumer 'processor': 'deliverPolicy' must be one of \"all\", \"last\", \"new\", \"byStartSequence\", \"byStartTime\", \"lastPerSubject\" (case-sensitive), not the string \"by_start_sequence\"",
                "k8s/orders.yaml(6,9): JS1005: Stream 'ORDERS' uses memory storage (CRD default: set storage explicitly); its messages are lost when the servers restart. Use file storage unless the data is disposable.",
            },
            repo.Lint());
    }

    [Fact]
    public void NackConsumer_WithExplicitAckAndNoAckWait_HasTheCrdDefaultOf1ns()
    {
        using var repo = new ConfigRepo().With("c.yaml", """
            apiVersion: jetstream.nats.io/v1beta2
            kind: Consumer
            spec:
              streamName: ORDERS
              durableName: c
              ackPolicy: explicit
              maxDeliver: 3
              backoff: []
            """);
        Assert.Contains("c.yaml(5,16): JS2006: Consumer 'c' on stream 'ORDERS' redelivers a message that is not acknowledged within 1ns (CRD default), below the minimum of 1s; messages still being processed are delivered again", repo.Lint());
    }

    [Fact]
    public void CrossFile_DuplicatesAndOverlapsNameTheOtherFile()
    {
        using var repo = new ConfigRepo()
            .With("a/orders.json", SafeStream)
            .With("b/orders.yaml", "name: ORDERS\nsubjects: [orders.created]\nmax_bytes: 1\nmax_age: 1000000000\nnum_replicas: 3\ndeny_delete: true\ndeny_purge: true\n")
            .With("c/audit.json", SafeStream.Replace("ORDERS", "AUDIT").Replace("orders.>", "*.created"));
        var lines = repo.Lint();
        Assert.Contains("a/orders.json(2,11): JS4004: Stream 'ORDERS' is defined more than once: here and in b/orders.yaml(1,7)", lines);
        Assert.Contains("b/orders.yaml(1,7): JS4004: Stream 'ORDERS' is defined more than once: here and in a/orders.json(2,11)", lines);
        Assert.Contains("c/audit.json(3,15): JS4006: Stream 'AUDIT' has subject '*.created', which overlaps subject 'orders.>' of stream 'ORDERS' in a/orders.json(2,11); the server refuses the second stream ('subjects overlap with an existing stream')", lines);
        Assert.Contains("a/orders.json(3,15): JS4006: Stream 'ORDERS' has subject 'orders.>', which overlaps subject '*.created' of stream 'AUDIT' in c/audit.json(2,11); the server refuses the second stream ('subjects overlap with an existing stream')", lines);
    }

    [Fact]
    public void KeyValueBucket_OwnsItsSubjects()
    {
        using var repo = new ConfigRepo()
            .With("kv.yaml", "apiVersion: jetstream.nats.io/v1beta2\nkind: KeyValue\nspec:\n  bucket: config\n  replicas: 3\n  storage: file\n  maxBytes: 1024\n")
            .With("raw.json", SafeStream.Replace("ORDERS", "RAW").Replace("orders.>", "$KV.config.>"));
        Assert.Contains(repo.Lint(), l => l.StartsWith("raw.json(3,15): JS4006: Stream 'RAW' has subject '$KV.config.>', which overlaps subject '$KV.config.>' of key-value bucket 'config'"));
    }

    [Fact]
    public void WorkQueue_TwoUnfilteredConsumersConflict()
    {
        using var repo = new ConfigRepo()
            .With("WQ/stream.json", SafeStream.Replace("ORDERS", "WQ").Replace("\"limits\"", "\"workqueue\""))
            .With("WQ/a.json", """{ "durable_name": "a", "ack_policy": "explicit", "max_deliver": 3, "backoff": [1000000000] }""")
            .With("WQ/b.json", """{ "durable_name": "b", "ack_policy": "explicit", "max_deliver": 3, "backoff": [1000000000] }""");
        var lines = repo.Lint();
        Assert.Contains("WQ/a.json(1,19): JS4007: Consumer 'a' on work-queue stream 'WQ' is unfiltered, like consumer 'b' in WQ/b.json(1,19); each message can go to only one consumer, so the server refuses the second", lines);
        Assert.Contains("WQ/b.json(1,19): JS4007: Consumer 'b' on work-queue stream 'WQ' is unfiltered, like consumer 'a' in WQ/a.json(1,19); each message can go to only one consumer, so the server refuses the second", lines);
    }

    [Fact]
    public void FileThatIsNoDefinition_IsReportedNotSkipped()
    {
        using var repo = new ConfigRepo().With("package.json", """{ "name": "web", "version": "1.0.0" }""");
        Assert.Equal(
            new[] { "package.json(1,1): JS4009: The file has no stream or consumer definition the linter recognizes: expected a stream or consumer configuration (JetStream API JSON or YAML, 'nats ... info --json' output, a consumer create request) or a NACK resource (apiVersion jetstream.nats.io/v1beta2)" },
            repo.Lint());
    }

    [Fact]
    public void FileWithAConfigMappingThatIsNoStreamInfo_IsNotAStream()
    {
        // A Helm values file: "config" but neither "state" nor "created" beside it.
        using var repo = new ConfigRepo().With("values.yaml", "replicaCount: 2\nconfig:\n  jetstream:\n    enabled: true\n");
        var finding = Assert.Single(repo.Lint());
        Assert.StartsWith("values.yaml(1,1): JS4009: ", finding);
    }

    [Theory]
    [InlineData("empty.json", "", "empty.json(1,1): JS4001: The file can't be parsed: the file is empty")]
    [InlineData("blank.yaml", "  \n\n", "blank.yaml(1,1): JS4001: The file can't be parsed: the file is empty")]
    [InlineData("cut.json", "{ \"name\": \"A\",\n  \"subjects\": [\"a\"", "cut.json(2,18): JS4001: The file can't be parsed: unexpected end of file: the JSON document is incomplete")]
    [InlineData("comma.json", "{ \"name\": \"A\", }", "comma.json(1,16): JS4001: The file can't be parsed: trailing comma before '}' is not allowed in JSON")]
    [InlineData("quote.json", "{ 'name': 'A' }", "quote.json(1,3): JS4001: The file can't be parsed: expected a property name in double quotes")]
    [InlineData("dup.json", "{ \"name\": \"A\",\n \"name\": \"B\", \"subjects\": [\"a\"] }", "dup.json(2,2): JS4001: The file can't be parsed: duplicate key \"name\" (first at line 1); the server would keep only the last value")]
    [InlineData("bad.yaml", "name: A\nsubjects: [a\nmax_age: 1\n", "bad.yaml(2,11): JS4001: The file can't be parsed: YAML syntax error: the document is malformed after this point (an unclosed bracket or quote?)")]
    [InlineData("tab.yaml", "name: A\n\tsubjects: [a]\n", "tab.yaml(1,7): JS4001: The file can't be parsed: YAML syntax error: While scanning a plain scalar, found a tab character that violate indentation.")]
    public void BadInput_GetsAPositionedDiagnostic(string file, string content, string expected)
    {
        using var repo = new ConfigRepo().With(file, content);
        Assert.Equal(expected, Assert.Single(repo.Lint(only: file), l => l.Contains("JS4001")));
    }

    [Fact]
    public void BomAndCrlf_KeepPositionsRight()
    {
        using var repo = new ConfigRepo().WithBytes("orders.json", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SafeStream.Replace("\n", "\r\n").Replace("\"num_replicas\": 3", "\"num_replicas\": 1"))).ToArray());
        Assert.Equal(
            new[] { "orders.json(8,19): JS1001: Stream 'ORDERS' has 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas." },
            repo.Lint());
    }

    [Fact]
    public void BinaryFile_IsReportedAsSuch()
    {
        using var repo = new ConfigRepo().WithBytes("blob.json", new byte[] { 0x7B, 0x00, 0xFF, 0x01 });
        Assert.Equal(new[] { "blob.json(1,1): JS4001: The file can't be parsed: the file is binary (it contains NUL bytes), not JSON or YAML text" }, repo.Lint());
    }

    [Fact]
    public void DeepNesting_IsBounded()
    {
        using var repo = new ConfigRepo().With("deep.json", new string('[', 10_000) + new string(']', 10_000));
        var finding = Assert.Single(repo.Lint());
        Assert.Contains("JS4001: The file can't be parsed: the document is nested more than 64 levels deep", finding);
    }

    [Fact]
    public void YamlAliasBomb_IsRefusedQuickly()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }

        yaml.Append("subjects: *a9\nname: BOMB\n");
        using var repo = new ConfigRepo().With("bomb.yaml", yaml.ToString());
        var watch = Stopwatch.StartNew();
        var lines = repo.Lint();
        watch.Stop();
        Assert.Equal(new[] { "bomb.yaml(1,1): JS4001: The file can't be parsed: the document's aliases expand to more than 100000 values; it is not linted" }, lines);
        Assert.True(watch.ElapsedMilliseconds < 10_000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void OversizedFile_IsNotRead()
    {
        using var repo = new ConfigRepo().With("huge.json", "{\"name\":\"A\",\"description\":\"" + new string('x', 9 * 1024 * 1024) + "\"}");
        Assert.Equal(new[] { "huge.json(1,1): JS4001: The file can't be parsed: the file is 9 MiB, larger than the 8 MiB the linter reads; it is not linted" }, repo.Lint());
    }

    [Fact]
    public void OneBadFile_DoesNotStopTheOthers()
    {
        using var repo = new ConfigRepo().With("a.json", "{").With("b.json", SafeStream.Replace("\"num_replicas\": 3", "\"num_replicas\": 7"));
        var lines = repo.Lint();
        Assert.Contains(lines, l => l.StartsWith("a.json(1,1): JS4001"));
        Assert.Contains(lines, l => l.StartsWith("b.json(8,19): JS1100: Stream 'ORDERS' is rejected by NATS server 2.15.1: maximum replicas is 5"));
    }

    [Fact]
    public void MissingFile_IsReported()
    {
        using var repo = new ConfigRepo();
        Assert.Equal(new[] { "gone.json(1,1): JS4001: The file can't be parsed: the file does not exist" }, repo.Lint(only: "gone.json"));
    }

    [Fact]
    public void ServerVersion_ChangesTheOutcome()
    {
        using var repo = new ConfigRepo()
            .With("orders.json", SafeStream)
            .With("c.json", """{ "stream_name": "ORDERS", "config": { "durable_name": "c", "ack_policy": "explicit", "backoff": [1000000000, 2000000000], "filter_subjects": ["orders.a"] } }""");
        Assert.Contains(repo.Lint("2.9.10"), l => l.Contains("JS2100") && l.Contains("max deliver is required to be > length of backoff values"));
        Assert.Contains(repo.Lint("2.9.10"), l => l.Contains("JS2101") && l.Contains("the consumer becomes unfiltered"));
        Assert.DoesNotContain(repo.Lint("2.10.14"), l => l.Contains("JS2100") || l.Contains("JS2101"));
    }

    [Fact]
    public void Options_ComeFromTheContext()
    {
        using var repo = new ConfigRepo().With("orders.json", SafeStream.Replace("\"num_replicas\": 3", "\"num_replicas\": 1"));
        Assert.Empty(repo.Lint(options: new Dictionary<string, string> { ["jetstream_min_replicas"] = "1" }));
    }
}
