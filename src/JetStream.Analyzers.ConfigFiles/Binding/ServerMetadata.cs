using System.Linq;
using System.Text;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>The metadata keys a 2.11+ server sets itself (and replaces) before it checks the metadata's size.</summary>
internal static class ServerMetadata
{
    private static readonly string[] Keys = { "_nats.ver", "_nats.level", "_nats.req.level" };

    /// <summary>Key and value bytes of those keys in the file's metadata; absent when it is not a mapping.</summary>
    public static ConfigValue<long> KeyBytes(ConfigNode node) =>
        node is MappingNode map
            ? ConfigValue<long>.Known(map.Entries.Where(e => Keys.Contains(e.Key.Text) && e.Value is ScalarNode).Sum(e => (long)Encoding.UTF8.GetByteCount(e.Key.Text) + Encoding.UTF8.GetByteCount(((ScalarNode)e.Value).Text)), map.Span)
            : ConfigValue<long>.Absent;
}
