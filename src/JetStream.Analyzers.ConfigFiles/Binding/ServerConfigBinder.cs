using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.ConfigFiles.Binding;

/// <summary>
/// Binds the "config" object of a server's stream or consumer info into the same model the files fill, so the live
/// check compares like with like. What the binder would report about the server's own output is dropped.
/// </summary>
public static class ServerConfigBinder
{
    public static StreamModel BindStream(MappingNode config, ServerVersion version) =>
        StreamBinder.Bind(new FieldReader(new Reporter(), ConfigFormat.Api, version), config, ConfigFormat.Api, config.Span);

    public static ConsumerModel BindConsumer(MappingNode config, string stream, ServerVersion version)
    {
        var model = ConsumerBinder.Bind(new FieldReader(new Reporter(), ConfigFormat.Api, version), config, ConfigFormat.Api, config.Span);
        model.StreamName = ConfigValue<string>.Known(stream, config.Span);
        return model;
    }
}
