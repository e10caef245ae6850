using System;
using System.IO;
using System.Linq;
using System.Text;
using JetStream.Analyzers.Rules.Catalog;

namespace JetStream.Analyzers.Tests.Documentation;

/// <summary>
/// Generates the rule index table from <see cref="RuleCatalog"/> and keeps the copies in rules/README.md and
/// README.md (between <see cref="StartMarker"/> and <see cref="EndMarker"/>) in sync with it.
/// </summary>
public static class RuleTable
{
    public const string StartMarker = "<!-- rules:start -->";
    public const string EndMarker = "<!-- rules:end -->";

    /// <summary>Set to 1 to let the documentation tests rewrite the tables instead of failing.</summary>
    public const string UpdateVariable = "JETSTREAM_UPDATE_DOCS";

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The Markdown table; <paramref name="pageLinkPrefix"/> is the path from the document to the rules folder ("" or "rules/").</summary>
    public static string Generate(string pageLinkPrefix)
    {
        var sb = new StringBuilder();
        sb.Append("| ID | Title | Category | Default severity | Code fix | Options |\n");
        sb.Append("|----|-------|----------|------------------|----------|---------|\n");
        foreach (var rule in RuleCatalog.All.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var options = rule.OptionKeys.Count == 0 ? "none" : string.Join(", ", rule.OptionKeys.Select(k => "`" + k + "`"));
            sb.Append("| [").Append(rule.Id).Append("](").Append(pageLinkPrefix).Append(rule.Id).Append(".md) | ")
                .Append(Escape(rule.Title)).Append(" | ")
                .Append(rule.Category).Append(" | ")
                .Append(rule.DefaultSeverity).Append(" | ")
                .Append(rule.HasCodeFix ? "Yes" : "No").Append(" | ")
                .Append(options).Append(" |\n");
        }

        return sb.ToString();
    }

    /// <summary>The text between the markers (without the newline after the start marker), or null when a marker is missing.</summary>
    public static string? Extract(string document)
    {
        var text = Normalize(document);
        var start = text.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return null;
        }

        var body = text.Substring(start + StartMarker.Length, end - start - StartMarker.Length);
        return body.Trim('\n') + "\n";
    }

    /// <summary>Replaces the text between the markers with <paramref name="table"/>; throws when a marker is missing.</summary>
    public static string Replace(string document, string table)
    {
        var text = Normalize(document);
        var start = text.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"The document has no {StartMarker} ... {EndMarker} block.");
        }

        return text.Substring(0, start + StartMarker.Length) + "\n" + table.TrimEnd('\n') + "\n" + text.Substring(end);
    }

    /// <summary>Walks up from the test binaries to the folder holding JetStream.Analyzers.sln.</summary>
    public static string RepositoryRoot()
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

    public static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string Escape(string text) => text.Replace("|", "\\|");
}
