using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Definitions;

/// <summary>
/// JS4004: a stream, or a consumer on one stream, defined more than once; reported at every definition, naming the
/// others. Where the front end expects repeats (<see cref="DefinitionSetFrontEnd.DuplicatesOnlyWhenSettingsDiffer"/>),
/// only definitions whose known settings differ are reported, naming the fields.
/// </summary>
public sealed class DuplicateDefinition : DefinitionSetRule
{
    public override RuleInfo Rule => RuleCatalog.DuplicateDefinition;

    public override void Evaluate(DefinitionSet set, ICollection<Finding> findings)
    {
        Report(set, findings, set.Streams, s => DefinitionSet.KnownName(s.Name), Describe.Stream, s => s.Origin, s => s.Kind);
        Report(set, findings, set.Consumers,
            c => DefinitionSet.KnownName(c.StreamName) is { } stream && c.DisplayName is { } name ? stream + "\0" + name : null,
            Describe.Consumer, c => c.Origin, _ => StreamKind.Stream);
    }

    private void Report<TModel>(DefinitionSet set, ICollection<Finding> findings, IReadOnlyList<(TModel Model, RuleContext Context)> definitions,
        Func<TModel, string?> keyOf, Func<TModel, string> describe, Func<TModel, object?> originOf, Func<TModel, StreamKind> kindOf)
        where TModel : class
    {
        // Groups in the order of their first definition, each listing its definitions in order.
        var groups = new Dictionary<string, List<(TModel Model, RuleContext Context)>>(StringComparer.Ordinal);
        var order = new List<List<(TModel Model, RuleContext Context)>>();
        foreach (var definition in definitions)
        {
            if (keyOf(definition.Model) is not { } key)
            {
                continue;
            }

            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new List<(TModel, RuleContext)>();
                order.Add(group);
            }

            group.Add(definition);
        }

        foreach (var group in order.Where(g => g.Count > 1))
        {
            var differing = string.Empty;
            if (set.FrontEnd.DuplicatesOnlyWhenSettingsDiffer)
            {
                var fields = KnownSettings.Differing(group.ConvertAll(d => d.Model));
                if (fields.Count == 0)
                {
                    continue;
                }

                var (_, context) = group[0];
                differing = ", with different " + string.Join(", ", fields.Select(f => context.Field(f, kindOf(group[0].Model))));
            }

            foreach (var (model, _) in group)
            {
                var others = group.Where(o => o.Model != model).Select(o => originOf(o.Model));
                findings.Add(Report(originOf(model), describe(model), set.FrontEnd.DisplayAll(others, group.Count - 1) + differing));
            }
        }
    }
}
