using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Streams;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

/// <summary>JS1101: settings newer than the target server, which drops them.</summary>
public class StreamSettingIgnoredByServerTests
{
    private static readonly StreamSettingIgnoredByServer Rule = new();

    private static readonly Dictionary<string, (string Since, Action<StreamModel> Set, Action<StreamModel> Unset)> Settings = new()
    {
        ["discard_new_per_subject"] = ("2.9.1", s => s.DiscardNewPerSubject = Known(true, "here"), s => s.DiscardNewPerSubject = Known(false, "here")),
        ["compression"] = ("2.10.0", s => s.Compression = Known(true, "here"), s => s.Compression = Known(false, "here")),
        ["first_seq"] = ("2.10.0", s => s.FirstSequence = Known(5L, "here"), s => s.FirstSequence = Known(0L, "here")),
        ["subject_transform"] = ("2.10.0", s => s.HasSubjectTransform = Known(true, "here"), s => s.HasSubjectTransform = Known(false, "here")),
        ["consumer_limits"] = ("2.10.0", s => s.HasConsumerLimits = Known(true, "here"), s => s.HasConsumerLimits = Unknown<bool>("here")),
        ["metadata"] = ("2.10.0", s => s.MetadataBytes = Known(12L, "here"), s => s.MetadataBytes = Known(0L, "here")),
        ["allow_msg_ttl"] = ("2.11.0", s => s.AllowMsgTtl = Known(true, "here"), s => s.AllowMsgTtl = Unknown<bool>("here")),
        ["subject_delete_marker_ttl"] = ("2.11.0", s => s.SubjectDeleteMarkerTtl = Known(60_000_000_000L, "here"), s => s.SubjectDeleteMarkerTtl = Unknown<long>("here")),
        ["allow_msg_counter"] = ("2.12.0", s => s.AllowMsgCounter = Known(true, "here"), s => s.AllowMsgCounter = Known(false, "here")),
        ["allow_atomic"] = ("2.12.0", s => s.AllowAtomic = Known(true, "here"), s => s.AllowAtomic = Known(false, "here")),
        ["allow_msg_schedules"] = ("2.12.0", s => s.AllowMsgSchedules = Known(true, "here"), s => s.AllowMsgSchedules = Known(false, "here")),
        ["persist_mode"] = ("2.12.0", s => s.AsyncPersist = Known(true, "here"), s => s.AsyncPersist = Known(false, "here")),
        ["allow_batched"] = ("2.14.0", s => s.AllowBatched = Known(true, "here"), s => s.AllowBatched = Known(false, "here")),
    };

    public static IEnumerable<object[]> Names => Settings.Keys.Select(k => new object[] { k });

    private static ServerVersion JustBefore(ServerVersion v) =>
        v.Patch > 0 ? new ServerVersion(v.Major, v.Minor, v.Patch - 1) : new ServerVersion(v.Major, v.Minor - 1, 99);

    [Theory]
    [MemberData(nameof(Names))]
    public void ReportedJustBeforeTheReleaseThatKnowsIt(string field)
    {
        var (since, set, _) = Settings[field];
        var version = JustBefore(ServerVersion.Parse(since));
        var finding = Single(Run(Rule, SafeStream().With(set), Context(version)));
        Assert.Equal("here", finding.Origin);
        if (version.AtLeast(2, 12))
        {
            // From 2.12 the server rejects unknown fields instead of dropping them.
            Assert.Equal(RuleIds.StreamRejectedByServer, finding.Rule.Id);
            Assert.Equal($"Stream 'ORDERS' is rejected by NATS server {version}: invalid JSON: unknown field \"{field}\" ({field} needs server {since})", finding.Message);
        }
        else
        {
            Assert.Equal(RuleIds.StreamSettingIgnoredByServer, finding.Rule.Id);
            Assert.Equal($"Stream 'ORDERS' sets {field}, which NATS server {version} does not know and silently drops (it needs {since} or later)", finding.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void NotReportedFromTheReleaseThatKnowsIt(string field)
    {
        var (since, set, _) = Settings[field];
        Assert.Empty(Run(Rule, SafeStream().With(set), Context(since)));
        Assert.Empty(Run(Rule, SafeStream().With(set)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void OffOrUnknown_NotReported(string field) =>
        Assert.Empty(Run(Rule, SafeStream().With(Settings[field].Unset), Context("2.9.0")));

    [Fact]
    public void DefaultedSetting_ReportedOnTheStream()
    {
        var finding = Single(Run(Rule, SafeBucket().With(s => s.Compression = ConfigValue<bool>.Defaulted(true)), Context("2.9.0")));
        Assert.Equal(StreamOrigin, finding.Origin);
        Assert.StartsWith("Key-value bucket 'cfg' sets compression", finding.Message);
    }

    [Fact]
    public void FieldNames_ComeFromTheFrontEnd()
    {
        var context = new RuleContext(RuleOptions.Default, ServerVersion.Parse("2.9.0"), (json, kind) => kind + ":" + json);
        var finding = Single(Run(Rule, SafeStream().With(s => s.Compression = Known(true, "c")), context));
        Assert.Equal("Stream:compression", finding.Arguments[1]);
    }
}
