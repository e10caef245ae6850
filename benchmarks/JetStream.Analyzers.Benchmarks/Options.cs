using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace JetStream.Analyzers.Benchmarks;

internal sealed class Options
{
    public const string Usage = """
        usage: dotnet run -c Release --project benchmarks/JetStream.Analyzers.Benchmarks -- [options]
          --runs N                measured builds per project, after one warm-up build (default 3)
          --files N               C# files per generated project (default 1000)
          --projects LIST         which generated projects to build, comma-separated (default nats,dense,plain):
                                  nats  = mixed service code, dense = nothing but JetStream wiring, plain = no NATS.Net,
                                  dense-clean = dense with every configuration safe (no diagnostics: the analysis
                                  alone, without the compiler's cost of reporting 4,253 diagnostics)
          --compiler process|server|sequential
                                  process: -p:UseSharedCompilation=false, a fresh csc per build, so the analyzers are
                                           loaded and JIT-compiled in every build, as in CI (default);
                                  server:  -p:UseSharedCompilation=true, the warm compiler server of an inner dev loop
                                           (the server this run starts is stopped by its process id at the end)
                                  sequential: each measured run replays the build's own csc command line (from the
                                           warm-up build's log) with /parallel-, so analyzers run one at a time:
                                           no contention between callbacks, steadier figures; Csc is csc's wall time
          --work DIR              generate and build in DIR and keep it (default: a temp folder, deleted afterwards)
          --keep                  keep the temp folder (logs, generated projects, SARIF files)
          --profile               instead of the build table: build the first NATS project of --projects once, then
                                  replay its compilation in-process and time each JetStream analyzer alone against
                                  baseline analyzers that do only the syntax walk, or the walk plus GetOperation
          --analyzer-dll PATH     with --profile: time this JetStream.Analyzers.dll (a local build of a candidate fix,
                                  Release, JetStream.Analyzers.Rules.dll beside it) instead of the packed one
        """;

    public int Runs { get; private set; } = 3;

    public int Files { get; private set; } = 1000;

    public string Compiler { get; private set; } = "process";

    public IReadOnlyList<string> Projects { get; private set; } = DefaultProjects;

    public string? Work { get; private set; }

    public bool Keep { get; private set; }

    public bool Help { get; private set; }

    public bool Profile { get; private set; }

    public string? AnalyzerDll { get; private set; }

    public static readonly string[] DefaultProjects = ["nats", "dense", "plain"];

    public static readonly string[] AllProjects = ["nats", "dense", "dense-clean", "plain"];

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--runs":
                    options.Runs = Positive(Value());
                    break;
                case "--files":
                    options.Files = Positive(Value());
                    break;
                case "--compiler":
                    var compiler = Value();
                    options.Compiler = compiler is "server" or "process" or "sequential" ? compiler : throw new ArgumentException("--compiler is process, server or sequential");
                    break;
                case "--projects":
                    var projects = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    options.Projects = projects.Length > 0 && projects.All(p => AllProjects.Contains(p)) && projects.Distinct().Count() == projects.Length
                        ? projects
                        : throw new ArgumentException("--projects is a comma-separated list of " + string.Join(", ", AllProjects));
                    break;
                case "--work":
                    options.Work = Path.GetFullPath(Value());
                    break;
                case "--keep":
                    options.Keep = true;
                    break;
                case "--analyzer-dll":
                    options.AnalyzerDll = Path.GetFullPath(Value());
                    break;
                case "--profile":
                    options.Profile = true;
                    break;
                case "-h" or "--help":
                    options.Help = true;
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return options;
    }

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"expected a positive number, got '{text}'");
}
