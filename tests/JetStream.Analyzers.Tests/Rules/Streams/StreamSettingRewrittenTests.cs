using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Streams;
using JetStream.Analyzers.Rules.Text;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

public class StreamSettingRewrittenTests
{
    private static readonly StreamSettingRewritten Rule = new();

    private static StreamModel WithMarkers() => SafeStream().With(s => s.SubjectDeleteMarkerTtl = Known(10 * Durations.Minute, "sdm"));

    [Fact]
    public void MarkerTtl_TurnsTtlAndRollupsOnAndClearsDenyPurge()
    {
        var findings = Run(Rule, WithMarkers());
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(RuleIds.StreamSettingRewritten, f.Rule.Id));
        Assert.All(findings, f => Assert.Equal("sdm", f.Origin));
        Assert.Equal("Stream 'ORDERS' sets subject_delete_marker_ttl without allow_msg_ttl; NATS server 2.15.1 silently turns message TTLs on (allow_msg_ttl: true), so any publisher can give a message its own TTL with the Nats-TTL header. Set allow_msg_ttl to true so that the definition shows what the server runs.", findings[0].Message);
        Assert.Equal("allow_msg_ttl", findings[0].Properties[FixProperties.Field]);
        Assert.Equal("Stream 'ORDERS' sets subject_delete_marker_ttl without allow_rollup_hdrs; NATS server 2.15.1 silently turns roll-ups on (allow_rollup_hdrs: true) and clears deny_purge, so any publisher can purge a subject with a Nats-Rollup header. Set allow_rollup_hdrs to true and deny_purge to false so that the definition shows what the server runs.", findings[1].Message);
        Assert.Equal(("allow_rollup_hdrs", "true", "deny_purge", "false"), (findings[1].Properties[FixProperties.Field], findings[1].Properties[FixProperties.Value], findings[1].Properties[FixProperties.SecondField], findings[1].Properties[FixProperties.SecondValue]));
    }

    [Fact]
    public void MarkerTtlWithTtlAndRollups_NotReported() =>
        Assert.Empty(Run(Rule, WithMarkers().With(s => { s.AllowMsgTtl = Known(true, "ttl"); s.AllowRollupHdrs = Known(true, "r"); s.DenyPurge = default; })));

    [Fact]
    public void MarkerTtlWithoutDenyPurge_OnlyTurnsRollupsOn()
    {
        var finding = Single(Run(Rule, WithMarkers().With(s => { s.AllowMsgTtl = Known(true, "ttl"); s.DenyPurge = default; })));
        Assert.Contains("turns roll-ups on (allow_rollup_hdrs: true), so any", finding.Message);
        Assert.False(finding.Properties.ContainsKey(FixProperties.SecondField));
    }

    [Theory]
    [InlineData("2.10.27", 0)]
    [InlineData("2.11.1", 0)] // rejected there (JS1100)
    [InlineData("2.11.2", 2)]
    [InlineData("2.12.0", 2)]
    public void MarkerTtl_ByRelease(string version, int count) => Assert.Equal(count, Run(Rule, WithMarkers(), Context(version)).Count);

    [Theory]
    [InlineData("2.11.12", 0)]
    [InlineData("2.12.0", 1)]
    public void Schedules_TurnRollupsOnFromTwoTwelve(string version, int count)
    {
        var findings = Run(Rule, SafeStream().With(s => s.AllowMsgSchedules = Known(true, "sched")), Context(version));
        Assert.Equal(count, findings.Count);
        Assert.All(findings, f => Assert.Equal("sched", f.Origin));
        Assert.All(findings, f => Assert.StartsWith("Stream 'ORDERS' sets allow_msg_schedules without allow_rollup_hdrs", f.Message));
    }

    [Fact]
    public void NotReported()
    {
        Assert.Empty(Run(Rule, SafeStream()));
        Assert.Empty(Run(Rule, WithMarkers().With(s => s.Mirror = Known(new StreamSourceModel(), "mirror"))));
        Assert.Empty(Run(Rule, WithMarkers().With(s => s.Mirror = Unknown<StreamSourceModel>("mirror"))));
        Assert.Empty(Run(Rule, WithMarkers().With(s => { s.AllowMsgTtl = Unknown<bool>("ttl"); s.AllowRollupHdrs = Unknown<bool>("r"); })));
        Assert.Empty(Run(Rule, SafeStream().With(s => s.SubjectDeleteMarkerTtl = Unknown<long>("sdm"))));
        Assert.Empty(Run(Rule, SafeStream().With(s => s.SubjectDeleteMarkerTtl = Known(0L, "sdm"))));
    }

    [Fact]
    public void AgreesWithTheLiveCheckNormalisation()
    {
        // What this rule reports is what EffectiveStream (the live check's server defaults) turns on.
        var stream = WithMarkers();
        Assert.True(EffectiveStream.AllowMsgTtl(stream, ServerVersion.Newest));
        Assert.True(EffectiveStream.AllowRollup(stream, ServerVersion.Newest));
        Assert.False(EffectiveStream.DenyPurge(stream, ServerVersion.Newest));
        Assert.Equal(new[] { "allow_msg_ttl", "allow_rollup_hdrs" }, Run(Rule, stream).Select(f => f.Properties[FixProperties.Field]));
    }
}
