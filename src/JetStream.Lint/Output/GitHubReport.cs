using System.Collections.Generic;
using System.Linq;
using System.Text;
using JetStream.Analyzers.ConfigFiles.Reporting;
using JetStream.Analyzers.Rules.Catalog;

namespace JetStream.Lint.Output;

/// <summary>
/// GitHub Actions workflow commands (::error file=…,line=…::message). GitHub shows at most 10 error and 10 warning
/// annotations per step, so past that the findings are printed as plain lines and one annotation says how many more
/// there are.
/// </summary>
public static class GitHubReport
{
    public const int AnnotationsPerLevel = 10;

    public static string Render(IReadOnlyList<ReportedFinding> findings, string currentDirectory)
    {
        var text = new StringBuilder();
        foreach (var group in findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
        {
            var level = Command(group.Key);
            var all = group.ToList();
            var annotated = all.Count <= AnnotationsPerLevel ? all.Count : AnnotationsPerLevel - 1;
            foreach (var finding in all.Take(annotated))
            {
                text.Append("::").Append(level);
                var properties = new List<string>();
                if (finding.Span is { } span)
                {
                    properties.Add("file=" + Property(Paths.Display(span.Path, currentDirectory).Replace('\\', '/')));
                    properties.Add($"line={span.Line},col={span.Column},endLine={span.EndLine},endColumn={span.EndColumn}");
                }

                properties.Add("title=" + Property(finding.Rule.Id));
                text.Append(' ').Append(string.Join(",", properties)).Append("::").Append(Data($"{finding.Message} ({finding.Rule.HelpLink})")).Append('\n');
            }

            if (annotated < all.Count)
            {
                foreach (var finding in all.Skip(annotated))
                {
                    text.Append(TextReport.Line(finding, currentDirectory)).Append('\n');
                }

                var kind = group.Key == RuleSeverity.Error ? "errors" : group.Key == RuleSeverity.Warning ? "warnings" : "notices";
                text.Append("::").Append(level).Append(" title=jetstream-lint::")
                    .Append(Data($"{all.Count - annotated} more {kind} are listed in the log of this step (GitHub shows {AnnotationsPerLevel} {kind} per step)")).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Command(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "notice",
    };

    // The escapes the runner decodes: %, CR and LF in the message; also ':' and ',' in a property.
    private static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
