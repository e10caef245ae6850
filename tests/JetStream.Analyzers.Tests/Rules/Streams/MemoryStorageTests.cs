using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Streams;
using static JetStream.Analyzers.Tests.Rules.Models;

namespace JetStream.Analyzers.Tests.Rules.Streams;

public class MemoryStorageTests
{
    private static readonly MemoryStorage Rule = new();

    [Fact]
    public void Memory_ReportedOnTheValue()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.Storage = Known(StorageType.Memory, "here"))));
        Assert.Equal(RuleIds.MemoryStorage, finding.Rule.Id);
        Assert.Equal("here", finding.Origin);
        Assert.Equal("Stream 'ORDERS' uses memory storage; its messages are lost when the servers restart. Use file storage unless the data is disposable.", finding.Message);
        Assert.Equal("storage", finding.Properties[FixProperties.Field]);
        Assert.Equal("file", finding.Properties[FixProperties.Value]);
    }

    [Fact]
    public void DefaultedMemory_MentionsWhereTheDefaultComesFrom()
    {
        var finding = Single(Run(Rule, SafeStream().With(s => s.Storage = ConfigValue<StorageType>.Defaulted(StorageType.Memory, "CRD default"))));
        Assert.Equal(StreamOrigin, finding.Origin);
        Assert.StartsWith("Stream 'ORDERS' uses memory storage (CRD default: set storage explicitly);", finding.Message);
    }

    [Fact]
    public void FileAbsentOrUnknown_NotReported()
    {
        Assert.Empty(Run(Rule, SafeStream()));
        Assert.Empty(Run(Rule, SafeStream().With(s => s.Storage = Known(StorageType.File, "here"))));
        Assert.Empty(Run(Rule, SafeStream().With(s => s.Storage = Unknown<StorageType>("here"))));
    }

    [Fact]
    public void MemoryBucket_Reported() =>
        Assert.StartsWith("Key-value bucket 'cfg' uses memory storage", Single(Run(Rule, SafeBucket().With(s => s.Storage = Known(StorageType.Memory, "here")))).Message);
}
