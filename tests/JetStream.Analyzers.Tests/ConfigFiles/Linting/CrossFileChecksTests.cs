using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.ConfigFiles.Linting;

/// <summary>
/// Issue 15, items 7 to 9: list comparisons are near-linear and output is capped. The timeouts only guard the test
/// run (speed is measured in benchmarks/ConfigLintBenchmark); the assertions are that the work finishes and what it reports.
/// </summary>
public sealed class CrossFileChecksTests
{
    private const string Limits = "max_bytes: 1073741824\nmax_age: 604800000000000\nnum_replicas: 3\ndeny_delete: true\ndeny_purge: true\n";

    [Fact]
    public async Task FiftyThousandStreamsWithWildcardSubjects_Finish()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            yaml.Append("---\nname: S").Append(i).Append("\nsubjects: [\"*.w").Append(i).Append("\"]\n").Append(Limits);
        }

        using var repo = new ConfigRepo().With("streams.yaml", yaml.ToString());

        var lines = await Task.Run(() => repo.Lint()).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.DoesNotContain(lines, l => l.Contains("JS4006", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiveHundredStreamsOnOneSubject_GetOneFindingEach_WithTheOthersCapped()
    {
        using var repo = new ConfigRepo();
        for (var i = 0; i < 500; i++)
        {
            repo.With($"s{i:D3}.yaml", $"name: S{i:D3}\nsubjects: [same.subject]\n{Limits}");
        }

        var lines = await Task.Run(() => repo.Lint()).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(500, lines.Count);
        Assert.Equal(
            "s000.yaml(2,11): JS4006: Stream 'S000' has subject 'same.subject', which overlaps subject 'same.subject' of stream 'S001' in s001.yaml(1,7); it also overlaps 498 more streams: s002.yaml(1,7), s003.yaml(1,7), s004.yaml(1,7), s005.yaml(1,7), s006.yaml(1,7), s007.yaml(1,7), s008.yaml(1,7), s009.yaml(1,7), s010.yaml(1,7), s011.yaml(1,7) and 488 more; the server refuses the second stream ('subjects overlap with an existing stream')",
            lines[0]);
    }

    [Fact]
    public async Task TwoThousandDocumentsOfOneStream_ListTenLocationsAndCapTheFindings()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            yaml.Append("---\nname: SAME\nsubjects: [same.>]\n").Append(Limits);
        }

        using var repo = new ConfigRepo().With("same.yaml", yaml.ToString());

        var lines = await Task.Run(() => repo.Lint()).WaitAsync(TimeSpan.FromMinutes(2));

        var duplicates = lines.Where(l => l.Contains(": JS4004:", StringComparison.Ordinal)).ToList();
        Assert.Equal(100, duplicates.Count);
        Assert.Contains(
            "same.yaml(2,7): JS4004: Stream 'SAME' is defined more than once: here and in same.yaml(10,7), same.yaml(18,7), same.yaml(26,7), same.yaml(34,7), same.yaml(42,7), same.yaml(50,7), same.yaml(58,7), same.yaml(66,7), same.yaml(74,7), same.yaml(82,7) and 1,989 more",
            duplicates);
        Assert.Equal(
            new[] { "same.yaml(802,7): JS4011: 1,900 more JS4004 findings in this file are not listed after the first 100; fix those and build again to see the rest" },
            lines.Where(l => l.Contains("JS4011", StringComparison.Ordinal)));
        Assert.True(lines.Sum(l => l.Length) < 200_000, $"{lines.Sum(l => l.Length)} characters of output");
    }

    [Fact]
    public async Task TenThousandStreamFilesOnDisjointWildcards_HaveNoOverlap()
    {
        using var repo = new ConfigRepo();
        for (var i = 0; i < 10_000; i++)
        {
            repo.With($"streams/s{i}.yaml", $"name: S{i}\nsubjects: [orders.r{i}.>]\n{Limits}");
        }

        repo.With("streams/all.yaml", $"name: ALL\nsubjects: [orders.*.x]\n{Limits}");

        var lines = await Task.Run(() => repo.Lint()).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(10_001, lines.Count);
        Assert.StartsWith("streams/all.yaml(2,11): JS4006: Stream 'ALL' has subject 'orders.*.x', which overlaps subject 'orders.r0.>' of stream 'S0' in streams/s0.yaml(1,7); it also overlaps 9999 more streams: ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(" and 9,989 more; the server refuses the second stream ('subjects overlap with an existing stream')", lines[0], StringComparison.Ordinal);
    }
}
