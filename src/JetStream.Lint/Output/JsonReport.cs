using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using JetStream.Analyzers.ConfigFiles.Reporting;

namespace JetStream.Lint.Output;

/// <summary>A flat JSON report for scripts: { "files": n, "findings": [ { ruleId, severity, message, helpUri, file, line, ... } ] }.</summary>
public static class JsonReport
{
    public static string Render(IEnumerable<ReportedFinding> findings, int files, string currentDirectory)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("files", files);
            json.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.Rule.Id);
                json.WriteString("severity", SarifLog.Level(finding.Severity));
                json.WriteString("message", finding.Message);
                json.WriteString("helpUri", finding.Rule.HelpLink);
                if (finding.Span is { } span)
                {
                    json.WriteString("file", Paths.Display(span.Path, currentDirectory));
                    json.WriteNumber("line", span.Line);
                    json.WriteNumber("column", span.Column);
                    json.WriteNumber("endLine", span.EndLine);
                    json.WriteNumber("endColumn", span.EndColumn);
                }
                else
                {
                    json.WriteNull("file");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
