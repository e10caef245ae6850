using System;
using System.Diagnostics;
using System.IO;

namespace JetStream.Analyzers.Benchmarks;

/// <summary>Stops the VBCSCompiler server that this run started on its own pipe (found by its command line, ended by its id).</summary>
internal static class CompilerServer
{
    public static void Stop(string pipeName)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine($"note: stop the compiler server on pipe {pipeName} yourself (dotnet build-server shutdown), or let it time out");
            return;
        }

        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                string commandLine;
                try
                {
                    commandLine = File.ReadAllText($"/proc/{process.Id}/cmdline").Replace('\0', ' ');
                }
                catch (IOException)
                {
                    continue;
                }
                catch (UnauthorizedAccessException)
                {
                    continue;
                }

                if (commandLine.Contains("VBCSCompiler", StringComparison.Ordinal) && commandLine.Contains("-pipename:" + pipeName, StringComparison.Ordinal))
                {
                    Console.WriteLine($"stopping compiler server {process.Id} (pipe {pipeName})");
                    try
                    {
                        process.Kill();
                        process.WaitForExit(TimeSpan.FromSeconds(10));
                    }
                    catch (InvalidOperationException)
                    {
                        // Already gone.
                    }
                }
            }
        }
    }
}
