using System.Linq;
using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Streams;
using JetStream.Analyzers.Rules.Text;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

/// <summary>JS1100: nats-server's own checks of a stream configuration, per server version.</summary>
public class ServerRejectsStreamTests
{
    private static readonly ServerRejectsStream Rule = new();

    private static string[] Check(StreamModel stream, string version = "2.14.5") => Reasons(Run(Rule, stream, Context(version)));

    [Fact]
    public void SafeStream_Accepted()
    {
        Assert.Empty(Run(Rule, SafeStream()));
        Assert.Empty(Run(Rule, SafeStream(), Context("2.9.0")));
    }

    [Fact]
    public void Finding_NamesTheStreamAndTheVersion()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.NumReplicas = Known(6L, "here")), Context("2.10.3")));
        Assert.Equal(RuleIds.StreamRejectedByServer, finding.Rule.Id);
        Assert.Equal(RuleSeverity.Error, finding.Severity);
        Assert.Equal("here", finding.Origin);
        Assert.Equal("Stream 'ORDERS' is rejected by NATS server 2.10.3: maximum replicas is 5 (this stream asks for 6)", finding.Message);
    }

    // ---------------------------------------------------------------- names and sizes

    [Theory]
    [InlineData("ORD.ERS", "2.14.5", "stream name is required and can not contain '.', '*', '>', '\\', '/'")]
    [InlineData("ORD ERS", "2.12.8", "stream name is required and can not contain '.', '*', '>', '\\', '/'")]
    [InlineData("ORD*", "2.12.7", "stream name is required and can not contain '.', '*', '>'")]
    [InlineData("", "2.10.0", "stream name is required and can not contain '.', '*', '>'")]
    [InlineData(null, "2.14.5", "stream name is required and can not contain '.', '*', '>', '\\', '/'")]
    [InlineData("ORD/ERS", "2.12.7", "Stream name can not contain path separators")]
    [InlineData("ORD\\ERS", "2.9.0", "Stream name can not contain path separators")]
    [InlineData("ORD/ERS", "2.12.8", "stream name is required and can not contain '.', '*', '>', '\\', '/'")]
    public void InvalidNames(string? name, string version, string reason)
    {
        var finding = Single(Run(Rule, SafeStream().With(s => { s.Name = Known(name!, "here"); s.Subjects = List("subjects", "orders.>"); }), Context(version)));
        Assert.Equal("here", finding.Origin);
        Assert.Equal(reason, finding.Arguments[2]);
    }

    [Fact]
    public void NameTooLong()
    {
        var name = new string('N', 256);
        Assert.Equal(new[] { "stream name is too long, maximum allowed is 255" }, Check(SafeStream(name)));
        Assert.Empty(Check(SafeStream(new string('N', 255))));
    }

    [Fact]
    public void DescriptionTooLong()
    {
        Assert.Equal(new[] { "stream description is too long, maximum allowed is 4096" },
            Check(SafeStream().With(s => s.Description = Known(new string('d', 4097), "d"))));
        Assert.Empty(Check(SafeStream().With(s => s.Description = Known(new string('d', 4096), "d"))));
        Assert.Empty(Check(SafeStream().With(s => s.Description = Known<string>(null!, "d"))));
    }

    [Fact]
    public void MetadataTooLarge_From210()
    {
        var stream = SafeStream().With(s => s.MetadataBytes = Known(128L * 1024 + 1, "metadata"));
        Assert.Equal(new[] { "stream metadata exceeds maximum size of 131072 bytes (131073 bytes as the server counts them)" }, Check(stream, "2.10.0"));
        Assert.Empty(Check(stream, "2.9.25"));
        Assert.Empty(Check(SafeStream().With(s => s.MetadataBytes = Known(128L * 1024, "metadata")), "2.10.27"));
    }

    // From 2.11 the server replaces _nats.ver, _nats.level and _nats.req.level with its own 16-byte _nats.req.level first.
    [Fact]
    public void MetadataTooLarge_CountsTheServersOwnKey_From211()
    {
        Assert.Empty(Check(SafeStream().With(s => s.MetadataBytes = Known(128L * 1024 - 16, "metadata")), "2.15.1"));
        Assert.Equal(new[] { "stream metadata exceeds maximum size of 131072 bytes (131073 bytes as the server counts them)" },
            Check(SafeStream().With(s => s.MetadataBytes = Known(128L * 1024 - 15, "metadata")), "2.11.0"));
        Assert.Empty(Check(SafeStream().With(s => { s.MetadataBytes = Known(128L * 1024 + 4, "metadata"); s.MetadataServerKeyBytes = Known(20L, "metadata"); }), "2.15.1"));
    }

    [Theory]
    [InlineData(6, "maximum replicas is 5 (this stream asks for 6)")]
    [InlineData(-1, "replicas count cannot be negative")]
    public void InvalidReplicas(long replicas, string reason) =>
        Assert.Equal(new[] { reason }, Check(SafeStream().With(s => s.NumReplicas = Known(replicas, "r"))));

    // ---------------------------------------------------------------- durations

    [Theory]
    [InlineData("2.12.0", "max age can not be negative")]
    [InlineData("2.11.9", "duplicates window can not be negative")]
    public void NegativeMaxAge_ReasonDependsOnVersion(string version, string reason) =>
        Assert.Equal(new[] { reason }, Check(SafeStream().With(s => s.MaxAge = Known(-Durations.Second, "age")), version));

    [Fact]
    public void NegativeMaxAgeOnAMirrorBefore212()
    {
        var stream = SafeStream().With(s => { s.MaxAge = Known(-Durations.Second, "age"); s.Subjects = default; s.Mirror = Known(new StreamSourceModel { Name = Known("UP", "m") }, "mirror"); });
        Assert.Equal(new[] { "duplicates window can not be larger then max age" }, Check(stream, "2.11.0"));
    }

    [Fact]
    public void MaxAgeBelow100ms()
    {
        Assert.Equal(new[] { "max age needs to be >= 100ms (is 99ms)" }, Check(SafeStream().With(s => s.MaxAge = Known(99 * Durations.Millisecond, "age"))));
        Assert.Empty(Check(SafeStream().With(s => s.MaxAge = Known(100 * Durations.Millisecond, "age"))));
        Assert.Empty(Check(SafeStream().With(s => s.MaxAge = Known(0L, "age"))));
    }

    [Theory]
    [InlineData(-1L, "duplicates window can not be negative")]
    [InlineData(8 * Durations.Day, "duplicates window can not be larger then max age (8d > 7d)")]
    [InlineData(50 * Durations.Millisecond, "duplicates window needs to be >= 100ms (is 50ms)")]
    public void InvalidDuplicateWindow(long window, string reason)
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.DuplicateWindow = Known(window, "here"))));
        Assert.Equal("here", finding.Origin);
        Assert.Equal(reason, finding.Arguments[2]);
    }

    [Fact]
    public void DuplicateWindow_AcceptedCases()
    {
        Assert.Empty(Check(SafeStream().With(s => s.DuplicateWindow = Known(0L, "w"))));
        Assert.Empty(Check(SafeStream().With(s => s.DuplicateWindow = Known(7 * Durations.Day, "w"))));
        Assert.Empty(Check(SafeStream().With(s => { s.MaxAge = default; s.DuplicateWindow = Known(30 * Durations.Day, "w"); })));
        Assert.Empty(Check(SafeStream().With(s => s.DuplicateWindow = Unknown<long>("w"))));
        Assert.Empty(Check(SafeStream().With(s => { s.MaxAge = Unknown<long>("a"); s.DuplicateWindow = Known(30 * Durations.Day, "w"); })));
    }

    // ---------------------------------------------------------------- flags

    [Fact]
    public void DenyPurgeWithRollUps()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.AllowRollupHdrs = Known(true, "here"))));
        Assert.Equal("here", finding.Origin);
        Assert.Equal("roll-ups require the purge permission", finding.Arguments[2]);
        Assert.Empty(Check(SafeStream().With(s => { s.AllowRollupHdrs = Known(true, "r"); s.DenyPurge = Unknown<bool>("p"); })));
    }

    [Fact]
    public void DiscardNewPerSubject_RequiresDiscardNewAndAPerSubjectLimit_From291()
    {
        var stream = SafeStream().With(s => s.DiscardNewPerSubject = Known(true, "here"));
        Assert.Equal(new[]
        {
            "discard new per subject requires discard new policy to be set",
            "discard new per subject requires max msgs per subject > 0",
        }, Check(stream));
        Assert.Empty(Check(stream, "2.9.0"));

        stream.Discard = Known(DiscardPolicy.New, "discard");
        stream.MaxMsgsPerSubject = Known(0L, "per_subject");
        Assert.Equal(new[] { "discard new per subject requires max msgs per subject > 0" }, Check(stream));

        stream.MaxMsgsPerSubject = Known(1L, "per_subject");
        Assert.Empty(Check(stream));

        stream.Discard = Unknown<DiscardPolicy>("discard");
        stream.MaxMsgsPerSubject = Unknown<long>("per_subject");
        Assert.Empty(Check(stream));
    }

    // ---------------------------------------------------------------- mirrors

    private static StreamModel Mirror(System.Action<StreamModel>? change = null, StreamSourceModel? source = null)
    {
        var stream = SafeStream("BACKUP").With(s =>
        {
            s.Subjects = default;
            s.Mirror = Known(source ?? new StreamSourceModel { Name = Known("ORDERS", "m") }, "mirror");
        });
        change?.Invoke(stream);
        return stream;
    }

    [Fact]
    public void Mirror_Plain_Accepted() => Assert.Empty(Check(Mirror()));

    [Fact]
    public void Mirror_WithSubjectsOrSources()
    {
        Assert.Equal(new[] { "stream mirrors can not contain subjects" }, Check(Mirror(s => s.Subjects = List("subjects", "x"))));
        Assert.Empty(Check(Mirror(s => s.Subjects = List<string>("subjects"))));
        Assert.Equal(new[] { "stream mirrors can not also contain other sources" },
            Check(Mirror(s => s.Sources = List("sources", new StreamSourceModel { Name = Known("A", "a") }))));
    }

    [Fact]
    public void Mirror_WithFirstSequence_From210()
    {
        var stream = Mirror(s => s.FirstSequence = Known(10L, "first"));
        Assert.Equal(new[] { "stream mirrors can not have first sequence configured" }, Check(stream, "2.10.0"));
        Assert.Empty(Check(stream, "2.9.25"));
    }

    [Fact]
    public void Mirror_FilterWithTransforms_From210()
    {
        var source = new StreamSourceModel { Name = Known("ORDERS", "m"), FilterSubject = Known("orders.new", "f"), HasSubjectTransforms = Known(true, "t"), Origin = "source" };
        var finding = Single(Run(Rule, Mirror(source: source), Context("2.10.0")));
        Assert.Equal("source", finding.Origin);
        Assert.Equal("mirror with multiple subject transforms cannot also have a single subject filter", finding.Arguments[2]);
        Assert.Empty(Check(Mirror(source: source), "2.9.25"));
    }

    [Theory]
    [InlineData("counter", "2.12.0", "stream mirrors can not also calculate counters")]
    [InlineData("atomic", "2.12.0", "stream mirrors can not also use atomic publishing")]
    [InlineData("schedules", "2.12.0", "stream mirrors can not also schedule messages")]
    [InlineData("batched", "2.14.0", "stream mirrors can not also use batch publishing")]
    public void Mirror_WithNewerFeatures(string feature, string since, string reason)
    {
        var stream = Mirror(s =>
        {
            switch (feature)
            {
                case "counter": s.AllowMsgCounter = Known(true, feature); break;
                case "atomic": s.AllowAtomic = Known(true, feature); break;
                case "schedules": s.AllowMsgSchedules = Known(true, feature); break;
                default: s.AllowBatched = Known(true, feature); break;
            }
        });
        Assert.Contains(reason, Check(stream, since));
        Assert.DoesNotContain(reason, Check(stream, "2.11.0"));
    }

    // ---------------------------------------------------------------- create-only checks

    [Theory]
    [InlineData(ConfigOperation.Create, true)]
    [InlineData(ConfigOperation.Update, false)]
    [InlineData(ConfigOperation.CreateOrUpdate, false)]
    [InlineData(ConfigOperation.Unknown, false)]
    public void SealedAndMirrorDirect_OnlyRejectedOnCreate(ConfigOperation operation, bool rejected)
    {
        var stream = SafeStream().With(s => { s.Operation = operation; s.Sealed = Known(true, "sealed"); s.MirrorDirect = Known(true, "direct"); });
        var expected = rejected
            ? new[] { "stream configuration for create can not be sealed", "stream has no mirror but does have mirror direct" }
            : System.Array.Empty<string>();
        Assert.Equal(expected, Check(stream));
    }

    // ---------------------------------------------------------------- subjects

    [Theory]
    [InlineData(new[] { "orders..new" }, "invalid subject 'orders..new'")]
    [InlineData(new[] { "orders.>.new" }, "invalid subject 'orders.>.new'")]
    [InlineData(new[] { "orders new" }, "invalid subject 'orders new'")]
    [InlineData(new[] { "orders.new", "orders.new" }, "duplicate subjects detected ('orders.new')")]
    [InlineData(new[] { "orders.*", "orders.new" }, "subject \"orders.*\" overlaps with \"orders.new\"")]
    [InlineData(new[] { "orders.>", "orders.*.paid" }, "subject \"orders.>\" overlaps with \"orders.*.paid\"")]
    public void InvalidSubjects(string[] subjects, string reason)
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.Subjects = List("here", subjects))));
        Assert.Equal("here", finding.Origin);
        Assert.Equal(reason, finding.Arguments[2]);
    }

    [Fact]
    public void DistinctSubjects_Accepted() =>
        Assert.Empty(Check(SafeStream().With(s => s.Subjects = List("subjects", "orders.new", "orders.paid", "payments.>", "foo*"))));

    [Theory]
    [InlineData("$JS.API.STREAM.INFO", "2.10.16", "subjects overlap with jetstream api ('$JS.API.STREAM.INFO')")]
    [InlineData("$JS.API.>", "2.9.0", "subjects overlap with jetstream api ('$JS.API.>')")]
    [InlineData("$JS.API.>", "2.10.17", "subjects that overlap with jetstream api require no-ack to be true ('$JS.API.>')")]
    [InlineData("$JSC.>", "2.11.0", "subjects that overlap with jetstream api require no-ack to be true ('$JSC.>')")]
    [InlineData("$NRG.x", "2.11.2", "subjects that overlap with jetstream api require no-ack to be true ('$NRG.x')")]
    [InlineData("$NRG.x", "2.10.28", "subjects that overlap with jetstream api require no-ack to be true ('$NRG.x')")]
    [InlineData("$SYS.REQ.>", "2.11.0", "subjects that overlap with system api require no-ack to be true ('$SYS.REQ.>')")]
    [InlineData("*.API.>", "2.11.2", "subjects that overlap with jetstream api require no-ack to be true ('*.API.>')")]
    [InlineData("*.b", "2.10.28", "subjects that overlap with jetstream api require no-ack to be true ('*.b')")]
    [InlineData("*.b", "2.15.1", "subjects that overlap with jetstream api require no-ack to be true ('*.b')")]
    public void SystemSubjects(string subject, string version, string reason) =>
        Assert.Equal(new[] { reason }, Check(SafeStream().With(s => s.Subjects = List("subjects", subject)), version));

    // 2.10.17-2.10.27 and 2.11.0-2.11.1 match subjects inside the API namespaces only, and know no $NRG.>.
    [Theory]
    [InlineData("*.b", "2.10.27")]
    [InlineData("*.b", "2.11.1")]
    [InlineData("*.API.>", "2.11.1")]
    [InlineData("$NRG.x", "2.10.27")]
    [InlineData("$NRG.x", "2.11.0")]
    [InlineData("*.*", "2.10.20")]
    public void SubjectsThatOnlyCollideWithTheApi_BeforeCollisionMatching(string subject, string version) =>
        Assert.Empty(Check(SafeStream().With(s => s.Subjects = List("subjects", subject)), version));

    [Theory]
    [InlineData("$JS.EVENT.ADVISORY.>")]
    [InlineData("$SYS.ACCOUNT.x.CONNECT")]
    [InlineData("$KV.cfg.>")]
    [InlineData("$O.files.C.>")]
    public void SystemSubjectsTheServerAllows(string subject) =>
        Assert.Empty(Check(SafeStream().With(s => s.Subjects = List("subjects", subject))));

    [Fact]
    public void SystemSubjectsWithNoAck_Accepted() =>
        Assert.Empty(Check(SafeStream().With(s => { s.Subjects = List("subjects", "$JS.API.>", "$SYS.REQ.>"); s.NoAck = Known(true, "no_ack"); })));

    [Fact]
    public void CaptureEverything_NeedsNoAckAndOneReplica()
    {
        Assert.Equal(new[] { "capturing all subjects requires no-ack to be true", "capturing all subjects requires replicas of 1" },
            Check(SafeStream().With(s => s.Subjects = List("subjects", ">"))));
        Assert.Empty(Check(SafeStream().With(s => { s.Subjects = List("subjects", ">"); s.NoAck = Known(true, "n"); s.NumReplicas = Known(1L, "r"); })));
    }

    // ---------------------------------------------------------------- republish and sources

    [Fact]
    public void RepublishIntoTheStream_FormsACycle()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => { s.RepublishSource = Known(">", "src"); s.RepublishDestination = Known("orders.copy", "here"); })));
        Assert.Equal("here", finding.Origin);
        Assert.Equal("stream configuration for republish destination forms a cycle ('orders.copy' is captured by the stream)", finding.Arguments[2]);
        Assert.Empty(Check(SafeStream().With(s => s.RepublishDestination = Known("copies.>", "here"))));
    }

    [Fact]
    public void RepublishSourceOutsideTheSubjects_Before210()
    {
        var stream = SafeStream().With(s => { s.RepublishSource = Known("payments.>", "src"); s.RepublishDestination = Known("copies.>", "dest"); });
        Assert.Equal(new[] { "stream configuration for republish source is not valid subset of subjects" }, Check(stream, "2.9.0"));
        Assert.Empty(Check(stream, "2.10.0"));
    }

    [Fact]
    public void Sources_InvalidOrDuplicate_From210()
    {
        var stream = SafeStream().With(s => s.Sources = List("sources",
            new StreamSourceModel { Name = Known("bad.name", "a"), Origin = "a" },
            new StreamSourceModel { Name = Known("A", "b"), FilterSubject = Known("x", "f"), IsExternal = Known(false, "e"), Origin = "b" },
            new StreamSourceModel { Name = Known("A", "c"), FilterSubject = Known("x", "f"), IsExternal = Known(false, "e"), Origin = "c" },
            new StreamSourceModel { Name = Known("A", "d"), FilterSubject = Known("y", "f"), IsExternal = Known(false, "e"), Origin = "d" }));
        var findings = Run(Rule, stream, Context("2.10.0"));
        Assert.Equal(new[] { "sourced stream name is invalid", "duplicate source configuration detected ('A')" }, Reasons(findings));
        Assert.Equal(new object?[] { "a", "c" }, findings.ConvertAll(f => f.Origin).ToArray());
        Assert.Empty(Check(stream, "2.9.25"));
    }

    private static StreamSourceModel Source(string name, string origin, string? filter = null, string? api = null, string? consumer = null, params (string Src, string Dest)[] transforms) => new()
    {
        Name = Known(name, origin),
        FilterSubject = filter is null ? default : Known(filter, origin),
        IsExternal = Known(api is not null, origin),
        ExternalApi = api is null ? default : Known(api, origin),
        ConsumerName = consumer is null ? default : Known(consumer, origin),
        ConsumerDeliverSubject = consumer is null ? default : Known("deliver." + consumer, origin),
        HasSubjectTransforms = transforms.Length == 0 ? default : Known(true, origin),
        SubjectTransforms = transforms.Length == 0 ? default : List(origin, System.Array.ConvertAll(transforms, t => new SubjectTransformModel { Source = Known(t.Src, origin), Destination = Known(t.Dest, origin), Origin = origin })),
        Origin = origin,
    };

    // The server's source identity includes the external API prefix, the filter read as ">" when empty, the
    // transforms, and from 2.14 the source consumer.
    [Fact]
    public void Sources_DuplicateKey_AsTheServerComposesIt()
    {
        StreamModel Sourcing(params StreamSourceModel[] sources) => SafeStream().With(s => s.Sources = List("sources", sources));

        Assert.Empty(Check(Sourcing(Source("A", "a", api: "$JS.hub.API"), Source("A", "b", api: "$JS.leaf.API")), "2.15.1"));
        Assert.Equal(new[] { "duplicate source configuration detected ('A')" }, Check(Sourcing(Source("A", "a", api: "$JS.hub.API"), Source("A", "b", api: "$JS.hub.API")), "2.15.1"));
        Assert.Equal(new[] { "duplicate source configuration detected ('A')" }, Check(Sourcing(Source("A", "a", filter: ""), Source("A", "b", filter: ">")), "2.10.27"));
        Assert.Empty(Check(Sourcing(Source("A", "a", transforms: ("x.>", "y.>")), Source("A", "b", transforms: ("z.>", "y.>"))), "2.15.1"));
        Assert.Empty(Check(Sourcing(Source("A", "a", consumer: "c1", transforms: ("x.>", "y.>")), Source("A", "b", consumer: "c2", transforms: ("x.>", "y.>"))), "2.15.1"));
        Assert.Equal(new[] { "duplicate source configuration detected ('A')" }, Check(Sourcing(Source("A", "a", consumer: "c1", transforms: ("x.>", "y.>")), Source("A", "b", consumer: "c2", transforms: ("x.>", "y.>"))), "2.12.8"));
    }

    [Fact]
    public void Sources_FiltersAndTransforms_From210()
    {
        StreamModel Sourcing(params StreamSourceModel[] sources) => SafeStream().With(s => s.Sources = List("sources", sources));

        Assert.Equal(new[] { "subject filter 'a..b' for the source is not a valid subject" }, Check(Sourcing(Source("A", "a", filter: "a..b")), "2.10.27"));
        Assert.Empty(Check(Sourcing(Source("A", "a", filter: "a..b")), "2.9.10"));
        Assert.Equal(new[] { "source with multiple subject transforms cannot also have a single subject filter" }, Check(Sourcing(Source("A", "a", filter: "a.>", transforms: ("b.>", "c.>"))), "2.15.1"));
        Assert.Equal(new[] { "source transform: from 'b.*' to 'c.$2' is not a valid subject transform" }, Check(Sourcing(Source("A", "a", transforms: ("b.*", "c.$2"))), "2.15.1"));
        Assert.Equal(new[] { "source subject filters can not overlap ('b.x' and 'b.>')" }, Check(Sourcing(Source("A", "a", transforms: new[] { ("b.>", ""), ("b.x", "") })), "2.15.1"));
        Assert.Equal(new[] { "source transform source: invalid subject ''" }, Check(Sourcing(Source("A", "a", transforms: ("", "c.>"))), "2.10.27"));
        Assert.Empty(Check(Sourcing(Source("A", "a", transforms: ("", "c.>"))), "2.15.1"));
        Assert.Equal(new[] { "stream source can not also schedule messages" }, Check(Sourcing(Source("A", "a")).With(s => s.AllowMsgSchedules = Known(true, "sch")), "2.12.0"));
    }

    [Fact]
    public void Mirror_NameAndTransforms_From210()
    {
        var mirror = SafeStream("COPY").With(s => { s.Subjects = default; s.Mirror = Known(Source("bad.name", "m"), "m"); });
        Assert.Equal(new[] { "mirrored stream name is invalid ('bad.name')" }, Check(mirror, "2.10.27"));
        Assert.Empty(Check(mirror.With(s => s.Mirror = Known(Source("bad.name", "m", api: "$JS.hub.API"), "m")), "2.15.1"));
        Assert.Equal(new[] { "mirror subject filters can not overlap ('a.*' and 'a.b')" },
            Check(mirror.With(s => s.Mirror = Known(Source("ORIGIN", "m", transforms: new[] { ("a.*", ""), ("a.b", "") }), "m")), "2.15.1"));
    }

    [Fact]
    public void SubjectTransform_From210()
    {
        StreamModel Transforming(string src, string dest) => SafeStream().With(s =>
        {
            s.HasSubjectTransform = Known(true, "t");
            s.SubjectTransform = Known(new SubjectTransformModel { Source = Known(src, "src"), Destination = Known(dest, "dest"), Origin = "t" }, "t");
        });

        Assert.Equal(new[] { "stream transform: from 'orders.*' to 'x.$2' is not a valid subject transform" }, Check(Transforming("orders.*", "x.$2"), "2.10.27"));
        Assert.Equal(new[] { "stream transform source: invalid subject 'a..b'" }, Check(Transforming("a..b", "x.>"), "2.15.1"));
        Assert.Empty(Check(Transforming("orders.*", "x.$1"), "2.15.1"));
        Assert.Empty(Check(Transforming("orders.*", "x.$2"), "2.9.10"));
    }

    // From 2.12.2 a ">" to ">" republish on a stream whose one subject is its transform's source republishes the
    // transformed subjects.
    [Fact]
    public void ImplicitRepublish_From2122()
    {
        var stream = SafeStream().With(s =>
        {
            s.Subjects = List("subjects", "orders.>");
            s.HasSubjectTransform = Known(true, "t");
            s.SubjectTransform = Known(new SubjectTransformModel { Source = Known("orders.>", "src"), Destination = Known("archive.>", "dest"), Origin = "t" }, "t");
            s.HasRepublish = Known(true, "rp");
            s.RepublishSource = Known(">", "rs");
            s.RepublishDestination = Known(">", "rd");
        });
        Assert.Empty(Check(stream, "2.12.2"));
        Assert.Equal(new[] { "stream configuration for republish destination forms a cycle ('>' is captured by the stream)" }, Check(stream, "2.12.1"));
    }

    [Fact]
    public void SourceDomain_UnknownToTheServer_From212()
    {
        var stream = SafeStream().With(s => s.Sources = List("sources", new StreamSourceModel { Name = Known("A", "a"), Domain = Known("hub", "domain"), IsExternal = Known(false, "a"), Origin = "a" }));
        Assert.Equal(new[] { "invalid JSON: json: unknown field \"domain\" (the nats CLI turns a domain into external.api; the server has no such field)" }, Check(stream, "2.12.0"));
        Assert.Empty(Check(stream, "2.11.0"));
    }

    [Fact]
    public void TemplateOwner_ByRelease()
    {
        Assert.Equal(new[] { "stream not owned by template ('T': streams are only owned by the templates that create them)" }, Check(SafeStream().With(s => s.TemplateOwner = Known("T", "tpl")), "2.10.27"));
        Assert.Empty(Check(SafeStream().With(s => s.TemplateOwner = Known("", "tpl")), "2.10.27"));
        Assert.Equal(new[] { "invalid JSON: json: unknown field \"template_owner\" (stream templates were removed in 2.14)" }, Check(SafeStream().With(s => s.TemplateOwner = Known("", "tpl")), "2.15.1"));
    }

    [Fact]
    public void PlacementPreferred_From211()
    {
        var stream = SafeStream().With(s => s.PlacementPreferred = Known("n1", "pref"));
        Assert.Equal(new[] { "preferred server not permitted in placement" }, Check(stream, "2.11.0"));
        Assert.Empty(Check(stream, "2.10.27"));
    }

    [Theory]
    [InlineData("2.12.14", false)]
    [InlineData("2.12.15", true)]
    [InlineData("2.14.1", false)]
    [InlineData("2.14.2", true)]
    [InlineData("2.15.1", true)]
    public void MessageSchedulesWithDiscardNew(string version, bool rejected)
    {
        var stream = SafeStream().With(s => { s.AllowMsgSchedules = Known(true, "sch"); s.Discard = Known(DiscardPolicy.New, "d"); });
        Assert.Equal(rejected, Check(stream, version).Contains("message scheduling cannot use discard new"));
    }

    [Fact]
    public void Sources_UnknownFilter_NotComparedForDuplicates()
    {
        var stream = SafeStream().With(s => s.Sources = List("sources",
            new StreamSourceModel { Name = Known("A", "b"), FilterSubject = Unknown<string>("f"), Origin = "b" },
            new StreamSourceModel { Name = Known("A", "c"), FilterSubject = Unknown<string>("f"), Origin = "c" }));
        Assert.Empty(Check(stream));
    }

    // ---------------------------------------------------------------- newer features

    [Theory]
    [InlineData(-1L, "subject delete marker TTL must not be negative")]
    [InlineData(500 * Durations.Millisecond, "subject delete marker TTL must be at least 1 second")]
    public void SubjectDeleteMarkerTtl_From211(long ttl, string reason)
    {
        var stream = SafeStream().With(s => s.SubjectDeleteMarkerTtl = Known(ttl, "ttl"));
        Assert.Equal(new[] { reason }, Check(stream, "2.11.0"));
        Assert.Empty(Check(stream, "2.10.99"));
    }

    [Fact]
    public void SubjectDeleteMarkers_ForbiddenOnMirrors() =>
        Assert.Contains("subject delete markers forbidden on mirrors", Check(Mirror(s => s.SubjectDeleteMarkerTtl = Known(Durations.Minute, "ttl"))));

    [Fact]
    public void CounterStreams_From212()
    {
        var stream = SafeStream().With(s =>
        {
            s.AllowMsgCounter = Known(true, "counter");
            s.Discard = Known(DiscardPolicy.New, "discard");
            s.AllowMsgTtl = Known(true, "ttl");
            s.Retention = Known(RetentionPolicy.WorkQueue, "retention");
        });
        Assert.Equal(new[]
        {
            "counter stream cannot use discard new",
            "counter stream cannot use message TTLs",
            "counter stream can only use limits retention",
        }, Check(stream, "2.12.0"));
        Assert.Empty(Check(stream, "2.11.5"));
        Assert.Empty(Check(SafeStream().With(s => s.AllowMsgCounter = Known(true, "counter")), "2.12.0"));
    }

    [Fact]
    public void AsyncPersist_From212()
    {
        var stream = SafeStream().With(s =>
        {
            s.AsyncPersist = Known(true, "persist");
            s.Storage = Known(StorageType.Memory, "storage");
            s.AllowAtomic = Known(true, "atomic");
        });
        Assert.Equal(new[]
        {
            "async persist mode is only supported on file storage",
            "async persist mode is not supported on replicated streams",
            "async persist mode is not supported with atomic batch publish",
        }, Check(stream, "2.12.0"));
        Assert.Empty(Check(SafeStream().With(s => { s.AsyncPersist = Known(true, "persist"); s.NumReplicas = Known(1L, "r"); }), "2.12.0"));
    }

    // ---------------------------------------------------------------- unknown values

    [Fact]
    public void EverythingUnknown_Accepted()
    {
        var stream = new StreamModel
        {
            Kind = StreamKind.Stream,
            Operation = ConfigOperation.Create,
            Origin = StreamOrigin,
            Name = Unknown<string>("n"),
            Subjects = Unknown<IReadOnlyList<string>>("s"),
            NumReplicas = Unknown<long>("r"),
            MaxAge = Unknown<long>("a"),
            DuplicateWindow = Unknown<long>("w"),
            Mirror = Unknown<StreamSourceModel>("m"),
            Sources = Unknown<IReadOnlyList<StreamSourceModel>>("src"),
            Sealed = Unknown<bool>("sealed"),
            DenyPurge = Unknown<bool>("p"),
            AllowRollupHdrs = Unknown<bool>("r"),
            DiscardNewPerSubject = Unknown<bool>("d"),
            RepublishDestination = Unknown<string>("dest"),
            SubjectDeleteMarkerTtl = Unknown<long>("ttl"),
            AllowMsgCounter = Unknown<bool>("counter"),
            AsyncPersist = Unknown<bool>("persist"),
        };
        Assert.Empty(Run(Rule, stream));
    }
}
