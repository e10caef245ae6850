using System;
using System.Collections.Generic;
using JetStream.Analyzers.ConfigFiles.Binding;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.ConfigFiles.Linting;

/// <summary>A stream (or bucket) found in a file, with where it is named.</summary>
public sealed class StreamDefinition
{
    public StreamDefinition(StreamModel model, SourceSpan at, RuleContext context)
    {
        Model = model;
        At = at;
        Context = context;
    }

    public StreamModel Model { get; }

    /// <summary>Where cross-file findings about this stream are reported: its name, else the document.</summary>
    public SourceSpan At { get; }

    public RuleContext Context { get; }

    public string? Name => Model.Name.IsKnown && !string.IsNullOrEmpty(Model.Name.Value) ? Model.Name.Value : null;
}

/// <summary>A consumer found in a file and the stream it belongs to, if the file says or the folder implies it.</summary>
public sealed class ConsumerDefinition
{
    public ConsumerDefinition(ConsumerModel model, SourceSpan at, RuleContext context, ConfigFormat format)
    {
        Model = model;
        At = at;
        Context = context;
        Format = format;
    }

    public ConsumerModel Model { get; }

    public SourceSpan At { get; }

    public RuleContext Context { get; }

    public ConfigFormat Format { get; }

    /// <summary>True when the file itself names no stream (a bare consumer config).</summary>
    public bool IsBare { get; set; }

    public string? StreamName => Model.StreamName.IsKnown && !string.IsNullOrEmpty(Model.StreamName.Value) ? Model.StreamName.Value : null;

    public string? Name => Model.DisplayName;
}

/// <summary>What a lint run found, and the definitions it read.</summary>
public sealed class LintResult
{
    public LintResult(List<Finding> findings, IReadOnlyList<StreamDefinition> streams, IReadOnlyList<ConsumerDefinition> consumers, Func<SourceSpan, string> display)
    {
        Findings = findings;
        Streams = streams;
        Consumers = consumers;
        Display = display;
    }

    public List<Finding> Findings { get; }

    public IReadOnlyList<StreamDefinition> Streams { get; }

    public IReadOnlyList<ConsumerDefinition> Consumers { get; }

    /// <summary>How messages name a place in another file.</summary>
    public Func<SourceSpan, string> Display { get; }
}
