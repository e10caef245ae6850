using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Evaluation;

public class RuleEngineTests
{
    [Fact]
    public void EveryCatalogRuleIsEvaluated_OnceWhereItsModelIsKnown()
    {
        var ids = RuleEngine.StreamRules.Select(r => r.Rule.Id).Concat(RuleEngine.ConsumerRules.Select(r => r.Rule.Id))
            .Concat(RuleEngine.DefinitionSetRules.Select(r => r.Rule.Id)).ToList();

        // JS2007 is a consumer rule, and again a set rule for consumers whose front end could not link their stream (C#).
        Assert.Equal(new[] { RuleIds.ConsumerLessDurableThanStream }, ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key));
        ids = ids.Distinct().ToList();
        // JS0xxx (settings), JS3xxx (client usage), JS5xxx (live server) and the file-only JS4xxx are not rules over the configuration model.
        var crossDefinition = new[] { RuleIds.DuplicateDefinition, RuleIds.ConsumerWithoutStream, RuleIds.OverlappingStreamSubjects, RuleIds.OverlappingWorkQueueConsumers, RuleIds.FilterOutsideStream };
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).Where(i => i.StartsWith("JS1") || i.StartsWith("JS2")).Concat(crossDefinition).OrderBy(i => i), ids.OrderBy(i => i));
        Assert.All(RuleEngine.StreamRules, r => Assert.StartsWith("JS1", r.Rule.Id));
        Assert.All(RuleEngine.ConsumerRules, r => Assert.StartsWith("JS2", r.Rule.Id));
        Assert.All(RuleEngine.DefinitionSetRules, r => Assert.True(r.Rule.Id.StartsWith("JS1") || crossDefinition.Contains(r.Rule.Id) || r.Rule.Id == RuleIds.ConsumerLessDurableThanStream, r.Rule.Id));
    }

    [Fact]
    public void SafeModels_NoFindings()
    {
        Assert.Empty(RuleEngine.Evaluate(SafeStream(), RuleContext.Default));
        Assert.Empty(RuleEngine.Evaluate(SafeBucket(), RuleContext.Default));
        Assert.Empty(RuleEngine.Evaluate(SafeBucket(JetStream.Analyzers.Rules.Model.StreamKind.ObjectStore), RuleContext.Default));
        Assert.Empty(RuleEngine.Evaluate(SafeConsumer(), RuleContext.Default));
        Assert.Empty(RuleEngine.Evaluate(SafePushConsumer(), RuleContext.Default));
        Assert.Empty(RuleEngine.Evaluate(SafeStream(), Context("2.9.0")));
        Assert.Empty(RuleEngine.Evaluate(SafeConsumer(), Context("2.9.0")));
    }

    [Fact]
    public void EmptyModels_NoException()
    {
        Assert.NotEmpty(RuleEngine.Evaluate(new JetStream.Analyzers.Rules.Model.StreamModel(), RuleContext.Default));
        Assert.Empty(RuleEngine.Evaluate(new JetStream.Analyzers.Rules.Model.ConsumerModel(), RuleContext.Default));
    }
}
