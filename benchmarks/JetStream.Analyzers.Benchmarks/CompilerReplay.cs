using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace JetStream.Analyzers.Benchmarks;

/// <summary>
/// Runs the csc command line of an earlier <c>dotnet build -v:d</c> again, directly, with <c>/parallel-</c>: the same
/// compilation, analyzers and error log, with the analyzers run one at a time (--compiler sequential).
/// </summary>
internal static partial class CompilerReplay
{
    /// <summary>The csc command line (compiler path first) that <paramref name="buildLog"/> shows.</summary>
    public static string CommandLine(string buildLog) =>
        File.ReadLines(buildLog).Select(l => l.Trim()).FirstOrDefault(l => CscCommand().IsMatch(l))
            ?? throw new InvalidDataException($"no csc command line in {buildLog}");

    public static int Run(string projectDirectory, string buildLog, string log)
    {
        var arguments = CommandLineParser.SplitCommandLineIntoArguments(CommandLine(buildLog), removeHashComments: false).ToList();
        var responseFile = Path.ChangeExtension(log, ".rsp");
        File.WriteAllLines(responseFile, arguments.Skip(1).Append("/reportanalyzer").Append("/parallel-").Select(Quote));
        var info = new ProcessStartInfo(arguments[0])
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("@" + responseFile);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"csc did not finish in 20 minutes; see {responseFile}");
        }

        File.WriteAllText(log, output + error.Result);
        return process.ExitCode;
    }

    private static string Quote(string argument) => argument.Contains(' ') && !argument.Contains('"') ? "\"" + argument + "\"" : argument;

    [GeneratedRegex(@"^\S*/csc(\.exe|\.dll)?\s", RegexOptions.CultureInvariant)]
    private static partial Regex CscCommand();
}
