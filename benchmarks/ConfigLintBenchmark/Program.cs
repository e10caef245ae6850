using System.Diagnostics;
using System.Globalization;
using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.ConfigFiles.Linting;
using JetStream.Analyzers.Rules.Evaluation;

// Lints generated repositories of stream and consumer definitions the way the MSBuild task does (per-file
// .editorconfig lookup included) and prints files per second and peak memory. Targets on 2 cores:
// at least 10,000 JSON files/s and 3,000 YAML files/s; memory bounded by the largest file and the model.
var files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var root = Directory.CreateTempSubdirectory("jetstream-lint-bench-").FullName;
try
{
    Console.WriteLine($"Generating {files} files per corpus in {root} ...");
    var json = Corpus.Write(Path.Combine(root, "json"), files, yaml: false);
    var yaml = Corpus.Write(Path.Combine(root, "yaml"), files, yaml: true);
    var mixed = json.Take(files / 2).Concat(yaml.Skip(files / 2)).ToList();
    File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n\n[*.{json,yaml}]\njetstream_min_replicas = 3\n");

    Console.WriteLine();
    Console.WriteLine("corpus  files  findings  median ms  files/s   peak working set  managed heap after");
    foreach (var (name, paths, target) in new[] { ("json", json, 10_000.0), ("yaml", yaml, 3_000.0), ("mixed", mixed, 0.0) })
    {
        var times = new List<double>();
        var findings = 0;
        long heap = 0;
        for (var run = 0; run < runs + 1; run++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            findings = Lint(paths, root);
            watch.Stop();
            heap = GC.GetTotalMemory(forceFullCollection: false);
            if (run > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds); // run 0 warms up the JIT
            }
        }

        times.Sort();
        var median = times[times.Count / 2];
        var rate = paths.Count / (median / 1000);
        var verdict = target > 0 ? (rate >= target ? $"  (target {target:N0}/s: met)" : $"  (target {target:N0}/s: MISSED)") : string.Empty;
        Console.WriteLine($"{name,-6} {paths.Count,6} {findings,9} {median,10:F0} {rate,9:N0} {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,14:F0} MiB {heap / 1048576.0,12:F0} MiB{verdict}");
    }

    var largest = json.Concat(yaml).Max(p => new FileInfo(p).Length);
    var total = json.Concat(yaml).Sum(p => new FileInfo(p).Length);
    Console.WriteLine();
    Console.WriteLine($"corpus text: {total / 1048576.0:F1} MiB in total, largest file {largest / 1024.0:F1} KiB; {Environment.ProcessorCount} cores");
}
finally
{
    Directory.Delete(root, recursive: true);
}

static int Lint(IReadOnlyList<string> paths, string root)
{
    var editorConfig = new EditorConfigResolver();
    RuleContext ContextFor(string path)
    {
        var properties = editorConfig.PropertiesFor(path);
        return new RuleContext(new RuleOptions(key => properties.TryGetValue(key, out var v) ? v : null), ServerVersion.Parse("2.10.14"));
    }

    return new ConfigFileLinter(ContextFor, root).Lint(paths).Count;
}
