using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using JetStream.Analyzers.ConfigFiles.Reporting;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Lint.Output;

namespace JetStream.Lint;

/// <summary>jetstream-lint: parse the command line, select the files, lint, write the report, summarize on stderr.</summary>
public static class LintCommand
{
    public const int Clean = 0;
    public const int ErrorsFound = 1;
    public const int UsageOrIoError = 2;

    public static string Version { get; } =
        typeof(LintCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <param name="interactive">stderr is a terminal: show progress when linting takes a while.</param>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string currentDirectory, Func<string, string?> environment, bool interactive = false)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var options = LintOptions.Parse(args);
            if (options.ShowHelp)
            {
                stdout.WriteLine(LintOptions.Usage);
                return Clean;
            }

            if (options.ShowVersion)
            {
                stdout.WriteLine(Version);
                return Clean;
            }

            var output = options.Output is null ? null : CheckOutput(options.Output, currentDirectory);
            if (options.Report)
            {
                return Report(new LintRunner(options, currentDirectory, environment), output, stdout, stderr);
            }

            var files = FileSelection.Resolve(options.Paths, options.Includes, options.Excludes, currentDirectory);
            if (files.Count == 0)
            {
                stderr.WriteLine($"jetstream-lint: no files to lint in {string.Join(", ", options.Paths.Select(p => $"'{p}'"))} (searched: {string.Join(", ", options.Includes.Count > 0 ? options.Includes : FileSelection.DefaultIncludes)}); name files or use --include");
            }

            var runner = new LintRunner(options, currentDirectory, environment);
            List<ReportedFinding> findings;
            using (interactive ? new Progress(stderr, files.Count) : null)
            {
                findings = runner.Run(files);
            }

            var report = options.Format switch
            {
                OutputFormat.Sarif => SarifLog.Write(findings, "jetstream-lint", Version, currentDirectory),
                OutputFormat.GitHub => GitHubReport.Render(findings, currentDirectory),
                OutputFormat.Json => JsonReport.Render(findings, files.Count, currentDirectory),
                _ => TextReport.Render(findings, currentDirectory),
            };
            if (output is null)
            {
                stdout.Write(report);
            }
            else
            {
                WriteWhole(output, report);
            }

            if (runner.LiveSummary is { } live)
            {
                stderr.WriteLine($"jetstream-lint: live check: {live}.");
            }

            int Count(RuleSeverity severity) => findings.Count(f => f.Severity == severity);
            var errors = Count(RuleSeverity.Error);
            stderr.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"jetstream-lint: {Describe.Plural(files.Count, "file")}, {Describe.Plural(errors, "error")}, {Describe.Plural(Count(RuleSeverity.Warning), "warning")}, {Describe.Plural(Count(RuleSeverity.Info), "suggestion")} in {clock.Elapsed.TotalSeconds:0.00} s"));
            return errors > 0 ? ErrorsFound : Clean;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"jetstream-lint: error: {e.Message}");
            return UsageOrIoError;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or AccessViolationException))
        {
            // A defect in the linter must not look like a finding in the user's files, nor hide as a stack trace.
            stderr.WriteLine($"jetstream-lint: error: the lint failed unexpectedly ({e.GetType().Name}: {e.Message}); please report this with the files involved");
            return UsageOrIoError;
        }
    }

    private static int Report(LintRunner runner, string? output, TextWriter stdout, TextWriter stderr)
    {
        var (report, problem) = runner.Report();
        if (report is null)
        {
            stderr.WriteLine($"jetstream-lint: error: {problem}");
            return UsageOrIoError;
        }

        if (output is null)
        {
            stdout.Write(report);
        }
        else
        {
            WriteWhole(output, report);
        }

        stderr.WriteLine($"jetstream-lint: report: {runner.LiveSummary}.");
        return Clean;
    }

    private static string CheckOutput(string output, string currentDirectory)
    {
        var full = Path.GetFullPath(output, currentDirectory);
        if (Directory.Exists(full))
        {
            throw new UsageException($"--output '{output}' is a folder; name a file such as {Path.Combine(output, "jetstream.sarif")}");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new UsageException($"--output '{output}': the folder '{folder}' does not exist");
        }

        return full;
    }

    // Into a temporary file beside the target, then renamed over it: a failure never leaves half a report.
    private static void WriteWhole(string path, string content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }

            throw new UsageException($"can't write '{path}': {e.Message}");
        }
    }

    /// <summary>A line on the terminal, rewritten every second once linting has taken two.</summary>
    private sealed class Progress : IDisposable
    {
        private readonly TextWriter stderr;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly Timer timer;
        private readonly object gate = new();
        private bool shown;
        private bool disposed;

        public Progress(TextWriter stderr, int files)
        {
            this.stderr = stderr;
            timer = new Timer(_ =>
            {
                lock (gate)
                {
                    if (!disposed)
                    {
                        stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\rjetstream-lint: linting {Describe.Plural(files, "file")}... {clock.Elapsed.TotalSeconds:0} s"));
                        shown = true;
                    }
                }
            }, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        }

        public void Dispose()
        {
            timer.Dispose();
            lock (gate)
            {
                disposed = true;
                if (shown)
                {
                    stderr.Write("\r\u001b[K");
                }
            }
        }
    }
}
