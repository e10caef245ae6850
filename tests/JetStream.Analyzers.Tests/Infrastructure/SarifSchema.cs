using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// The official SARIF 2.1.0 JSON schema (TestData/sarif-2.1.0-rtm.5.json, from the npm package @microsoft/jest-sarif).
/// It declares draft-04, which JsonSchema.Net reads as draft-07: the schema uses nothing the two drafts treat differently
/// (no exclusiveMinimum/Maximum, references by JSON pointer only). Formats (uri, date-time) are asserted.
/// </summary>
public static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "sarif-2.1.0-rtm.5.json")).Replace("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-07/schema#")));

    /// <summary>The schema's errors for a document, empty when it is valid.</summary>
    public static string[] Errors(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? Array.Empty<string>()
            : (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToArray();
    }

    public static void AssertValid(string sarif)
    {
        var errors = Errors(sarif);
        Assert.True(errors.Length == 0, "The SARIF log does not match the SARIF 2.1.0 schema:\n" + string.Join("\n", errors) + "\n" + sarif);
    }
}
