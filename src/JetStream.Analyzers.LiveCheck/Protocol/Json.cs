using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.Reporting;

namespace JetStream.Analyzers.LiveCheck.Protocol;

/// <summary>Reading server replies (parsed by the config-file JSON parser) and writing the few JSON bodies the check sends.</summary>
internal static class Json
{
    public static MappingNode? Parse(string origin, string text)
    {
        var parsed = JsonDocumentParser.Parse(origin, text);
        return parsed.Problems.Count == 0 ? parsed.Documents.FirstOrDefault() as MappingNode : null;
    }

    public static string? String(MappingNode? node, string key) =>
        node?[key] is ScalarNode { Kind: ScalarKind.String } s ? s.Text : null;

    public static long? Long(MappingNode? node, string key) =>
        node?[key] is ScalarNode { Kind: ScalarKind.Number } n && long.TryParse(n.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool Bool(MappingNode? node, string key) => node?[key] is ScalarNode { Kind: ScalarKind.Boolean, Text: "true" };

    public static MappingNode? Object(MappingNode? node, string key) => node?[key] as MappingNode;

    public static IEnumerable<ConfigNode> Items(MappingNode? node, string key) =>
        node?[key] is SequenceNode list ? list.Items : Enumerable.Empty<ConfigNode>();

    public static IReadOnlyList<string> Strings(MappingNode? node, string key) =>
        Items(node, key).OfType<ScalarNode>().Where(s => s.Kind == ScalarKind.String).Select(s => s.Text).ToList();

    /// <summary>A JSON string literal.</summary>
    public static string Quote(string value) => JsonText.Quote(value);
}
