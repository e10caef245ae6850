using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Definitions;

/// <summary>Sets of hand-built definitions for the cross-definition rules, and a front end worded like the C# pass.</summary>
internal static class DefinitionSets
{
    public static DefinitionSet Set(IEnumerable<StreamModel> streams, IEnumerable<ConsumerModel>? consumers = null, DefinitionSetFrontEnd? frontEnd = null,
        bool complete = true, RuleContext? context = null, IEnumerable<string>? elsewhere = null)
    {
        var c = context ?? RuleContext.Default;
        return new DefinitionSet(streams.Select(s => (s, c)).ToList(), (consumers ?? Enumerable.Empty<ConsumerModel>()).Select(m => (m, c)).ToList(), complete, frontEnd,
            elsewhere is null ? null : Elsewhere(elsewhere.ToArray()));
    }

    /// <summary>Streams that exist beside the definitions under these names, copying nothing and without consumers.</summary>
    public static ExistingStreams Elsewhere(params string[] names) =>
        new("elsewhere", names.Select(n => new ExistingStream(n, new StreamModel { Name = Known(n, "name") }, 0, () => new ConsumerModel[0])));

    public static List<Finding> Run(DefinitionSetRule rule, DefinitionSet set)
    {
        var findings = new List<Finding>();
        rule.Evaluate(set, findings);
        return findings;
    }

    /// <summary>A stream at <paramref name="origin"/> with these subjects.</summary>
    public static StreamModel StreamAt(string origin, string name, params string[] subjects) =>
        SafeStream(name).With(s => { s.Origin = origin; s.Subjects = List(origin + ":subjects", subjects); });

    public static StreamModel WorkQueue(string name = "JOBS", params string[] subjects) =>
        StreamAt(name, name, subjects.Length == 0 ? new[] { "jobs.>" } : subjects).With(s => s.Retention = Known(RetentionPolicy.WorkQueue, "retention"));

    /// <summary>A consumer as C# knows it: the stream's name only, no linked stream model.</summary>
    public static ConsumerModel ConsumerAt(string origin, string stream, string name, params string[] filters) => SafeConsumer(name).With(c =>
    {
        c.Origin = origin;
        c.StreamName = Known(stream, origin + ":stream");
        if (filters.Length == 1)
        {
            c.FilterSubject = Known(filters[0], origin + ":filter");
        }
        else if (filters.Length > 1)
        {
            c.FilterSubjects = List(origin + ":filters", filters);
        }
    });

    /// <summary>Worded the way a compilation-wide C# pass would word it; places are "Setup.cs@origin".</summary>
    public sealed class CompilationFrontEnd : DefinitionSetFrontEnd
    {
        public override string Display(object? origin) => $"Setup.cs@{origin}";

        public override string NoDefinition => "no definition in this compilation";

        public override string StreamNotDefined(bool anyStreamDefined, string? alsoConsulted) => "is not created or updated in this compilation";

        public override bool DuplicatesOnlyWhenSettingsDiffer => true;
    }
}
