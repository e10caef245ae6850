using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace JetStream.Analyzers.Benchmarks;

/// <summary>
/// Packs the analyzers the way users get them, generates a NATS.Net service and an ordinary project of the same
/// size, builds each several times with -p:ReportAnalyzer=true, and prints the JetStream analyzers' share of the
/// compile time (medians). See benchmarks/README.md.
/// </summary>
internal static class Program
{
    private const double NatsShareTarget = 0.02;
    private const double PlainSecondsTarget = 0.01;
    private const double DenseRatioTarget = 1.0;
    private const double AnalyzerRatioTarget = 0.25;

    private static int Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(Options.Usage);
            return 0;
        }

        var root = FindRepositoryRoot();
        var work = options.Work ?? Directory.CreateTempSubdirectory("jetstream-analyzers-bench-").FullName;
        Directory.CreateDirectory(work);
        var version = "0.0.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Console.WriteLine($"repository: {root}");
        Console.WriteLine($"work folder: {work}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInfo()}");
        try
        {
            return Run(options, root, work, version);
        }
        finally
        {
            if (options.Compiler == "server")
            {
                CompilerServer.Stop(PipeName(version));
            }

            RemoveExtractedPackage(version);
            if (!options.Keep && options.Work is null)
            {
                TryDelete(work);
            }
        }
    }

    private static int Run(Options options, string root, string work, string version)
    {
        var feed = Path.Combine(work, "feed");
        Step($"dotnet pack -c Release (version {version})");
        Dotnet.RunChecked(root, Path.Combine(work, "pack.log"), "pack", "-c", "Release", "-o", feed, $"-p:Version={version}");
        var packages = Directory.GetFiles(feed, $"JetStream.Analyzers.{version}.nupkg");
        if (packages.Length != 1)
        {
            throw new InvalidOperationException("dotnet pack produced no JetStream.Analyzers package, only: " + string.Join(", ", Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName)));
        }

        var projects = options.Projects.Select(name => name switch
        {
            "nats" => GeneratedProject.Write(work, "nats", options.Files, references: true, feed, version, NatsCode.File),
            "dense" => GeneratedProject.Write(work, "dense", options.Files, references: true, feed, version, n => DenseCode.File(n, clean: false)),
            "dense-clean" => GeneratedProject.Write(work, "dense-clean", options.Files, references: true, feed, version, n => DenseCode.File(n, clean: true)),
            _ => GeneratedProject.Write(work, "plain", options.Files, references: false, feed, version, PlainCode.File),
        }).ToArray();
        foreach (var project in projects)
        {
            Step($"dotnet restore {project.Name} ({project.Files} files, {project.Lines:N0} lines)");
            Dotnet.RunChecked(project.Directory, Path.Combine(work, $"restore-{project.Name}.log"), "restore", "-nodeReuse:false");
        }

        if (options.Profile)
        {
            var nats = projects.FirstOrDefault(p => p.ReferencesNats)
                ?? throw new InvalidOperationException("--profile needs a project that references NATS.Net in --projects");
            var profileLog = Path.Combine(work, $"build-{nats.Name}-profile.log");
            Step($"dotnet build {nats.Name} (for its csc command line and generated files)");
            if (Dotnet.Run(nats.Directory, profileLog, BuildArguments(options, PipeName(version))) != 0)
            {
                throw new InvalidOperationException($"dotnet build {nats.Name} failed; see {profileLog}");
            }

            Profile.Run(profileLog, nats.Directory, options.Runs, options.AnalyzerDll);
            return 0;
        }

        var results = projects.ToDictionary(p => p.Name, _ => new List<BuildReport>());
        var diagnostics = new Dictionary<string, SortedDictionary<string, int>>();
        for (var run = 0; run <= options.Runs; run++)
        {
            foreach (var project in projects)
            {
                var label = run == 0 ? "warm-up" : $"run {run}/{options.Runs}";
                var log = Path.Combine(work, $"build-{project.Name}-{run}.log");
                var replay = options.Compiler == "sequential" && run > 0;
                var wall = Stopwatch.StartNew();
                var exitCode = replay
                    ? CompilerReplay.Run(project.Directory, Path.Combine(work, $"build-{project.Name}-0.log"), log)
                    : Dotnet.Run(project.Directory, log, BuildArguments(options, PipeName(version)));
                wall.Stop();
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"{(replay ? "csc" : "dotnet build")} {project.Name} failed (exit {exitCode}); see {log}");
                }

                var report = replay ? BuildReport.ParseCompilerOutput(File.ReadAllText(log), wall.Elapsed.TotalSeconds) : BuildReport.Parse(File.ReadAllText(log));
                var counts = BuildReport.CountDiagnostics(project.Sarif);
                Step($"{project.Name,-5} {label,-9} build {wall.Elapsed.TotalSeconds,6:0.0} s  csc {report.CscSeconds,6:0.000} s  "
                    + $"all analyzers {report.TotalAnalyzerSeconds,6:0.000} s  JetStream {report.JetStreamSeconds,6:0.000} s  "
                    + $"({Percent(report.JetStreamSeconds, report.CscSeconds)})  NetAnalyzers {report.NetAnalyzersSeconds,6:0.000} s  diagnostics {counts.Values.Sum()}");
                if (diagnostics.TryGetValue(project.Name, out var previous) && !previous.SequenceEqual(counts))
                {
                    throw new InvalidOperationException($"{project.Name}: the diagnostics differ between runs");
                }

                diagnostics[project.Name] = counts;
                if (run > 0)
                {
                    results[project.Name].Add(report);
                }
            }
        }

        return Print(options, projects, results, diagnostics);
    }

    private static string[] BuildArguments(Options options, string pipeName)
    {
        var arguments = new List<string>
        {
            "build", "-c", "Release", "--no-restore", "--no-incremental", "-nodeReuse:false",
            "-p:ReportAnalyzer=true", "-v:d", "-clp:PerformanceSummary",
        };
        // Explicit either way: this machine's environment sets UseSharedCompilation=false, a developer's usually doesn't.
        arguments.Add("-p:UseSharedCompilation=" + (options.Compiler == "server" ? "true" : "false"));
        if (options.Compiler == "server")
        {
            // A pipe of our own: the server is not shared with anyone else's builds and can be stopped by its id.
            arguments.Add("-p:SharedCompilationId=" + pipeName);
        }

        return [.. arguments];
    }

    private static int Print(Options options, GeneratedProject[] projects, Dictionary<string, List<BuildReport>> results, Dictionary<string, SortedDictionary<string, int>> diagnostics)
    {
        var output = new StringBuilder();
        var failures = new List<string>();
        output.AppendLine();
        output.AppendLine($"Medians of {options.Runs} runs (after one warm-up build each); compiler: {options.Compiler switch
        {
            "server" => "warm shared compiler server (UseSharedCompilation=true)",
            "sequential" => "the warm-up build's csc command line replayed with /parallel- (analyzers one at a time; Csc is csc's wall time)",
            _ => "a fresh csc process per build (UseSharedCompilation=false)",
        }}.");
        output.AppendLine("Analyzer times are ReportAnalyzer's figures, summed over concurrent callbacks; ratios and shares are medians of the per-run ratios.");
        output.AppendLine();
        output.AppendLine("| project | files | lines | JetStream call sites | JetStream diagnostics | compile (Csc) | all analyzers | NetAnalyzers | JetStream analyzers | JetStream / NetAnalyzers | share of compile | target | result |");
        output.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var project in projects)
        {
            var reports = results[project.Name];
            var jetStream = Median(reports.Select(r => r.JetStreamSeconds));
            var share = Median(reports.Select(r => r.JetStreamSeconds / r.CscSeconds));
            var ratio = Median(reports.Select(r => r.JetStreamSeconds / r.NetAnalyzersSeconds));
            var (target, pass) = project.Name switch
            {
                "dense" or "dense-clean" => ($"≤ {DenseRatioTarget:0.0}× NetAnalyzers and ≤ 2% of compile", ratio <= DenseRatioTarget && share <= NatsShareTarget),
                _ when project.ReferencesNats => ("< 2% of compile", share < NatsShareTarget),
                _ => ($"nothing measurable (< {PlainSecondsTarget} s)", jetStream < PlainSecondsTarget),
            };
            if (!pass)
            {
                failures.Add($"{project.Name}: {target}");
            }

            output.AppendLine($"| {project.Name} (NATS.Net {(project.ReferencesNats ? "referenced" : "not referenced")}) | {project.Files} | {project.Lines:N0} | {project.CallSites:N0} | "
                + $"{diagnostics[project.Name].Values.Sum()} | {Median(reports.Select(r => r.CscSeconds)):0.000} s | "
                + $"{Median(reports.Select(r => r.TotalAnalyzerSeconds)):0.000} s | {Median(reports.Select(r => r.NetAnalyzersSeconds)):0.000} s | {Seconds(jetStream)} | "
                + $"{ratio:0.00}× | {Percent(share)} | {target} | {(pass ? "PASS" : "FAIL")} |");
        }

        foreach (var project in projects.Where(p => p.ReferencesNats))
        {
            var reports = results[project.Name];
            output.AppendLine();
            output.AppendLine($"Per analyzer ({project.Name} project, {project.CallSites:N0} JetStream call sites; target: each ≤ {AnalyzerRatioTarget:0.00}× NetAnalyzers):");
            output.AppendLine();
            output.AppendLine("| analyzer | time | per call site | / NetAnalyzers | result |");
            output.AppendLine("| --- | ---: | ---: | ---: | --- |");
            foreach (var analyzer in reports.SelectMany(r => r.JetStreamAnalyzers).Distinct().OrderByDescending(a => Median(reports.Select(r => r.AnalyzerSeconds(a)))))
            {
                var seconds = Median(reports.Select(r => r.AnalyzerSeconds(analyzer)));
                var ratio = Median(reports.Select(r => r.AnalyzerSeconds(analyzer) / r.NetAnalyzersSeconds));
                var pass = ratio <= AnalyzerRatioTarget;
                if (!pass)
                {
                    failures.Add($"{project.Name}: {analyzer} ≤ {AnalyzerRatioTarget:0.00}× NetAnalyzers");
                }

                var perCallSite = project.CallSites == 0 ? "n/a" : (seconds / project.CallSites * 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " µs";
                output.AppendLine($"| {analyzer["JetStream.Analyzers.".Length..]} | {Seconds(seconds)} | {perCallSite} | {ratio:0.000}× | {(pass ? "PASS" : "FAIL")} |");
            }

            output.AppendLine();
            output.AppendLine($"Diagnostics by rule ({project.Name} project): " + string.Join(", ", diagnostics[project.Name].Select(p => $"{p.Key} {p.Value}")));
        }

        output.AppendLine();
        foreach (var project in projects)
        {
            output.AppendLine($"Runs ({project.Name}): " + string.Join("; ", results[project.Name].Select(r =>
                $"csc {r.CscSeconds:0.000} s, NetAnalyzers {r.NetAnalyzersSeconds:0.000} s, JetStream {Seconds(r.JetStreamSeconds)} ({Percent(r.JetStreamSeconds, r.CscSeconds)})")));
        }

        Console.Write(output.ToString());
        Console.WriteLine(failures.Count == 0 ? "All targets met." : "Targets missed: " + string.Join("; ", failures));
        return failures.Count == 0 ? 0 : 1;
    }

    private static string PipeName(string version) => "jetstream-bench-" + version;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Seconds(double seconds) => seconds < 0.001 ? "<0.001 s" : seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    private static string Percent(double part, double whole) => Percent(part / whole);

    private static string Percent(double share) => share < 0.0001 ? "<0.01%" : (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static void Step(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static string RuntimeInfo() => System.Runtime.InteropServices.RuntimeInformation.OSDescription + ", .NET " + Environment.Version;

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "JetStream.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run from inside the JetStream.Analyzers repository (JetStream.Analyzers.sln not found).");
    }

    /// <summary>Restore extracted the one-off package version into the global packages folder; don't leave it there.</summary>
    private static void RemoveExtractedPackage(string version)
    {
        var home = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(home, "jetstream.analyzers", version));
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"could not delete {directory}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"could not delete {directory}: {e.Message}");
        }
    }
}
