using System;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.ConfigFiles.Linting;

/// <summary>Cross-definition wording for the files linted together: places are "path(line,col)", and the set is the linted files.</summary>
internal sealed class LintedFilesFrontEnd : DefinitionSetFrontEnd
{
    private readonly Func<SourceSpan, string> display;

    public LintedFilesFrontEnd(Func<SourceSpan, string> display) => this.display = display;

    public override string Display(object? origin) => origin is SourceSpan span ? display(span) : base.Display(origin);

    public override string NoDefinition => "no linted definition";

    public override string StreamNotDefined(bool anyStreamDefined) =>
        "no linted file defines" + (anyStreamDefined ? "; add the stream's file to the JetStreamConfig items, or check the name" : string.Empty);

    public override string? ConsumerNamesNoStream =>
        "names no stream: put a bare consumer config in a folder named after its stream (or next to its only stream), or use the create-request form {\"stream_name\": \"...\", \"config\": {...}}";
}
