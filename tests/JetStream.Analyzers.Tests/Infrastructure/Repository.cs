using System;
using System.IO;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JetStream.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("JetStream.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
