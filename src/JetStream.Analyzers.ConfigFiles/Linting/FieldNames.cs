using JetStream.Analyzers.ConfigFiles.Binding;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Schema;

namespace JetStream.Analyzers.ConfigFiles.Linting;

/// <summary>How messages spell a field: the JSON name in API files, the NACK spec name in manifests.</summary>
internal static class FieldNames
{
    public static string For(ConfigFormat format, string json, StreamKind kind) =>
        FieldSchema.Name(json, format == ConfigFormat.Api ? NameStyle.Json : NameStyle.Nack, kind);
}
