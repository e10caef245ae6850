using System;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.ConfigFiles.Linting;

/// <summary>Issue 15, items 13 and 14: a BOM doesn't hide a definition, and an empty NACK spec is reported like a missing one.</summary>
public sealed class DocumentReaderTests
{
    [Fact]
    public void ApiYamlWithByteOrderMark_KeepsItsName()
    {
        using var repo = new ConfigRepo().With("s.yaml", "\uFEFFname: ORDERS\nsubjects: [orders.>]\nnum_replicas: 1\n");

        var lines = repo.Lint();

        Assert.DoesNotContain(lines, l => l.Contains("JS4002", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("s.yaml(3,15): JS1001: Stream 'ORDERS' has 1 replica", StringComparison.Ordinal));
    }

    [Fact]
    public void NackManifestWithByteOrderMark_IsRecognized()
    {
        using var repo = new ConfigRepo().With("s.yaml", "\uFEFFapiVersion: jetstream.nats.io/v1beta2\nkind: Stream\nmetadata: {name: orders}\nspec:\n  name: ORDERS\n  subjects: [orders.>]\n  replicas: \"three\"\n");

        var lines = repo.Lint();

        Assert.DoesNotContain(lines, l => l.Contains("JS4009", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("s.yaml(7,13): JS4003: Stream 'ORDERS': 'replicas' must be", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("spec:", "s.yaml(4,6): JS4003: Stream resource: 'spec' must be a mapping with the resource's settings, not empty")]
    [InlineData("spec: null", "s.yaml(4,7): JS4003: Stream resource: 'spec' must be a mapping with the resource's settings, not 'null' (null)")]
    [InlineData("spec: ~", "s.yaml(4,7): JS4003: Stream resource: 'spec' must be a mapping with the resource's settings, not '~' (null)")]
    [InlineData("metadata2: {}", "s.yaml(1,1): JS4003: Stream resource: 'spec' must be a mapping with the resource's settings, not missing")]
    public void NackSpecEmptyNullOrMissing_IsReported(string specLine, string expected)
    {
        using var repo = new ConfigRepo().With("s.yaml", $"apiVersion: jetstream.nats.io/v1beta2\nkind: Stream\nmetadata: {{name: orders}}\n{specLine}\n");

        Assert.Equal(new[] { expected }, repo.Lint());
    }
}
