using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;

namespace JetStream.Analyzers.Infrastructure;

/// <summary>JSON field names of the rule model to NATS.Net property names, for messages and code fixes.</summary>
internal static class CSharpNames
{
    public static string Property(string json, StreamKind kind = StreamKind.Stream) => FieldSchema.Name(json, NameStyle.CSharp, kind);
}
