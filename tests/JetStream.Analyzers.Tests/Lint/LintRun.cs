using System;
using System.Collections.Generic;
using System.IO;
using JetStream.Lint;

namespace JetStream.Analyzers.Tests.Lint;

/// <summary>jetstream-lint run in process, in a given folder, with only the environment variables given.</summary>
public sealed record LintRun(int ExitCode, string Stdout, string Stderr)
{
    public static LintRun In(string directory, params string[] args) => In(directory, new Dictionary<string, string>(), args);

    public static LintRun In(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = LintCommand.Run(args, stdout, stderr, directory, name => environment.TryGetValue(name, out var value) ? value : null);
        return new LintRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
