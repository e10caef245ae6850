using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using JetStream.Analyzers.Rules.Catalog;

namespace JetStream.Analyzers.ConfigFiles.Reporting;

/// <summary>
/// SARIF 2.1.0 for code scanning, written the same by the build (JetStreamErrorLog) and by jetstream-lint: every rule
/// of the catalog with its help link, and one result per reported finding with the region the build prints
/// (SARIF's end column, like MSBuild's, is the column after the last character). Paths under the base folder are
/// relative to it (uriBaseId SRCROOT), so that code scanning resolves them against the checkout.
/// </summary>
public static class SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private const string InformationUri = "https://github.com/jetstream-analyzers/JetStream.Analyzers";

    public static string Write(IEnumerable<ReportedFinding> findings, string toolName, string toolVersion, string baseDirectory)
    {
        var root = Path.GetFullPath(baseDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var rules = RuleCatalog.All;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        var json = new StringBuilder();
        json.Append("{\n  \"$schema\": ").Append(JsonText.Quote(SchemaUri)).Append(",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n");
        json.Append("      \"tool\": {\n        \"driver\": {\n");
        json.Append("          \"name\": ").Append(JsonText.Quote(toolName)).Append(",\n");
        json.Append("          \"version\": ").Append(JsonText.Quote(toolVersion)).Append(",\n");
        json.Append("          \"informationUri\": ").Append(JsonText.Quote(InformationUri)).Append(",\n");
        json.Append("          \"rules\": [");
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            json.Append(i == 0 ? "\n" : ",\n").Append("            { \"id\": ").Append(JsonText.Quote(rule.Id))
                .Append(", \"shortDescription\": { \"text\": ").Append(JsonText.Quote(rule.Title))
                .Append(" }, \"fullDescription\": { \"text\": ").Append(JsonText.Quote(rule.Description))
                .Append(" }, \"helpUri\": ").Append(JsonText.Quote(rule.HelpLink))
                .Append(", \"defaultConfiguration\": { \"level\": ").Append(JsonText.Quote(Level(rule.DefaultSeverity)))
                .Append(" }, \"properties\": { \"category\": ").Append(JsonText.Quote(rule.Category)).Append(" } }");
        }

        json.Append("\n          ]\n        }\n      },\n");
        json.Append("      \"originalUriBaseIds\": { \"SRCROOT\": { \"uri\": ").Append(JsonText.Quote(new Uri(root).AbsoluteUri)).Append(" } },\n");
        json.Append("      \"results\": [");
        var first = true;
        foreach (var finding in findings)
        {
            json.Append(first ? "\n" : ",\n").Append("        { \"ruleId\": ").Append(JsonText.Quote(finding.Rule.Id));
            if (index.TryGetValue(finding.Rule.Id, out var ruleIndex))
            {
                json.Append(", \"ruleIndex\": ").Append(ruleIndex.ToString(CultureInfo.InvariantCulture));
            }

            json.Append(", \"level\": ").Append(JsonText.Quote(Level(finding.Severity)))
                .Append(", \"message\": { \"text\": ").Append(JsonText.Quote(finding.Message)).Append(" }");
            if (finding.Span is { } span)
            {
                json.Append(", \"locations\": [ { \"physicalLocation\": { \"artifactLocation\": ");
                AppendLocation(json, Path.GetFullPath(span.Path), root);
                json.Append(", \"region\": { \"startLine\": ").Append(Positive(span.Line))
                    .Append(", \"startColumn\": ").Append(Positive(span.Column))
                    .Append(", \"endLine\": ").Append(Math.Max(Positive(span.Line), Positive(span.EndLine)))
                    .Append(", \"endColumn\": ").Append(Positive(span.EndColumn)).Append(" } } } ]");
            }

            json.Append(" }");
            first = false;
        }

        json.Append(first ? "]\n" : "\n      ]\n").Append("    }\n  ]\n}\n");
        return json.ToString();
    }

    public static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "note",
        _ => "none",
    };

    private static void AppendLocation(StringBuilder json, string fullPath, string root)
    {
        if (fullPath.StartsWith(root, StringComparison.Ordinal))
        {
            var relative = string.Join("/", fullPath.Substring(root.Length).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
            json.Append("{ \"uri\": ").Append(JsonText.Quote(relative)).Append(", \"uriBaseId\": \"SRCROOT\" }");
        }
        else
        {
            json.Append("{ \"uri\": ").Append(JsonText.Quote(new Uri(fullPath).AbsoluteUri)).Append(" }");
        }
    }

    private static int Positive(int value) => value < 1 ? 1 : value;
}
