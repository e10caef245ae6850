using System.Collections.Generic;
using System.Text;
using JetStream.Analyzers.ConfigFiles.Reporting;
using JetStream.Analyzers.Rules.Catalog;

namespace JetStream.Lint.Output;

/// <summary>MSBuild's canonical form, as the build prints it: path(line,col,endLine,endCol): error JSxxxx: message (help link).</summary>
public static class TextReport
{
    public static string Render(IEnumerable<ReportedFinding> findings, string currentDirectory)
    {
        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            text.AppendLine(Line(finding, currentDirectory));
        }

        return text.ToString();
    }

    public static string Line(ReportedFinding finding, string currentDirectory)
    {
        var origin = finding.Span is { } span
            ? $"{Paths.Display(span.Path, currentDirectory)}({span.Line},{span.Column},{span.EndLine},{span.EndColumn})"
            : "jetstream-lint ";
        return $"{origin}: {Category(finding.Severity)} {finding.Rule.Id}: {finding.Message} ({finding.Rule.HelpLink})";
    }

    private static string Category(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "info",
    };
}
