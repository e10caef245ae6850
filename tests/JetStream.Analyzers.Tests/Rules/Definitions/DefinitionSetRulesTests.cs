using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Definitions;

/// <summary>JS1008, JS1009, JS1011 and JS1012 over hand-built sets of definitions, alone and beside the streams on a server.</summary>
public class DefinitionSetRulesTests
{
    private static List<Finding> Run(IEnumerable<StreamModel> streams, IEnumerable<ConsumerModel>? consumers = null, bool complete = true, RuleContext? context = null, IEnumerable<string>? elsewhere = null, ExistingStreams? existing = null)
    {
        var c = context ?? RuleContext.Default;
        return RuleEngine.Evaluate(new DefinitionSet(streams.Select(s => (s, c)).ToList(), (consumers ?? new ConsumerModel[0]).Select(m => (m, c)).ToList(), complete,
            existing: existing ?? (elsewhere is null ? null : DefinitionSets.Elsewhere(elsewhere.ToArray()))));
    }

    private const string Server = "the server at nats://127.0.0.1:4222";

    /// <summary>A server holding <paramref name="streams"/>, each with its consumers (listed only when a rule asks).</summary>
    private static ExistingStreams OnServer(params (StreamModel Stream, ConsumerModel[] Consumers)[] streams) =>
        new(Server, streams.Select(s => new ExistingStream(s.Stream.Name.Value!, s.Stream, s.Consumers.Length, () => s.Consumers)));

    private static (StreamModel, ConsumerModel[]) Plain(StreamModel stream, params ConsumerModel[] consumers) => (stream, consumers);

    /// <summary>A set that is not every stream there is (a compilation), whose consumers may or may not be all of them.</summary>
    private static List<Finding> RunPartial(IEnumerable<StreamModel> streams, IEnumerable<ConsumerModel>? consumers = null, bool consumersComplete = false)
    {
        var c = RuleContext.Default;
        return RuleEngine.Evaluate(new DefinitionSet(streams.Select(s => (s, c)).ToList(), (consumers ?? new ConsumerModel[0]).Select(m => (m, c)).ToList(), streamsComplete: false, consumersComplete, frontEnd: new Labels()));
    }

    private sealed class Labels : DefinitionSetFrontEnd
    {
        public override string Display(object? origin) => $"<{origin}>";

        public override string NoDefinition => "nothing here";
    }

    private static List<string> Ids(List<Finding> findings) => findings.Select(f => f.Rule.Id).ToList();

    private static StreamSourceModel Source(string name, string? api = null) => new()
    {
        Name = Known(name, "source:" + name),
        ExternalApi = api is null ? default : Known(api, "api"),
    };

    private static StreamModel Mirror(string name, string of) => SafeStream(name).With(s => { s.Subjects = default; s.Mirror = Known(Source(of), "mirror"); });

    private static StreamModel Sourcing(string name, params StreamSourceModel[] sources) =>
        SafeStream(name).With(s => { s.Subjects = default; s.Sources = ConfigValue<IReadOnlyList<StreamSourceModel>>.Known(sources, "sources"); });

    private static ConsumerModel ConsumerOf(string stream, string name, params string[] filters) => SafeConsumer(name).With(c =>
    {
        c.StreamName = Known(stream, "stream_name");
        if (filters.Length == 1)
        {
            c.FilterSubject = Known(filters[0], "filter");
        }
        else if (filters.Length > 1)
        {
            c.FilterSubjects = List("filters", filters);
        }
    });

    // ---------------------------------------------------------------- JS1008

    [Fact]
    public void JS1008_CriticalStreamWithoutCopy_ReportedAtItsName()
    {
        var critical = WithOptions((OptionKeys.CriticalStreams, "ORDERS"));
        var finding = Assert.Single(Run(new[] { SafeStream() }, context: critical));
        Assert.Equal(RuleIds.CriticalStreamWithoutCopy, finding.Rule.Id);
        Assert.Equal("name", finding.Origin);
        Assert.StartsWith("Stream 'ORDERS' is listed in jetstream_critical_streams, but no defined stream mirrors or sources it", finding.Message);
    }

    [Fact]
    public void JS1008_AMirrorOrASourceIsACopy()
    {
        var critical = WithOptions((OptionKeys.CriticalStreams, "ORD*"));
        Assert.Empty(Run(new[] { SafeStream(), Mirror("BACKUP", "ORDERS") }, context: critical));
        Assert.Empty(Run(new[] { SafeStream(), Sourcing("ALL", Source("ORDERS")) }, context: critical));
        Assert.Empty(Run(new[] { SafeStream() })); // not critical
        Assert.Empty(Run(new[] { SafeStream().With(s => s.Name = Unknown<string>("name")) }, context: critical));
    }

    [Fact]
    public void JS1008_AMirrorOfAnUnknownStreamMightBeTheCopy()
    {
        var critical = WithOptions((OptionKeys.CriticalStreams, "ORDERS"));
        var unknownOrigin = SafeStream("BACKUP").With(s => { s.Subjects = default; s.Mirror = Known(new StreamSourceModel { Name = Unknown<string>("n") }, "mirror"); });
        Assert.Empty(Run(new[] { SafeStream(), unknownOrigin }, context: critical));
        Assert.Empty(Run(new[] { SafeStream(), SafeStream("ALL").With(s => { s.Subjects = List("subjects", "all.>"); s.Sources = Unknown<IReadOnlyList<StreamSourceModel>>("sources"); }) }, context: critical));
    }

    // ---------------------------------------------------------------- JS1009

    [Fact]
    public void JS1009_UndefinedOrigin_ReportedAtTheName()
    {
        var finding = Assert.Single(Run(new[] { SafeStream(), Mirror("BACKUP", "ORDRES") }));
        Assert.Equal(RuleIds.SourceNotDefined, finding.Rule.Id);
        Assert.Equal("source:ORDRES", finding.Origin);
        Assert.StartsWith("Stream 'BACKUP' mirrors (mirror) stream 'ORDRES', which no definition provides", finding.Message);
        Assert.StartsWith("Stream 'ALL' sources (sources) stream 'EU'", Assert.Single(Run(new[] { SafeStream(), Sourcing("ALL", Source("ORDERS"), Source("EU")) })).Message);
    }

    [Fact]
    public void JS1009_JS1011_WordedByTheFrontEnd()
    {
        var frontEnd = new DefinitionSets.CompilationFrontEnd();
        var mirror = Assert.Single(RuleEngine.Evaluate(DefinitionSets.Set(new[] { SafeStream(), Mirror("BACKUP", "ORDRES") }, frontEnd: frontEnd)));
        Assert.StartsWith("Stream 'BACKUP' mirrors (mirror) stream 'ORDRES', which no definition in this compilation provides (did you mean 'ORDERS', defined at ", mirror.Message);

        var interest = SafeStream("EVENTS").With(s => s.Retention = Known(RetentionPolicy.Interest, "retention"));
        var unread = Assert.Single(RuleEngine.Evaluate(DefinitionSets.Set(new[] { interest }, frontEnd: frontEnd)));
        Assert.StartsWith("Stream 'EVENTS' has interest retention, but no definition in this compilation reads it", unread.Message);
    }

    [Fact]
    public void JS1009_ExternalOrProvidedElsewhereOrIncomplete_NotReported()
    {
        Assert.Empty(Run(new[] { Sourcing("ALL", Source("EU", "$JS.eu.API")) }));
        Assert.Empty(Run(new[] { Sourcing("ALL", Source("EU")) }, elsewhere: new[] { "EU" }));
        Assert.Empty(Run(new[] { Sourcing("ALL", Source("EU")) }, complete: false));
        Assert.Empty(Run(new[] { Sourcing("ALL", new StreamSourceModel { Name = Unknown<string>("n") }) }));
    }

    [Fact]
    public void JS1009_NearMiss_NamesTheStreamItProbablyMeans()
    {
        var finding = Assert.Single(Run(new[] { SafeStream(), Mirror("BACKUP", "ORDRES") }));
        Assert.Contains("which no definition provides (did you mean 'ORDERS', defined at name?);", finding.Message);
    }

    [Fact]
    public void JS1009_StreamsIncomplete_OnlyANearMissIsReported()
    {
        var finding = Assert.Single(RunPartial(new[] { SafeStream(), Mirror("BACKUP", "Orders") }));
        Assert.Equal("source:Orders", finding.Origin);
        Assert.StartsWith("Stream 'BACKUP' mirrors (mirror) stream 'Orders', which nothing here provides (did you mean 'ORDERS', defined at <name>?);", finding.Message);
        Assert.Empty(RunPartial(new[] { SafeStream(), Mirror("BACKUP", "PAYMENTS") })); // another service's stream
        Assert.Empty(RunPartial(new[] { SafeStream("ORDERS_1"), Mirror("BACKUP", "ORDERS_2") })); // a differing digit is no typo
        Assert.Empty(RunPartial(new[] { SafeStream(), Sourcing("ALL", Source("ORDRES", "$JS.eu.API")) }));
    }

    // ---------------------------------------------------------------- JS1011

    [Fact]
    public void JS1011_InterestStreamNobodyReads_ReportedAtTheRetention()
    {
        var interest = SafeStream("EVENTS").With(s => s.Retention = Known(RetentionPolicy.Interest, "retention"));
        var finding = Assert.Single(Run(new[] { interest }));
        Assert.Equal(RuleIds.InterestStreamWithoutConsumer, finding.Rule.Id);
        Assert.Equal("retention", finding.Origin);
        Assert.Empty(Run(new[] { interest }, new[] { ConsumerOf("EVENTS", "audit") }));
        Assert.Empty(Run(new[] { interest, Sourcing("ALL", Source("EVENTS")) }));
        Assert.Empty(Run(new[] { interest }, complete: false));
        Assert.Single(Run(new[] { interest }, new[] { ConsumerOf("OTHER", "audit") }), f => f.Rule.Id == RuleIds.InterestStreamWithoutConsumer);
    }

    [Fact]
    public void JS1011_RunsWhenTheConsumersAreComplete_AndEachNamesItsStream()
    {
        var interest = SafeStream("EVENTS").With(s => s.Retention = Known(RetentionPolicy.Interest, "retention"));
        var finding = Assert.Single(RunPartial(new[] { interest }, new[] { ConsumerOf("OTHER", "audit") }, consumersComplete: true));
        Assert.StartsWith("Stream 'EVENTS' has interest retention, but nothing here reads it", finding.Message);
        Assert.Empty(RunPartial(new[] { interest }, new[] { ConsumerOf("OTHER", "audit") }, consumersComplete: false));

        // A consumer whose stream is unknown might be the one that reads it.
        var anywhere = ConsumerOf("OTHER", "audit").With(c => c.StreamName = Unknown<string>("stream"));
        Assert.Empty(RunPartial(new[] { interest }, new[] { ConsumerOf("OTHER", "audit"), anywhere }, consumersComplete: true));
        Assert.Empty(Run(new[] { interest }, new[] { anywhere }));
    }

    [Fact]
    public void JS1011_JS1012_OtherReaders_ReadTheirStream_AndAnUnknownOneMightReadAny()
    {
        var c = RuleContext.Default;
        List<Finding> RunWithReaders(StreamModel stream, ConsumerModel consumer, params ConfigValue<string>[] readers) =>
            RuleEngine.Evaluate(new DefinitionSet(new[] { (stream, c) }, new[] { (consumer, c) }, streamsComplete: false, consumersComplete: true, otherReaders: readers));

        var interest = SafeStream("EVENTS").With(s => s.Retention = Known(RetentionPolicy.Interest, "retention"));
        var elsewhere = ConsumerOf("OTHER", "audit");
        Assert.Single(RunWithReaders(interest, elsewhere), f => f.Rule.Id == RuleIds.InterestStreamWithoutConsumer);
        Assert.Single(RunWithReaders(interest, elsewhere, Known<string>("OTHER", "reader")), f => f.Rule.Id == RuleIds.InterestStreamWithoutConsumer);
        Assert.DoesNotContain(RunWithReaders(interest, elsewhere, Known<string>("EVENTS", "reader")), f => f.Rule.Id == RuleIds.InterestStreamWithoutConsumer);
        Assert.DoesNotContain(RunWithReaders(interest, elsewhere, Unknown<string>("reader")), f => f.Rule.Id == RuleIds.InterestStreamWithoutConsumer);

        // A reader's filters are unknown: it might take the subjects no defined consumer takes.
        var jobs = WorkQueue("jobs.email.>", "jobs.sms.>");
        var email = ConsumerOf("JOBS", "email", "jobs.email.>");
        Assert.Single(RunWithReaders(jobs, email), f => f.Rule.Id == RuleIds.WorkQueueSubjectsNotConsumed);
        Assert.DoesNotContain(RunWithReaders(jobs, email, Known<string>("JOBS", "reader")), f => f.Rule.Id == RuleIds.WorkQueueSubjectsNotConsumed);
    }

    // ---------------------------------------------------------------- JS1012

    private static StreamModel WorkQueue(params string[] subjects) =>
        SafeStream("JOBS").With(s => { s.Retention = Known(RetentionPolicy.WorkQueue, "retention"); s.Subjects = List("subjects", subjects); });

    [Fact]
    public void JS1012_SubjectPartlyCovered_ReportedAtTheSubjects()
    {
        var finding = Assert.Single(Run(new[] { WorkQueue("jobs.>") }, new[] { ConsumerOf("JOBS", "email", "jobs.email.>"), ConsumerOf("JOBS", "sms", "jobs.sms.>") }));
        Assert.Equal(RuleIds.WorkQueueSubjectsNotConsumed, finding.Rule.Id);
        Assert.Equal("subjects", finding.Origin);
        Assert.StartsWith("Stream 'JOBS' has subject 'jobs.>', but the consumers' filters take only part of it ('jobs.email.>', 'jobs.sms.>');", finding.Message);
    }

    [Fact]
    public void JS1012_SubjectNoFilterMatches_Reported()
    {
        var finding = Assert.Single(Run(new[] { WorkQueue("jobs.email.>", "jobs.push.>") }, new[] { ConsumerOf("JOBS", "email", "jobs.email.>") }));
        Assert.StartsWith("Stream 'JOBS' has subject 'jobs.push.>', but no consumer's filter matches it;", finding.Message);
    }

    [Fact]
    public void JS1012_NotReported()
    {
        Assert.Empty(Run(new[] { WorkQueue("jobs.email.>", "jobs.sms") }, new[] { ConsumerOf("JOBS", "a", "jobs.email.>"), ConsumerOf("JOBS", "b", "jobs.*") }));
        Assert.Empty(Run(new[] { WorkQueue("jobs.>") }, new[] { ConsumerOf("JOBS", "all") })); // unfiltered takes everything
        Assert.Empty(Run(new[] { WorkQueue("jobs.>") }, new[] { ConsumerOf("JOBS", "email", "jobs.email.>"), ConsumerOf("JOBS", "x").With(c => c.FilterSubject = Unknown<string>("f")) }));
        Assert.Empty(Run(new[] { WorkQueue("jobs.>") })); // no consumers at all
        Assert.Empty(Run(new[] { WorkQueue("jobs.>") }, new[] { ConsumerOf("JOBS", "email", "jobs.email.>") }, complete: false));
        Assert.Empty(Run(new[] { WorkQueue("jobs.>").With(s => s.Retention = Known(RetentionPolicy.Limits, "r")) }, new[] { ConsumerOf("JOBS", "email", "jobs.email.>") }));
    }

    // ---------------------------------------------------------------- with the streams on a server (the live check)

    [Fact]
    public void JS1008_WithServer_ACopyOnlyTheServerHasCounts()
    {
        var critical = WithOptions((OptionKeys.CriticalStreams, "ORDERS"));
        Assert.Empty(Run(new[] { SafeStream() }, context: critical, existing: OnServer(Plain(Mirror("BACKUP", "ORDERS")))));
        Assert.Empty(Run(new[] { SafeStream() }, context: critical, existing: OnServer(Plain(Sourcing("ALL", Source("ORDERS"))))));

        // The files define ALL anew, without the source the server's ALL has: that copy goes with the next apply.
        Assert.Single(Run(new[] { SafeStream(), Sourcing("ALL") }, context: critical, existing: OnServer(Plain(Sourcing("ALL", Source("ORDERS"))))));

        var finding = Assert.Single(Run(new[] { SafeStream() }, context: critical, existing: OnServer(Plain(SafeStream()), Plain(Mirror("BACKUP", "INVOICES")))));
        Assert.StartsWith($"Stream 'ORDERS' is listed in jetstream_critical_streams, but no defined stream and no stream on {Server} mirrors or sources it;", finding.Message);
    }

    [Fact]
    public void JS1009_WithServer_AnOriginOnTheServerIsProvided()
    {
        Assert.Empty(Run(new[] { Mirror("BACKUP", "ORDERS") }, existing: OnServer(Plain(SafeStream()))));

        var finding = Assert.Single(Run(new[] { Mirror("BACKUP", "ORDRES") }, existing: OnServer(Plain(SafeStream()))));
        Assert.StartsWith($"Stream 'BACKUP' mirrors (mirror) stream 'ORDRES', which no definition provides and {Server} doesn't have;", finding.Message);
    }

    [Fact]
    public void JS1011_WithServer_ConsumersOrCopiesOnTheServerRead()
    {
        var interest = SafeStream("EVENTS").With(s => s.Retention = Known(RetentionPolicy.Interest, "retention"));
        Assert.Empty(Run(new[] { interest }, existing: OnServer(Plain(interest, ConsumerOf("EVENTS", "audit")))));
        Assert.Empty(Run(new[] { interest }, existing: OnServer(Plain(Sourcing("ALL", Source("EVENTS"))))));

        var finding = Assert.Single(Run(new[] { interest }, existing: OnServer(Plain(interest), Plain(SafeStream(), ConsumerOf("ORDERS", "worker")))));
        Assert.StartsWith($"Stream 'EVENTS' has interest retention, but no definition and nothing on {Server} reads it (no consumer, mirror or source);", finding.Message);
    }

    [Fact]
    public void JS1012_WithServer_TheServersConsumersTakeSubjectsToo()
    {
        var jobs = WorkQueue("jobs.email.>", "jobs.push.>");
        var defined = new[] { ConsumerOf("JOBS", "email", "jobs.email.>") };
        Assert.Empty(Run(new[] { jobs }, defined, existing: OnServer(Plain(jobs, ConsumerOf("JOBS", "push", "jobs.push.>")))));

        // A consumer the files define replaces the server's of the same name: its filter on the server doesn't count.
        var replaced = Assert.Single(Run(new[] { jobs }, defined, existing: OnServer(Plain(jobs, ConsumerOf("JOBS", "email", "jobs.>")))));
        Assert.StartsWith($"Stream 'JOBS' has subject 'jobs.push.>', but no consumer's filter matches it, counting the consumers on {Server};", replaced.Message);

        // Consumers only on the server: their filters decide.
        var serverOnly = Assert.Single(Run(new[] { jobs }, existing: OnServer(Plain(jobs, ConsumerOf("JOBS", "push", "jobs.push.>")))));
        Assert.StartsWith("Stream 'JOBS' has subject 'jobs.email.>', but no consumer's filter matches it, counting", serverOnly.Message);
    }

    [Fact]
    public void WithServer_AStreamItCouldNotDescribe_KeepsTheRulesSilent()
    {
        var critical = WithOptions((OptionKeys.CriticalStreams, "ORDERS"));
        var interest = SafeStream("EVENTS").With(s => s.Retention = Known(RetentionPolicy.Interest, "retention"));
        var undescribed = new ExistingStreams(Server, new ExistingStream[0], new[] { "EVENTS", "JOBS", "EU" });

        Assert.Empty(Run(new[] { SafeStream() }, context: critical, existing: undescribed)); // it may be the copy
        Assert.Empty(Run(new[] { Sourcing("ALL", Source("EU")) }, existing: undescribed)); // it exists
        Assert.Empty(Run(new[] { interest }, existing: undescribed)); // it may have consumers
        Assert.Empty(Run(new[] { WorkQueue("jobs.>") }, new[] { ConsumerOf("JOBS", "email", "jobs.email.>") }, existing: undescribed));
    }

    [Fact]
    public void WithServer_ConsumersAreListedOnlyForAWorkQueueStreamWithConsumers_AndUnknownWhenTheListFails()
    {
        var lists = new List<string>();
        ExistingStream Stream(StreamModel model, long count, IReadOnlyList<ConsumerModel>? consumers) =>
            new(model.Name.Value!, model, count, () => { lists.Add(model.Name.Value!); return consumers; });

        var interest = SafeStream("EVENTS").With(s => { s.Retention = Known(RetentionPolicy.Interest, "retention"); s.Subjects = List("subjects", "events.>"); });
        var existing = new ExistingStreams(Server, new[] { Stream(interest, 2, null), Stream(WorkQueue("jobs.>"), 1, null), Stream(SafeStream(), 5, null) });
        Assert.Empty(Run(new[] { interest, WorkQueue("jobs.>"), SafeStream() }, new[] { ConsumerOf("JOBS", "email", "jobs.email.>") }, existing: existing));
        Assert.Equal(new[] { "JOBS" }, lists);

        Assert.Null(existing.ConsumersOf("JOBS"));
        Assert.Equal(new[] { "JOBS" }, lists); // read once
        Assert.Empty(existing.ConsumersOf("ORDERS.NONE")!);
    }

    [Fact]
    public void SafeSetsAreSilent() =>
        Assert.Empty(Run(new[] { SafeStream(), Mirror("BACKUP", "ORDERS") }, new[] { ConsumerOf("ORDERS", "worker") }, context: WithOptions((OptionKeys.CriticalStreams, "ORDERS"))));
}
