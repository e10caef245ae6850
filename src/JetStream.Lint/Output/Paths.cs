using System;
using System.IO;

namespace JetStream.Lint.Output;

internal static class Paths
{
    /// <summary>Relative to the current folder when under it (as CI annotations and editors expect), else absolute.</summary>
    public static string Display(string path, string currentDirectory)
    {
        var full = Path.GetFullPath(path, currentDirectory);
        var relative = Path.GetRelativePath(currentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }
}
