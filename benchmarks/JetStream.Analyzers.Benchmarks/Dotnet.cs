using System;
using System.Diagnostics;
using System.IO;

namespace JetStream.Analyzers.Benchmarks;

/// <summary>Runs the dotnet CLI with its output going to a log file.</summary>
internal static class Dotnet
{
    public static void RunChecked(string workingDirectory, string log, params string[] arguments)
    {
        var exitCode = Run(workingDirectory, log, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed (exit {exitCode}); see {log}");
        }
    }

    public static int Run(string workingDirectory, string log, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var writer = new StreamWriter(log);
        using var process = new Process { StartInfo = info };
        var gate = new object();
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in 20 minutes; see {log}");
        }

        process.WaitForExit();
        return process.ExitCode;

        void Write(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                writer.WriteLine(line);
            }
        }
    }
}
