using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.ConfigFiles.EditorConfig;

public class EditorConfigResolverTests
{
    [Fact]
    public void NearerFilesAndLaterSectionsWin_UpToTheRoot()
    {
        using var repo = new ConfigRepo()
            .With(".editorconfig", "root = true\n\n[*.json]\njetstream_min_replicas = 5\nkeep = outer\n\n[streams/**]\njetstream_min_replicas = 4\n")
            .With("streams/.editorconfig", "[orders.json]\njetstream_min_replicas = 1 # inline comment\n\n[{a,b}.yaml]\nbraces = yes\n\n[file[0-9].yml]\nrange = yes\n")
            .With("streams/orders.json", "{}");
        var resolver = new EditorConfigResolver();

        var orders = resolver.PropertiesFor(repo.PathOf("streams/orders.json"));
        Assert.Equal("1", orders["jetstream_min_replicas"]);
        Assert.Equal("outer", orders["keep"]);
        Assert.Equal("4", resolver.PropertiesFor(repo.PathOf("streams/other.json"))["jetstream_min_replicas"]);
        Assert.Equal("5", resolver.PropertiesFor(repo.PathOf("top.json"))["jetstream_min_replicas"]);
        Assert.Equal("yes", resolver.PropertiesFor(repo.PathOf("streams/b.yaml"))["braces"]);
        Assert.False(resolver.PropertiesFor(repo.PathOf("streams/c.yaml")).ContainsKey("braces"));
        Assert.Equal("yes", resolver.PropertiesFor(repo.PathOf("streams/file7.yml"))["range"]);
        Assert.Contains(repo.PathOf(".editorconfig"), resolver.FilesRead);
    }

    [Fact]
    public void RootStopsTheSearch()
    {
        using var repo = new ConfigRepo()
            .With(".editorconfig", "[*]\nouter = yes\n")
            .With("inner/.editorconfig", "root = true\n[*]\ninner = yes\n");
        var properties = new EditorConfigResolver().PropertiesFor(repo.PathOf("inner/x.json"));
        Assert.Equal("yes", properties["inner"]);
        Assert.False(properties.ContainsKey("outer"));
    }
}
