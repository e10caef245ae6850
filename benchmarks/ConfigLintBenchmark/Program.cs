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

    // Inputs that were quadratic or flooded the log (issues 12 and 15): each must stay near-linear.
    Console.WriteLine();
    Console.WriteLine("worst case                                          files  findings  median ms  target");
    const string limits = "max_bytes: 1073741824\nmax_age: 604800000000000\nnum_replicas: 3\ndeny_delete: true\ndeny_purge: true\n";
    var cases = new (string Name, Func<string, List<string>> Write, double TargetMs)[]
    {
        ("10,000 stream files, subjects orders.r<i>.> (issue 12)", dir => Files(dir, 10_000, i => $"name: S{i}\nsubjects: [orders.r{i}.>]\n{limits}"), 2_000),
        ("500 stream files on one subject", dir => Files(dir, 500, i => $"name: S{i}\nsubjects: [same.subject]\n{limits}"), 0),
        ("one file, 2,000 documents of one stream", dir => Files(dir, 1, _ => string.Concat(Enumerable.Repeat($"---\nname: SAME\nsubjects: [same.>]\n{limits}", 2_000))), 0),
        ("one file, 50,000 streams with subject *.w<i>", dir => Files(dir, 1, _ => string.Concat(Enumerable.Range(0, 50_000).Select(i => $"---\nname: S{i}\nsubjects: [\"*.w{i}\"]\n{limits}"))), 0),
        ("one stream with 100,000 subjects", dir => Files(dir, 1, _ => $"name: BIG\nsubjects: [{string.Join(", ", Enumerable.Range(0, 100_000).Select(i => $"big.s{i}"))}]\n{limits}"), 0),
        ("one consumer with 20,000 filter_subjects", dir => Files(dir, 1, _ => $"stream_name: BIG\nconfig:\n  durable_name: c\n  ack_policy: explicit\n  max_deliver: 5\n  backoff: [1000000000]\n  filter_subjects: [{string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"big.f{i}"))}]\n"), 0),
    };
    foreach (var (name, write, targetMs) in cases)
    {
        var dir = Path.Combine(root, "worst-" + Array.IndexOf(cases.Select(c => c.Name).ToArray(), name));
        var paths = write(dir);
        var times = new List<double>();
        var findings = 0;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            findings = Lint(paths, root);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times[1];
        var verdict = targetMs > 0 ? (median <= targetMs ? $"≤ {targetMs:N0} ms: met" : $"≤ {targetMs:N0} ms: MISSED") : "-";
        Console.WriteLine($"{name,-51} {paths.Count,5} {findings,9} {median,10:F0}  {verdict}");
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

static List<string> Files(string dir, int count, Func<int, string> content)
{
    Directory.CreateDirectory(dir);
    var paths = new List<string>(count);
    for (var i = 0; i < count; i++)
    {
        var path = Path.Combine(dir, $"s{i}.yaml");
        File.WriteAllText(path, content(i));
        paths.Add(path);
    }

    return paths;
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
