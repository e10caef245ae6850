using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Text;
using SubjectText = JetStream.Analyzers.Rules.Text.Subjects;
using static JetStream.Analyzers.Tests.Server.Differential.JNode;

namespace JetStream.Analyzers.Tests.Server.Differential;

public enum DefinitionKind
{
    Stream,
    Consumer,
}

/// <summary>One generated definition: the file's content is exactly the body of the create request.</summary>
public sealed class CorpusEntry
{
    public CorpusEntry(string id, DefinitionKind kind, JObject body, string apiSubject, string? stream, bool yamlCopy, IReadOnlyList<string> aspects, string? jsonText = null)
    {
        JsonText = jsonText ?? body.ToJson();
        Id = id;
        Kind = kind;
        Body = body;
        ApiSubject = apiSubject;
        Stream = stream;
        YamlCopy = yamlCopy;
        Aspects = aspects;
    }

    /// <summary>"s0042" or "c0042"; also the file name.</summary>
    public string Id { get; }

    public DefinitionKind Kind { get; }

    /// <summary>A bare stream config, or a consumer create request {"stream_name": ..., "config": {...}}.</summary>
    public JObject Body { get; }

    /// <summary>The API subject after "$JS.API.", e.g. "STREAM.CREATE.S0001" or "CONSUMER.CREATE.CBASE.C0001".</summary>
    public string ApiSubject { get; }

    /// <summary>The consumer's stream; null for streams.</summary>
    public string? Stream { get; }

    /// <summary>The JSON file's text and the request body: <see cref="Body"/> as JSON, or a syntax-damaged version of it.</summary>
    public string JsonText { get; }

    /// <summary>Whether a YAML copy of the file is linted as well.</summary>
    public bool YamlCopy { get; }

    /// <summary>What the generator chose, for failure reports.</summary>
    public IReadOnlyList<string> Aspects { get; }
}

/// <summary>
/// Seeded generator of stream and consumer configurations for <see cref="ConfigFileDifferentialTests"/>. Every value
/// comes from the <see cref="Random"/> seeded by the test, so a seed reproduces the corpus exactly.
/// <para>
/// Branches that are deliberately NOT generated (each is an accepted difference between "the linter reports an error"
/// and "nats-server rejects a create request" on 2.9.10, 2.10.27 or 2.15.1; <see cref="Exclusions"/> lists them for the report):
/// </para>
/// <list type="bullet">
/// <item>Stream replicas 2–5: a standalone server refuses them (10074 "replicas > 1 not supported in non-clustered
/// mode") for a reason that is about the deployment, not the file. Only 0, 1, negative and &gt; 5 are generated.</item>
/// <item>Names the API subject can't carry ('.', space, tab, CR/LF, empty, missing): the request never reaches the
/// stream/consumer checks (no reply, a protocol error, or 10056 "stream name in subject does not match request");
/// the nats CLI takes a missing name from its argument.</item>
/// <item>"sealed": true and "mirror_direct": true without a mirror: refused only by the create request, accepted by an
/// update; a file can be applied either way, so the linter (create-or-update) stays silent on purpose.</item>
/// <item>Duplicate keys: the linter reports JS4001 on purpose (the server silently keeps the last value).</item>
/// <item>max_bytes above 64 MiB: whether it is refused (10047/10028 insufficient resources) depends on the disk and
/// memory of the machine, not on the file.</item>
/// <item>Huge max_waiting on pull consumers (e.g. 2147483648): nats-server 2.9.10 allocates the wait queue up front
/// (16 GiB for 2^31 slots) and dies with "fatal error: out of memory" or stalls, instead of answering.</item>
/// <item>Stream files the linter can't recognize as streams: a bare file with none of the stream-only keys (e.g. only
/// a name) is reported as JS4009 "not a stream or consumer definition" (a warning), so every generated stream has at
/// least one such key ("storage": "file" is added when none was chosen).</item>
/// <item>Placement by cluster tags: whether the tags can be satisfied depends on the cluster, not the file.</item>
/// <item>Subjects that capture the JetStream API ("&gt;", "*.&gt;", "$JS.&gt;", ...) without "no_ack": true: the stream
/// would acknowledge the test's own API requests (delete, ...) and race the API's reply. They are generated with
/// "no_ack": true only; 2.9.10 accepts both, so no verdict depends on it.</item>
/// </list>
/// <para>
/// About 45% of the definitions are "tame": their optional aspects are rarer and wrong JSON types almost absent, so that
/// roughly half the corpus is accepted by the server.
/// </para>
/// </summary>
public sealed class DifferentialCorpus
{
    public const long Ms = Durations.Millisecond;
    public const long S = Durations.Second;

    public static readonly IReadOnlyList<string> Exclusions = new[]
    {
        "stream num_replicas 2..5 (standalone server: 10074, a deployment matter)",
        "names the API subject can't carry ('.', whitespace other than form feed, empty, missing)",
        "stream \"sealed\": true / \"mirror_direct\": true without mirror (create-only checks; files may be applied as updates)",
        "duplicate keys (JS4001 by design; the server keeps the last value)",
        "max_bytes above 64 MiB (resource limits of the machine)",
        "max_waiting beyond ~10^5 on pull consumers (2.9.10 allocates the wait queue up front: 2^31 slots crash it out of memory)",
        "bare stream files without any stream-only key (JS4009 warning: not recognizable as a stream)",
        "API-capturing subjects without no_ack (the stream would answer the test's own API requests; generated with no_ack only)",
        "placement that depends on the cluster's tags (a standalone server places nothing; the linter never judges tags)",
    };

    /// <summary>The streams consumers are created on; created before, deleted after the consumer phase.</summary>
    public static readonly IReadOnlyList<(string Name, JObject Config)> BaseStreams = new[]
    {
        ("CBASE", Obj(("name", Str("CBASE")), ("subjects", Strs("cb.>", "cx.*.y", "cz")), ("retention", Str("limits")), ("storage", Str("file")))),
        ("CWQ", Obj(("name", Str("CWQ")), ("subjects", Strs("wq.>")), ("retention", Str("workqueue")), ("storage", Str("file")))),
        ("CINT", Obj(("name", Str("CINT")), ("subjects", Strs("ci.*")), ("retention", Str("interest")), ("storage", Str("memory")))),
        ("CLIM", Obj(("name", Str("CLIM")), ("subjects", Strs("cl.>")), ("storage", Str("file")), ("consumer_limits", Obj(("max_ack_pending", Num(100)), ("inactive_threshold", Num(10 * S)))))),
    };

    // Keys the linter uses to recognize a bare stream file (DocumentReader.StreamOnlyKeys, abridged).
    private static readonly string[] StreamOnlyKeys =
    {
        "subjects", "retention", "max_consumers", "max_msgs", "max_age", "storage", "discard", "duplicate_window", "mirror", "sources",
        "max_msgs_per_subject", "max_msg_size", "deny_delete", "deny_purge", "allow_rollup_hdrs", "allow_direct", "mirror_direct",
        "sealed", "placement", "republish", "no_ack", "compression", "first_seq", "subject_transform", "consumer_limits",
        "discard_new_per_subject", "template_owner", "allow_msg_ttl", "subject_delete_marker_ttl",
    };

    private readonly Random random;
    private List<string> aspects = new();
    private bool tame;

    private DifferentialCorpus(int seed)
    {
        random = new Random(seed);
    }

    public static List<CorpusEntry> Generate(int seed, int streams, int consumers)
    {
        var corpus = new DifferentialCorpus(seed);
        var entries = new List<CorpusEntry>(streams + consumers);
        for (var i = 1; i <= streams; i++)
        {
            entries.Add(corpus.Stream(i));
        }

        for (var i = 1; i <= consumers; i++)
        {
            entries.Add(corpus.Consumer(i));
        }

        return entries;
    }

    // ---------------------------------------------------------------- streams

    private CorpusEntry Stream(int index)
    {
        aspects = new List<string>();
        Tame();
        var id = $"s{index:D4}";
        var defaultName = $"S{index:D4}";
        var config = new JObject();
        var name = Maybe(0.12) ? StreamName(defaultName) : PlainStr(defaultName);
        config["name"] = name;
        var nameText = (name as JScalar)?.Text;

        var mirror = Maybe(0.12);
        var sources = !mirror && Maybe(0.12);
        if (!mirror && !(sources && Chance(0.7)) || mirror && Chance(0.15))
        {
            Subjects(config);
        }

        if (Maybe(0.1))
        {
            config["no_ack"] = Bool(Chance(0.7));
            Aspect("no_ack");
        }

        if (Maybe(0.25))
        {
            config["retention"] = Pick(Good(PlainStr("limits"), PlainStr("interest"), PlainStr("workqueue")), Bad(Str("Limits"), Str("WorkQueue"), Str("work_queue"), Str(""), Raw("1")));
            Aspect("retention");
        }

        if (Maybe(0.25))
        {
            config["storage"] = Pick(Good(PlainStr("file"), PlainStr("memory")), Bad(Str("File"), Str("MEMORY"), Str(""), Raw("true")));
            Aspect("storage");
        }

        if (Maybe(0.25))
        {
            config["discard"] = Pick(Good(PlainStr("old"), PlainStr("new"), Str("New"), Str("OLD")), Bad(Str("bogus"), Str(""), Str(" new"), Raw("0")));
            Aspect("discard");
        }

        if (Maybe(0.35))
        {
            Limits(config);
        }

        if (Maybe(0.2))
        {
            config["num_replicas"] = Pick(Good(Num(0), Num(1), Num(-1), Num(-3), Num(6), Num(7), Num(100), Num(2147483648L)), Bad(Str("1"), Raw("1.0"), Raw("1e0")));
            Aspect("num_replicas");
        }

        if (Maybe(0.4))
        {
            AgeAndWindow(config);
        }

        if (Maybe(0.15))
        {
            DiscardNewPerSubject(config);
        }

        if (Maybe(0.2))
        {
            foreach (var flag in new[] { "deny_purge", "allow_rollup_hdrs", "deny_delete" })
            {
                if (Chance(0.6))
                {
                    config[flag] = Bool(Chance(0.7));
                }
            }

            Aspect("deny/rollup flags");
        }

        if (Maybe(0.05))
        {
            config["sealed"] = Bool(false);
            Aspect("sealed false");
        }

        if (Maybe(0.1))
        {
            config["allow_direct"] = Pick(Good(Bool(true), Bool(false)), Bad(Str("true")));
            Aspect("allow_direct");
        }

        if (mirror)
        {
            Mirror(config, nameText);
        }

        if (sources)
        {
            Sources(config, nameText);
        }

        if (Maybe(0.12))
        {
            Republish(config);
        }

        if (Maybe(0.05))
        {
            config["description"] = Pick(Good(Str("a stream"), Str(new string('d', 4096)), Str(new string('d', 4097)), Str(new string('é', 2049))), Bad(Raw("5")));
            Aspect("description");
        }

        if (Maybe(0.05))
        {
            config["placement"] = Pick(
                Good(Obj(("cluster", Str("c1"))), Obj(("tags", Strs("t1", "t2"))), new JObject(), Obj(("preferred", Str("n1"))), Obj(("preferred", Str(""))), Obj(("cluster", Str("")), ("preferred", Str("n1")))),
                Bad(Obj(("cluster", Raw("5"))), Obj(("tags", Str("t1"))), Str("c1"), Obj(("preferred", Raw("5")))));
            Aspect("placement");
        }

        if (Maybe(0.02))
        {
            config["template_owner"] = Pick(Good(Str("")), Bad(Raw("5")));
            Aspect("template_owner");
        }

        if (Maybe(0.12))
        {
            NewerStreamField(config);
        }

        if (Maybe(0.3))
        {
            NewerStreamSettings(config, mirror, sources);
        }

        if (Maybe(0.08))
        {
            UnknownStreamField(config);
        }

        if (Maybe(0.08))
        {
            var field = PickOne("retention", "storage", "discard", "max_age", "num_replicas", "subjects", "description", "mirror", "sources", "republish", "duplicate_window", "deny_purge", "max_msgs", "placement");
            config[field] = Null;
            Aspect($"{field}: null");
            if (field == "mirror")
            {
                // mirror_direct without a mirror is a create-only check (see the exclusions).
                config.Remove("mirror_direct");
            }
        }

        if (Maybe(0.05))
        {
            var (field, value) = PickOne(
                ("max_age", Str("1h")), ("num_replicas", Str("1")), ("deny_delete", Str("true")), ("subjects", Str("a.b")), ("max_msgs", Raw("1.5")),
                ("max_bytes", Str("10GB")), ("no_ack", Raw("1")), ("retention", Raw("0")), ("description", Raw("false")), ("duplicate_window", Arr(Num(S))),
                ("max_msgs_per_subject", new JObject()), ("subjects", Arr(Raw("1"))), ("storage", Strs("file")), ("allow_direct", Raw("0")),
                ("max_consumers", Raw("9223372036854775808")), ("max_age", Raw("1e9")));
            config[field] = value;
            Aspect($"wrong type for {field}");
        }

        // A file with none of these keys is not recognized as a stream (JS4009, a warning); real stream files have some.
        if (!StreamOnlyKeys.Any(config.Has))
        {
            config["storage"] = PlainStr("file");
        }

        // A stream capturing the JetStream API would acknowledge the test's own API requests (delete, info) and its
        // reply would race the API's. No-ack streams don't answer, so such streams are always generated with no_ack.
        if (config["subjects"] is JArray list && list.Items.OfType<JScalar>().Any(s => s.Text is { } t && SubjectText.IsValid(t) && SubjectText.Collide(t, "$JS.API.>")))
        {
            config["no_ack"] = Bool(true);
        }

        var token = nameText ?? defaultName;
        var damaged = Maybe(0.03) ? Damage(config.ToJson()) : null;
        return new CorpusEntry(id, DefinitionKind.Stream, config, "STREAM.CREATE." + token, null, damaged is null && Chance(0.25), aspects, damaged);
    }

    private JNode StreamName(string name)
    {
        Aspect("name");
        return Pick(
            Good(
                PlainStr(name + "-x_y"),
                Str(name + new string('N', 255 - name.Length)),
                Str(name + new string('N', 256 - name.Length)),
                Str(name + "*"),
                Str(name + ">"),
                Str(name + "\f"),
                Str(name + "/x"),
                Str(name + "\\x"),
                Str(name + "é")),
            Bad(Raw("5"), Strs(name)));
    }

    private static readonly string[] GoodSubjects =
    {
        "a", "a.b", "a.*", "a.>", "*.b", "a.*.c", "b.>", "a.b.c", "c.d", "a*", "a.b*", "x.y.z", "orders.*.created", "ü.x", "a-b_c",
    };

    private static readonly string[] SpecialSubjects =
    {
        "", "a..b", ".a", "a.", "a b", "a\tb", "a.>.b", ">.a", "$JS.API.x", "$JS.API.>", "$JS.API", "$JS.>", "$JS.EVENT.x", "$SYS.x", "$JSC.x",
        ">", "*", "*.>", "_INBOX.x", "a.\f",
    };

    private void Subjects(JObject config)
    {
        var roll = random.NextDouble();
        if (roll < 0.08)
        {
            Aspect("no subjects (defaults to the name)");
            return;
        }

        if (roll < 0.12)
        {
            config["subjects"] = Arr();
            Aspect("subjects: []");
            return;
        }

        var count = tame ? 1 : random.Next(1, 4);
        var items = new List<JNode>();
        for (var i = 0; i < count; i++)
        {
            var subject = Chance(tame ? 0.05 : 0.22) ? PickOne(SpecialSubjects) : PickOne(GoodSubjects);
            items.Add(PlainStr(subject));
        }

        config["subjects"] = new JArray(items);
        Aspect("subjects " + string.Join(" ", items.Select(i => i.ToJson())));
    }

    private void Limits(JObject config)
    {
        var fields = new[] { "max_consumers", "max_msgs", "max_bytes", "max_msgs_per_subject", "max_msg_size" };
        foreach (var field in fields.Where(_ => Chance(0.4)))
        {
            config[field] = field switch
            {
                "max_msg_size" => Pick(Good(Num(-1), Num(0), Num(-5), Num(1024), Num(int.MaxValue)), Bad(Num(2147483648L), Num(-2147483649L), Raw("1024.5"))),
                "max_bytes" => Pick(Good(Num(-2), Num(-1), Num(0), Num(1), Num(1048576), Num(64L << 20)), Bad(Str("1MB"), Raw("1e6"))),
                "max_consumers" => Pick(Good(Num(-2), Num(-1), Num(0), Num(10), Num(2147483648L)), Bad(Raw("9223372036854775808"), Str("10"))),
                _ => Pick(Good(Num(-2), Num(-1), Num(0), Num(1), Num(100), Num(long.MaxValue), Num(long.MinValue), Raw("-0")), Bad(Raw("1.5"), Raw("9223372036854775808"), Raw("true"), Raw("1E2"), Raw("100.0"))),
            };
            Aspect(field);
        }
    }

    private void AgeAndWindow(JObject config)
    {
        if (Chance(0.8))
        {
            config["max_age"] = Pick(
                Good(Num(0), Num(1), Num(50 * Ms), Num(100 * Ms - 1), Num(100 * Ms), Num(150 * Ms), Num(S), Num(3600 * S), Num(86400 * S), Num(-1), Num(-S), Num(long.MaxValue)),
                Bad(Str("1h"), Raw("1.5e9")));
            Aspect("max_age");
        }

        if (Chance(0.6))
        {
            config["duplicate_window"] = Pick(
                Good(Num(0), Num(1), Num(50 * Ms), Num(100 * Ms), Num(150 * Ms), Num(S), Num(120 * S), Num(3600 * S), Num(-1), Num(-5 * S)),
                Bad(Str("2m"), Raw("120.0")));
            Aspect("duplicate_window");
        }
    }

    private void DiscardNewPerSubject(JObject config)
    {
        config["discard_new_per_subject"] = Pick(Good(Bool(true), Bool(true), Bool(false)), Bad(Str("true")));
        if (Chance(0.7))
        {
            config["discard"] = PickOne(PlainStr("new"), PlainStr("old"), Str("NEW"));
        }

        if (Chance(0.7))
        {
            config["max_msgs_per_subject"] = PickOne(Num(0), Num(-1), Num(5), Num(1), Num(-2));
        }

        Aspect("discard_new_per_subject");
    }

    private JNode SourceName(string? self) =>
        PickOne<Func<JNode>>(
            () => PlainStr("ORIGIN"),
            () => PlainStr("ORIGIN2"),
            () => Str(self ?? "ORIGIN"),
            () => Str(""),
            () => Str("bad.name"),
            () => Str("bad*"),
            () => Str("bad name"),
            () => Raw("5"))();

    private JObject External() =>
        PickOne<Func<JObject>>(
            () => Obj(("api", Str("$JS.ext.API")), ("deliver", Str("ext.dlv"))),
            () => Obj(("api", Str("$JS.ext.API"))),
            () => Obj(("api", Str("$JS.API"))),
            () => Obj(("api", Str("$JS.API.x"))),
            () => Obj(("api", Str("$JS.*.API"))),
            () => Obj(("api", Str("$JS.ext.API")), ("deliver", Str("ext.*"))),
            () => Obj(("api", Str("$JS.ext.API")), ("deliver", Str("a.b"))),
            () => Obj(("api", Str(""))),
            () => Obj(("api", Str("$JS..API"))),
            () => Obj(("api", Raw("5"))),
            () => Obj(("deliver", Raw("true"))),
            () => Obj(("api", Str("$JS.ext.API")), ("apii", Str("x"))))();

    private JObject Source(string? self, bool forMirror)
    {
        var source = Obj(("name", SourceName(self)));
        if (Chance(0.3))
        {
            source["filter_subject"] = Pick(Good(Str("a.>"), Str("a.b"), Str(""), Str(">"), Str("zz.*")), Bad(Str("a..b"), Str("a b"), Raw("5")));
        }

        if (Chance(0.15))
        {
            source["opt_start_seq"] = Pick(Good(Num(0), Num(5)), Bad(Num(-1), Str("5")));
        }

        if (Chance(0.15))
        {
            source["opt_start_time"] = Pick(Good(Str("2024-01-01T00:00:00Z"), Str("2024-01-01T00:00:00.5+02:00")), Bad(Str(""), Str("2024-01-01"), Str("2024-01-01T00:00:00"), Raw("5")));
        }

        if (Chance(0.2))
        {
            source["external"] = Pick(Good(External()), Bad(Str("$JS.ext.API")));
        }

        if (Chance(0.04))
        {
            source["domain"] = Str("hub");
        }

        if (Chance(0.04))
        {
            // Go's JSON decoder matches keys case-insensitively in nested objects too.
            var (key, value) = PickOne<(string, JNode)>(("Filter_Subject", Str("a..b")), ("Filter_Subject", Str("a.>")), ("OPT_START_SEQ", Num(-1)), ("External", Obj(("API", Str("$JS.API")))), ("External", Obj(("Deliver", Str("x.*")))));
            source[key] = value;
        }

        if (Chance(forMirror ? 0.2 : 0.15))
        {
            source["subject_transforms"] = Transforms();
        }

        if (Chance(0.03))
        {
            // A durable consumer on the origin (2.14); earlier releases drop the field.
            source["consumer"] = PickOne(Obj(("name", Str("SC1")), ("deliver_subject", Str("sc.dlv"))), Obj(("name", Str("SC2")), ("deliver_subject", Str("sc.dlv2"))));
        }

        return source;
    }

    private static readonly (string Src, string Dest)[] TransformPairs =
    {
        ("a.>", "b.>"), ("a.*", "b.$1"), ("a.*", "b.{{wildcard(1)}}"), ("a.*.*", "b.$2.$1"), ("a.*", "b.$2"), ("a.>", "b.c"), ("a.*", "b.*"),
        ("", "b.>"), (">", "x.>"), ("a.b", "c.d"), ("a.b", "c.$1"), ("a.*", "c.$x"), ("a.*", "c.{{partition(3,1)}}"), ("a.b", "c.{{partition(3)}}"),
        ("a.b", "c.{{random(5)}}"), ("a.*", "c.{{foo(1)}}"), ("a.*", "c d.$1"), ("a..b", "c.>"), ("a.*", ""), ("a.>", "b.{{wildcard(1)}}.>"),
        ("zz.*", "yy.{{Wildcard( 1 )}}"), ("a.*", "c.{{split(1,-)}}"), ("a.*", "c.{{left(1,2)}}"), ("a.*", "{{}}.x"),
    };

    private JObject Transform()
    {
        var (src, dest) = PickOne(TransformPairs);
        var transform = new JObject();
        if (src.Length > 0 || Chance(0.5))
        {
            transform["src"] = Str(src);
        }

        transform["dest"] = Str(dest);
        return transform;
    }

    private JArray Transforms()
    {
        var items = new List<JNode>();
        var count = Chance(0.1) ? 0 : random.Next(1, 3);
        for (var i = 0; i < count; i++)
        {
            items.Add(Transform());
        }

        return new JArray(items);
    }

    /// <summary>Settings of 2.10 and later, in combinations the server checks against each other.</summary>
    private void NewerStreamSettings(JObject config, bool mirror, bool sources)
    {
        if (Chance(0.3))
        {
            config["subject_transform"] = Chance(0.2) && config["subjects"] is JArray { Items.Count: 1 } one && one.Items[0] is JScalar { Text: { } only } && SubjectText.IsValid(only)
                ? Obj(("src", Str(only)), ("dest", Str("tr." + only)))
                : Transform();
            Aspect("subject_transform " + config["subject_transform"]!.ToJson());
        }

        if (Chance(0.2))
        {
            var big = Chance(0.3);
            config["metadata"] = PickOne(
                Obj(("owner", Str("team-a"))),
                Obj(("_nats.req.level", Str("0"))),
                Obj(("_nats.ver", Str("9.9.9")), ("k", Str("v"))),
                Obj(("k", Str(new string('m', big ? 131072 : 1000)))),
                Obj(("k", Str(new string('m', 131071)))));
            Aspect("metadata");
        }

        if (Chance(0.15))
        {
            config["compression"] = Pick(Good(Str("s2"), Str("none"), Str("")), Bad(Str("S2"), Str("zstd")));
            Aspect("compression");
        }

        if (Chance(0.1))
        {
            config["first_seq"] = PickOne(Num(0), Num(1), Num(100));
            Aspect("first_seq");
        }

        if (Chance(0.25))
        {
            config["allow_msg_ttl"] = Bool(Chance(0.7));
            Aspect("allow_msg_ttl");
        }

        if (Chance(0.2))
        {
            config["subject_delete_marker_ttl"] = PickOne(Num(0), Num(500 * Ms), Num(S), Num(60 * S), Num(-S));
            Aspect("subject_delete_marker_ttl");
        }

        foreach (var flag in new[] { "allow_msg_counter", "allow_atomic", "allow_msg_schedules", "allow_batched" })
        {
            if (Chance(0.12))
            {
                config[flag] = Bool(Chance(0.8));
                Aspect(flag);
            }
        }

        if (Chance(0.1))
        {
            config["persist_mode"] = PickOne(Str("async"), Str("default"), Str(""));
            Aspect("persist_mode");
        }

        if (Chance(0.15) && (config.Has("allow_msg_schedules") || config.Has("allow_msg_counter")))
        {
            config["discard"] = PlainStr("new");
            Aspect("discard new");
        }

        if (Chance(0.2))
        {
            var limits = new JObject();
            if (Chance(0.7))
            {
                limits["max_ack_pending"] = PickOne(Num(0), Num(10), Num(1000), Num(-1));
            }

            if (Chance(0.5))
            {
                limits["inactive_threshold"] = PickOne(Num(0), Num(5 * S), Num(3600 * S));
            }

            config["consumer_limits"] = limits;
            Aspect("consumer_limits");
        }

        if (Chance(0.05))
        {
            config["template_owner"] = PickOne(Str(""), Str("TPL"));
            Aspect("template_owner");
        }

        if (!mirror && !sources && Chance(0.1))
        {
            // The server's implicit republish (2.12.2): ">" to ">" with the one subject transformed.
            config["subjects"] = Strs("ir.>");
            config["subject_transform"] = Obj(("src", Str("ir.>")), ("dest", Str(PickOne("irx.>", "ir.x.>"))));
            config["republish"] = Obj(("src", Str(">")), ("dest", Str(">")));
            Aspect("republish > to > with subject_transform");
        }
    }

    private void Mirror(JObject config, string? self)
    {
        Aspect("mirror");
        config["mirror"] = Chance(0.05) ? PickOne<JNode>(Str("ORIGIN"), Arr()) : Source(self, forMirror: true);
        if (Chance(0.1))
        {
            config["sources"] = Arr(Source(self, forMirror: false));
            Aspect("mirror + sources");
        }

        if (Chance(0.3))
        {
            config["mirror_direct"] = Pick(Good(Bool(true), Bool(false)), Bad(Str("yes")));
            Aspect("mirror_direct");
        }
    }

    private void Sources(JObject config, string? self)
    {
        Aspect("sources");
        if (Chance(0.06))
        {
            config["sources"] = PickOne<JNode>(Arr(), Str("ORIGIN"), Obj(("name", Str("ORIGIN"))));
            return;
        }

        var items = new List<JNode>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            items.Add(Chance(0.15) && items.Count > 0 ? items[0] : Source(self, forMirror: false));
        }

        config["sources"] = new JArray(items);
    }

    private void Republish(JObject config)
    {
        Aspect("republish");
        if (Chance(0.05))
        {
            config["republish"] = Str("rp.>");
            return;
        }

        var republish = new JObject();
        if (Chance(0.8))
        {
            republish["src"] = Pick(Good(Str(">"), Str("a.>"), Str("a.*"), Str("a.b"), Str("zz.>"), Str(""), Str("*.>"), Str("a.*.c"), Str("*.*")), Bad(Str("a..b"), Raw("5")));
        }

        if (Chance(0.9))
        {
            republish["dest"] = Pick(Good(Str("rp.>"), Str("rp.x"), Str("rp.*"), Str("rp.*.*"), Str("a.>"), Str("a.b"), Str("rp.$1"), Str("rp.{{wildcard(1)}}"), Str("rp.$0"),
                Str("rp.$1.$1"), Str("rp.$x"), Str("rp.{{partition(3,1)}}"), Str("rp.{{Wildcard( 1 )}}"), Str("rp.{{foo(1)}}"), Str("rp.$1.>"), Str("rp.$2.>")), Bad(Str(""), Str("rp..x"), Raw("5")));
        }

        if (Chance(0.2))
        {
            republish["headers_only"] = Pick(Good(Bool(true), Bool(false)), Bad(Str("yes")));
        }

        if (Chance(0.05) && !republish.Has("dest"))
        {
            republish["Dest"] = PickOne(Str("rp.>"), Str("a.>"));
        }

        config["republish"] = republish;
    }

    private void NewerStreamField(JObject config)
    {
        var (field, value) = PickOne<(string, JNode)>(
            ("compression", Str("s2")), ("compression", Str("bogus")), ("compression", Raw("5")),
            ("first_seq", Num(5)), ("first_seq", Num(-1)), ("first_seq", Str("x")),
            ("subject_transform", Obj(("src", Str("a.>")), ("dest", Str("b.>")))), ("subject_transform", Raw("5")),
            ("consumer_limits", Obj(("max_ack_pending", Num(5)))), ("consumer_limits", Obj(("max_ack_pending", Str("x")))), ("consumer_limits", Raw("5")),
            ("metadata", Obj(("k", Str("v")))), ("metadata", Obj(("k", Raw("1")))), ("metadata", Raw("5")),
            ("allow_msg_ttl", Bool(true)), ("allow_msg_ttl", Str("x")),
            ("subject_delete_marker_ttl", Num(S)), ("subject_delete_marker_ttl", Str("1s")), ("subject_delete_marker_ttl", Num(-1)),
            ("allow_msg_counter", Bool(true)), ("allow_atomic", Bool(true)), ("allow_msg_schedules", Bool(true)),
            ("persist_mode", Str("async")), ("persist_mode", Str("bogus")), ("allow_batched", Bool(true)));
        config[field] = value;
        Aspect($"newer field {field}");
    }

    private void UnknownStreamField(JObject config)
    {
        var (field, value) = PickOne<(string, JNode)>(
            ("max_byte", Num(1048576)), ("foo", Bool(true)), ("maxAge", Num(5)), ("replicas", Num(9)),
            ("Max_Age", Num(50 * Ms)), ("Max_Age", Num(3600 * S)), ("NUM_REPLICAS", Num(6)), ("NUM_REPLICAS", Num(1)),
            ("Retention", Str("bogus")), ("Retention", Str("workqueue")), ("Discard", Str("new")), ("Storage", Str("tape")),
            ("Deny_Purge", Bool(true)), ("Duplicate_Window", Num(-1)), ("Max_Msg_Size", Num(2147483648L)), ("SUBJECTS", Strs("a..b")));
        if (config.Has(field.ToLowerInvariant()))
        {
            field = "x_" + field;
        }

        config[field] = value;
        Aspect($"unknown field {field}");
    }

    // ---------------------------------------------------------------- consumers

    private CorpusEntry Consumer(int index)
    {
        aspects = new List<string>();
        Tame();
        var id = $"c{index:D4}";
        var fallback = $"C{index:D4}";
        var stream = PickWeighted(("CBASE", 0.5), ("CWQ", 0.22), ("CINT", 0.13), ("CLIM", 0.15));
        Aspect("on " + stream);
        var config = new JObject();

        var roll = random.NextDouble();
        if (roll < 0.6)
        {
            config["durable_name"] = PlainStr(fallback);
        }
        else if (roll < 0.75)
        {
            config["name"] = PlainStr(fallback);
            Aspect("name only");
        }
        else if (roll < 0.8)
        {
            config["name"] = PlainStr(fallback);
            config["durable_name"] = PlainStr(fallback);
            Aspect("name = durable_name");
        }
        else if (roll < 0.83)
        {
            config["name"] = PlainStr(fallback);
            config["durable_name"] = PlainStr(fallback + "x");
            Aspect("name != durable_name");
        }
        else if (roll < 0.95)
        {
            Aspect("ephemeral");
            if (Chance(0.2))
            {
                config["durable_name"] = Str("");
            }
        }
        else
        {
            config[Chance(0.7) ? "durable_name" : "name"] = PickOne(
                Str(fallback + "*"), Str(fallback + ">"), Str(fallback + "\f"), Str(fallback + "/x"), Str(fallback + "\\x"),
                Str(fallback + new string('n', 256 - fallback.Length)), Str(fallback + new string('n', 255 - fallback.Length)), Raw("5"), Str(fallback + "é"));
            Aspect("odd name");
        }

        var push = Chance(0.35);
        if (push)
        {
            config["deliver_subject"] = Chance(0.8) ? PlainStr("dlv." + fallback) : PickOne(
                Str("dlv.*"), Str("dlv..x"), Str("cb.x"), Str("wq.x"), Str("ci.x"), Str("cz"), Str(">"), Str(""), Str("dlv x"), Raw("5"), Str("cx.a.y"), Str("dlv.>"));
            Aspect("push " + config["deliver_subject"]!.ToJson());
        }

        if (Maybe(0.6))
        {
            config["ack_policy"] = Pick(Good(PlainStr("none"), PlainStr("all"), PlainStr("explicit")), Bad(Str("Explicit"), Str("flow_control"), Str(""), Raw("1")));
            Aspect("ack_policy");
        }

        if (Maybe(0.4))
        {
            var policy = Pick(
                Good(PlainStr("all"), PlainStr("last"), PlainStr("new"), PlainStr("by_start_sequence"), PlainStr("by_start_time"), PlainStr("last_per_subject"), PlainStr("undefined")),
                Bad(Str("byStartSequence"), Str("All"), Str("")));
            config["deliver_policy"] = policy;
            Aspect("deliver_policy " + policy.ToJson());
            var text = (policy as JScalar)?.Text;
            if (text == "by_start_sequence" && Chance(0.7))
            {
                config["opt_start_seq"] = PickOne(Num(1), Num(100));
            }
            else if (text == "by_start_time" && Chance(0.7))
            {
                config["opt_start_time"] = Str("2024-01-01T00:00:00Z");
            }
            else if (text == "last_per_subject" && Chance(0.6))
            {
                config["filter_subject"] = Str(FilterFor(stream, valid: true));
            }
        }

        if (Maybe(0.15))
        {
            config["opt_start_seq"] = Pick(Good(Num(0), Num(1), Num(100), Num(ulong.MaxValue)), Bad(Num(-1), Str("5"), Raw("18446744073709551616")));
            Aspect("opt_start_seq");
        }

        if (Maybe(0.15))
        {
            config["opt_start_time"] = Pick(
                Good(Str("2024-01-01T00:00:00Z"), Str("2024-01-01T00:00:00.123456789+02:00"), Str("2030-06-30T23:59:59-07:00")),
                Bad(Str(""), Str("2024-01-01"), Str("2024-01-01T00:00:00"), Str("2024-01-01 00:00:00Z"), Raw("5"), Str("2024-13-01T00:00:00Z"), Str("2024-01-01t00:00:00z")));
            Aspect("opt_start_time");
        }

        if (Maybe(0.2))
        {
            config["ack_wait"] = Pick(Good(Num(0), Num(Ms), Num(S), Num(30 * S), Num(-S)), Bad(Str("30s")));
            Aspect("ack_wait");
        }

        if (Maybe(0.25))
        {
            config["backoff"] = Pick(
                Good(Arr(), Arr(Num(S)), Arr(Num(S), Num(5 * S)), Arr(Num(S), Num(5 * S), Num(10 * S)), Arr(Num(-S)), Arr(Num(0))),
                Bad(Strs("1s"), Str("1s"), Arr(Raw("1.5"))));
            Aspect("backoff " + config["backoff"]!.ToJson());
            if (config["backoff"] is JArray { Items.Count: > 0 } backoff && Chance(0.6))
            {
                config["max_deliver"] = Num(backoff.Items.Count + random.Next(-1, 2));
            }
        }

        if (Maybe(0.25))
        {
            config["max_deliver"] = Pick(Good(Num(-2), Num(-1), Num(0), Num(1), Num(2), Num(3), Num(5), Num(10), Num(2147483648L)), Bad(Str("5"), Raw("9223372036854775808")));
            Aspect("max_deliver");
        }

        if (Maybe(0.35))
        {
            config["filter_subject"] = Chance(0.85) ? Str(FilterFor(stream, Chance(0.8))) : PickOne(Str(""), Raw("5"), Str("cb..x"), Str("cb x"));
            Aspect("filter_subject " + config["filter_subject"]!.ToJson());
        }

        if (Maybe(0.04))
        {
            config["filter_subjects"] = Strs(FilterFor(stream, valid: true), "zz.q");
            Aspect("filter_subjects (2.10)");
        }

        if (Maybe(0.12))
        {
            config["replay_policy"] = Pick(Good(PlainStr("instant"), PlainStr("original")), Bad(Str("Original"), Str("fast")));
            Aspect("replay_policy");
        }

        if (Maybe(0.1))
        {
            config["rate_limit_bps"] = Pick(Good(Num(0), Num(1000), Num(ulong.MaxValue)), Bad(Num(-1), Str("1000")));
            Aspect("rate_limit_bps");
        }

        if (Maybe(0.1))
        {
            config["sample_freq"] = Pick(Good(Str("100%"), Str("50"), Str(""), Str("abc"), Str("-5"), Str("10%%"), Str(" 5"), Str("5 %"), Str("+5"), Str("0x10")), Bad(Raw("5")));
            Aspect("sample_freq " + config["sample_freq"]!.ToJson());
        }

        if (Maybe(0.15))
        {
            config["max_waiting"] = Pick(Good(Num(0), Num(1), Num(512), Num(-1), Num(100000)), Bad(Str("5")));
            Aspect("max_waiting");
        }

        if (Maybe(0.2))
        {
            config["max_ack_pending"] = Pick(Good(Num(-5), Num(-1), Num(0), Num(1), Num(1000), Num(100000), Num(2147483648L)), Bad(Raw("1e3")));
            Aspect("max_ack_pending");
        }

        if (Maybe(push ? 0.45 : 0.1))
        {
            if (Chance(0.7))
            {
                config["flow_control"] = Pick(Good(Bool(true), Bool(false)), Bad(Str("true")));
            }

            if (Chance(0.7))
            {
                config["idle_heartbeat"] = Pick(Good(Num(0), Num(50 * Ms), Num(100 * Ms), Num(S), Num(-S)), Bad(Str("5s")));
            }

            Aspect("flow control/heartbeat");
        }

        if (Maybe(0.08))
        {
            config["headers_only"] = Pick(Good(Bool(true)), Bad(Str("true")));
            Aspect("headers_only");
        }

        if (Maybe(push ? 0.1 : 0.25))
        {
            if (Chance(0.6))
            {
                config["max_batch"] = Pick(Good(Num(-5), Num(-1), Num(0), Num(10), Num(2147483648L)), Bad(Str("10")));
            }

            if (Chance(0.6))
            {
                config["max_expires"] = Pick(Good(Num(-1), Num(0), Num(Ms / 2), Num(Ms), Num(5 * S)), Bad(Str("5s")));
            }

            if (Chance(0.4))
            {
                config["max_bytes"] = Pick(Good(Num(-1), Num(0), Num(1024), Num(2147483648L)), Bad(Str("1KB")));
            }

            Aspect("pull request limits");
        }

        if (Maybe(0.08))
        {
            config["deliver_group"] = Pick(Good(Str("g1"), Str("")), Bad(Raw("5")));
            Aspect("deliver_group");
        }

        if (Maybe(0.1))
        {
            config["inactive_threshold"] = Pick(Good(Num(0), Num(5 * S), Num(-S)), Bad(Str("5s")));
            Aspect("inactive_threshold");
        }

        if (Maybe(0.1))
        {
            config["num_replicas"] = Pick(Good(Num(0), Num(1), Num(2), Num(-1), Num(2147483648L)), Bad(Str("1")));
            Aspect("num_replicas");
        }

        if (Maybe(0.05))
        {
            config["mem_storage"] = Pick(Good(Bool(true)), Bad(Str("x")));
            Aspect("mem_storage");
        }

        if (Maybe(0.04))
        {
            config["description"] = Pick(Good(Str("a consumer"), Str(new string('d', 4097))), Bad(Raw("5")));
            Aspect("description");
        }

        if (Maybe(0.03))
        {
            config["direct"] = Bool(Chance(0.7));
            Aspect("direct");
        }

        if (Maybe(0.06))
        {
            var (field, value) = PickOne<(string, JNode)>(
                ("max_delivers", Num(5)), ("ackPolicy", Str("explicit")), ("Max_Deliver", Num(1)), ("ACK_POLICY", Str("bogus")),
                ("Ack_Policy", Str("explicit")), ("Deliver_Policy", Str("by_start_sequence")), ("Idle_Heartbeat", Num(50 * Ms)), ("Max_Waiting", Num(-1)));
            if (config.Has(field.ToLowerInvariant()))
            {
                field = "x_" + field;
            }

            config[field] = value;
            Aspect($"unknown field {field}");
        }

        if (Maybe(0.06))
        {
            var field = PickOne("ack_policy", "deliver_policy", "replay_policy", "backoff", "filter_subject", "opt_start_time", "max_deliver", "deliver_subject", "opt_start_seq");
            config[field] = Null;
            Aspect($"{field}: null");
        }

        if (Maybe(0.06))
        {
            var (field, value) = PickOne<(string, JNode)>(
                ("metadata", Obj(("k", Str("v")))), ("metadata", Raw("5")), ("pause_until", Str("2030-01-01T00:00:00Z")), ("pause_until", Str("soon")),
                ("priority_policy", Str("overflow")), ("priority_groups", Strs("g")), ("priority_policy", Str("bogus")));
            config[field] = value;
            Aspect($"newer field {field}");
        }

        if (Maybe(0.35))
        {
            NewerConsumerSettings(config, push, stream);
        }

        if (tame && stream == "CWQ" && !config.Has("ack_policy"))
        {
            config["ack_policy"] = PlainStr("explicit");
        }

        var body = Obj(("stream_name", PlainStr(stream)), ("config", config));
        if (Maybe(0.05))
        {
            body["action"] = Str("create");
        }

        // The named-consumer subject carries the name, else the durable name; without either, the legacy
        // ephemeral subject. A name of the wrong type never decodes, so any token does.
        var token = NameToken(config["name"]) ?? NameToken(config["durable_name"]);
        if (token is null && (config["name"] is JScalar { Text: null, Json: not "null" } || config["durable_name"] is JScalar { Text: null, Json: not "null" }))
        {
            token = fallback;
        }

        var apiSubject = token is null ? $"CONSUMER.CREATE.{stream}" : $"CONSUMER.CREATE.{stream}.{token}";
        var damaged = Maybe(0.03) ? Damage(body.ToJson()) : null;
        return new CorpusEntry(id, DefinitionKind.Consumer, body, apiSubject, stream, damaged is null && Chance(0.25), aspects, damaged);
    }

    /// <summary>Settings of 2.10 and later: filter lists, pause, priority groups, the flow_control ack policy, consumer limits.</summary>
    private void NewerConsumerSettings(JObject config, bool push, string stream)
    {
        if (Chance(0.2))
        {
            var filters = new List<string>();
            var count = random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                filters.Add(Chance(0.1) ? "" : Chance(0.85) ? FilterFor(stream, valid: true) : PickOne("a..b", "zz.q"));
            }

            config["filter_subjects"] = Strs(filters.ToArray());
            Aspect("filter_subjects " + config["filter_subjects"]!.ToJson());
        }

        if (Chance(0.1))
        {
            config["pause_until"] = PickOne(Str("2030-01-01T00:00:00Z"), Str("2020-01-01T00:00:00Z"));
            Aspect("pause_until");
        }

        if (Chance(0.3))
        {
            if (Chance(0.8))
            {
                config["priority_policy"] = PickOne(Str("overflow"), Str("pinned_client"), Str("none"), Str("overflow"));
            }

            if (Chance(0.7))
            {
                config["priority_groups"] = PickOne(Strs("jobs"), Strs("jobs", "b/c=d-e_f"), Strs(""), Strs("a.b"), Strs("seventeen-chars-x"), Arr(), Strs("sixteen-chars-xx"));
            }

            if (Chance(0.2))
            {
                config["priority_timeout"] = PickOne(Num(0), Num(5 * S));
            }

            Aspect("priority " + (config["priority_policy"]?.ToJson() ?? "-") + " " + (config["priority_groups"]?.ToJson() ?? "-"));
        }

        if (push && Chance(0.2))
        {
            config["ack_policy"] = Str("flow_control");
            foreach (var (field, value) in new (string, JNode)[] { ("ack_wait", Num(30 * S)), ("max_deliver", Num(3)), ("max_ack_pending", Num(-1)), ("max_ack_pending", Num(50)), ("backoff", Arr(Num(S))), ("flow_control", Bool(true)), ("idle_heartbeat", Num(5 * S)) })
            {
                if (Chance(0.15))
                {
                    config[field] = value;
                }
            }

            Aspect("ack_policy flow_control");
        }

        if (stream == "CLIM" && Chance(0.6))
        {
            if (Chance(0.6))
            {
                config["max_ack_pending"] = PickOne(Num(0), Num(50), Num(100), Num(101), Num(1000), Num(-1));
            }

            if (Chance(0.5))
            {
                config["inactive_threshold"] = PickOne(Num(0), Num(5 * S), Num(10 * S), Num(11 * S));
            }

            Aspect("against consumer_limits");
        }
    }

    /// <summary>JSON the server can't decode: a trailing comma, a comment, a single-quoted string, a bare word, NaN.</summary>
    private string Damage(string json)
    {
        var kind = random.Next(5);
        Aspect(kind switch { 0 => "syntax: trailing comma", 1 => "syntax: comment", 2 => "syntax: single quotes", 3 => "syntax: bare word", _ => "syntax: NaN" });
        var close = json.LastIndexOf('}');
        return kind switch
        {
            0 => json.Substring(0, close).TrimEnd() + ",\n}",
            1 => "// generated\n" + json,
            2 => json.Substring(0, close).TrimEnd() + ",\n  'description': 'x'\n}",
            3 => json.Substring(0, close).TrimEnd() + ",\n  \"description\": text\n}",
            _ => json.Substring(0, close).TrimEnd() + ",\n  \"max_age\": NaN\n}",
        };
    }

    private static string? NameToken(JNode? node) => node is JScalar { Text: { Length: > 0 } text } ? text : null;

    private string FilterFor(string stream, bool valid)
    {
        return stream switch
        {
            "CBASE" => valid ? PickOne("cb.x", "cb.>", "cb.*.z", "cx.a.y", "cz", "cx.*.y") : PickOne("cx.>", "cx.*.*", "other.x", ">", "cb", "c*", "*.x"),
            "CWQ" => valid ? PickOne("wq.a", "wq.>", "wq.*.b") : PickOne(">", "x.y", "wq"),
            "CLIM" => valid ? PickOne("cl.a", "cl.>") : PickOne("x.y", "cl"),
            _ => valid ? PickOne("ci.a", "ci.*") : PickOne("ci.>", "zz", "ci.a.b"),
        };
    }

    // ---------------------------------------------------------------- randomness

    private bool Chance(double p) => random.NextDouble() < p;

    /// <summary>An optional aspect of a definition: rarer in "tame" definitions, so that about half the corpus is valid.</summary>
    private bool Maybe(double p) => Chance(tame ? p * 0.3 : p);

    private void Tame()
    {
        tame = Chance(0.45);
        if (tame)
        {
            Aspect("tame");
        }
    }

    private T PickOne<T>(params T[] items) => items[random.Next(items.Length)];

    private string PickWeighted(params (string Value, double Weight)[] items)
    {
        var roll = random.NextDouble() * items.Sum(i => i.Weight);
        foreach (var (value, weight) in items)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return items[^1].Value;
    }

    /// <summary>A value of the right JSON type 94% of the time, else one of the wrong type.</summary>
    private JNode Pick(JNode[] good, JNode[] bad) => Chance(tame ? 0.99 : 0.94) || bad.Length == 0 ? PickOne(good) : PickOne(bad);

    private static JNode[] Good(params JNode[] values) => values;

    private static JNode[] Bad(params JNode[] values) => values;

    private JNode PlainStr(string value)
    {
        var node = (JScalar)Str(value);
        node.PreferPlain = Chance(0.5);
        return node;
    }

    private void Aspect(string text) => aspects.Add(text);
}
