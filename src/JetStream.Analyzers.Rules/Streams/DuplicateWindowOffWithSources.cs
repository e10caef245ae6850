using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Streams;

/// <summary>
/// JS1010: a stream with sources and no duplicate_window (or 0) on a 2.14+ target, where the server leaves the window
/// at 0 instead of defaulting it (<see cref="EffectiveStream.DuplicateWindow"/>).
/// </summary>
public sealed class DuplicateWindowOffWithSources : StreamRule
{
    public override RuleInfo Rule => RuleCatalog.DuplicateWindowOffWithSources;

    public override void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        if (stream.Kind != StreamKind.Stream || stream.IsMirror || context.ServerVersion.Before(2, 14)
            || !stream.Sources.TryGet(out var sources) || sources is not { Count: > 0 }
            || stream.DuplicateWindow.IsUnknown || EffectiveStream.DuplicateWindow(stream, context.ServerVersion) != 0)
        {
            return;
        }

        findings.Add(new Finding(
            Rule,
            stream.DuplicateWindow.Origin ?? stream.Sources.Origin ?? stream.Origin,
            new object?[] { Describe.Stream(stream), context.Field("duplicate_window"), context.ServerVersion },
            properties: Fix("duplicate_window", Invariant(EffectiveStream.DefaultDuplicateWindow))));
    }
}
