using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JetStream.Analyzers.Benchmarks;

/// <summary>One analyzer or analyzer assembly row of the compiler's ReportAnalyzer table.</summary>
internal sealed record AnalyzerRow(string Name, double Seconds, bool IsAssembly);

/// <summary>
/// What one <c>dotnet build -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary</c> printed: the Csc task time from
/// the task performance summary and the compiler's "Total analyzer execution time" table.
/// </summary>
internal sealed partial class BuildReport
{
    private BuildReport(double cscSeconds, double totalAnalyzerSeconds, IReadOnlyList<AnalyzerRow> rows)
    {
        CscSeconds = cscSeconds;
        TotalAnalyzerSeconds = totalAnalyzerSeconds;
        Rows = rows;
    }

    /// <summary>Time MSBuild spent in the Csc task: parsing, binding, analyzers, generators and emit.</summary>
    public double CscSeconds { get; }

    /// <summary>All analyzers (SDK analyzers included), summed over concurrent callbacks.</summary>
    public double TotalAnalyzerSeconds { get; }

    public IReadOnlyList<AnalyzerRow> Rows { get; }

    /// <summary>Sum of the assembly rows of the JetStream.Analyzers assemblies (0 when they are not listed).</summary>
    public double JetStreamSeconds => Rows.Where(r => r.IsAssembly && IsJetStream(r.Name)).Sum(r => r.Seconds);

    /// <summary>Sum of the assembly rows of the SDK's code-quality analyzers (Microsoft.CodeAnalysis.NetAnalyzers and its C# part).</summary>
    public double NetAnalyzersSeconds => Rows.Where(r => r.IsAssembly && IsNetAnalyzers(r.Name)).Sum(r => r.Seconds);

    /// <summary>The JetStream analyzer types listed, by their full type name.</summary>
    public IEnumerable<string> JetStreamAnalyzers => Rows.Where(r => !r.IsAssembly && IsJetStream(r.Name)).Select(r => TypeName(r.Name)).Distinct();

    public double AnalyzerSeconds(string typeName) => Rows.Where(r => !r.IsAssembly && TypeName(r.Name) == typeName).Sum(r => r.Seconds);

    private static bool IsJetStream(string name) => name.StartsWith("JetStream.Analyzers", StringComparison.Ordinal);

    private static bool IsNetAnalyzers(string name) =>
        name.StartsWith("Microsoft.CodeAnalysis.NetAnalyzers,", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.CodeAnalysis.CSharp.NetAnalyzers,", StringComparison.Ordinal);

    /// <summary>"JetStream.Analyzers.X (JS1001, …)" → "JetStream.Analyzers.X".</summary>
    private static string TypeName(string row) => row.Split(' ', 2)[0];

    public static BuildReport Parse(string log) => Parse(log, requireCsc: true);

    private static BuildReport Parse(string log, bool requireCsc)
    {
        double? csc = null;
        double? total = null;
        var rows = new List<AnalyzerRow>();
        var inAnalyzerTable = false;
        foreach (var rawLine in log.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (CscSummary().Match(line) is { Success: true } cscMatch)
            {
                csc = double.Parse(cscMatch.Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0;
                continue;
            }

            if (TotalAnalyzers().Match(line) is { Success: true } totalMatch)
            {
                total = ParseSeconds(totalMatch.Groups[1].Value);
                inAnalyzerTable = true;
                continue;
            }

            if (!inAnalyzerTable)
            {
                continue;
            }

            if (line.Contains("Total generator execution time", StringComparison.Ordinal) || line.Contains("Done executing task", StringComparison.Ordinal))
            {
                inAnalyzerTable = false;
                continue;
            }

            if (Row().Match(line) is { Success: true } row)
            {
                var name = row.Groups[3].Value.Trim();
                rows.Add(new AnalyzerRow(name, ParseSeconds(row.Groups[1].Value), name.Contains(", Version=", StringComparison.Ordinal)));
            }
        }

        if (csc is null && requireCsc || total is null)
        {
            throw new InvalidDataException("The build log has no " + (total is not null ? "Csc task time (Task Performance Summary)" : "'Total analyzer execution time'") + ".");
        }

        return new BuildReport(csc ?? 0, total.Value, rows);
    }

    /// <summary>
    /// What csc itself printed with /reportanalyzer (a replayed command line): the analyzer table, with
    /// <paramref name="wallSeconds"/>, csc's wall time, as the Csc time.
    /// </summary>
    public static BuildReport ParseCompilerOutput(string output, double wallSeconds)
    {
        var report = Parse(output, requireCsc: false);
        return new BuildReport(wallSeconds, report.TotalAnalyzerSeconds, report.Rows);
    }

    /// <summary>ReportAnalyzer prints "&lt;0.001" for times under a millisecond; count them as 0.</summary>
    private static double ParseSeconds(string text) =>
        text.StartsWith('<') ? 0 : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>JetStream diagnostics in the compiler's SARIF error log, by rule id.</summary>
    public static SortedDictionary<string, int> CountDiagnostics(string sarifPath)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (!File.Exists(sarifPath))
        {
            return counts;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var id = result.TryGetProperty("ruleId", out var ruleId) ? ruleId.GetString() : null;
                var suppressed = result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0;
                if (id is not null && id.StartsWith("JS", StringComparison.Ordinal) && !suppressed)
                {
                    counts[id] = counts.TryGetValue(id, out var count) ? count + 1 : 1;
                }
            }
        }

        return counts;
    }

    [GeneratedRegex(@"^\s*(\d+)\s+ms\s+Csc\s+\d+\s+calls", RegexOptions.CultureInvariant)]
    private static partial Regex CscSummary();

    [GeneratedRegex(@"Total analyzer execution time:\s*(\S+)\s+seconds", RegexOptions.CultureInvariant)]
    private static partial Regex TotalAnalyzers();

    [GeneratedRegex(@"^\s*(<?\d+(?:\.\d+)?)\s+(<?\d+)\s+(\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Row();
}
