using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;
using NATS.Client.ObjectStore;
using Xunit.Abstractions;

namespace JetStream.Analyzers.Tests.Documentation;

/// <summary>
/// The JS1100 and JS2100 pages quote what a server says. Here each of their examples is done for real: the C# example
/// compiled and run with NATS.Net against the test release of the version it targets, a JSON example sent as the
/// create request. A "fires" example must be refused with the reason its message quotes (a file example without a
/// message: the reason the linter gives), a "clean" one accepted.
/// An example that targets a release no test server has (2.12.0) is listed as unchecked in the output.
/// </summary>
public sealed class ServerRejectionExampleTests
{
    private readonly ITestOutputHelper output;

    public ServerRejectionExampleTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [NatsReleasesTheory(NatsReleases.V2_9, NatsReleases.V2_10, NatsReleases.V2_15)]
    [InlineData("JS1100", 5)]
    [InlineData("JS2100", 5)]
    public async Task EveryExample_IsJudgedByARealServer_AsThePageSays(string id, int leastChecked)
    {
        var page = RulePage.Load(Repository.PathOf("rules", id + ".md"));
        var checkedCount = 0;
        var clusters = new Dictionary<string, NatsCluster>(StringComparer.Ordinal);
        try
        {
            foreach (var example in page.Examples)
            {
                var target = example.Options.TryGetValue("jetstream_server_version", out var text) ? ServerVersion.Parse(text) : ServerVersion.Newest;
                var where = $"{page.Path}, example at body line {example.Line} (targets {target})";
                if (ReleaseFor(target) is not { } release)
                {
                    output.WriteLine($"{where}: unchecked, no test release of {target.Major}.{target.Minor}");
                    continue;
                }

                if (NatsReleases.SkipReason(release) is { } skip)
                {
                    output.WriteLine($"{where}: unchecked, {skip}");
                    continue;
                }

                if (example.IsFileExample && example.Files.Any(f => f.Block.Language != "json"))
                {
                    output.WriteLine($"{where}: unchecked, only JSON files are sent as they are");
                    continue;
                }

                // A cluster per release, emptied between examples: the examples ask for 3 replicas, as production does.
                if (!clusters.TryGetValue(release, out var server))
                {
                    clusters[release] = server = await NatsCluster.StartAsync(release);
                }

                await foreach (var name in server.JetStream.ListStreamNamesAsync())
                {
                    await server.JetStream.DeleteStreamAsync(name);
                }

                if (id == "JS2100")
                {
                    await RawJetStreamApi.CreateStreamOrFailAsync(server.Connection, """{"name":"ORDERS","subjects":["orders.>"],"storage":"file","num_replicas":3}""");
                }

                var refusal = example.IsFileExample ? await SendAsync(server, example) : await RunAsync(server, example.Code);
                output.WriteLine($"{where} on nats-server {release}: {refusal ?? "accepted"}");
                if (example.Fires)
                {
                    Assert.True(refusal is not null, $"{where}: nats-server {release} accepted it, but the page says it is rejected:\n{string.Join("\n", example.Messages)}");
                    // A file example without a message block is held to what the linter reports for it.
                var messages = example.Messages.Count > 0 || !example.IsFileExample
                    ? example.Messages
                    : FileExampleRunner.Lint(example.Files, example.Options).Where(f => f.Id == id).Select(f => f.Message).ToList();
                var quoted = messages.Select(Reason).ToList();
                    Assert.True(quoted.Any(reason => reason.StartsWith(refusal!, StringComparison.Ordinal)), $"{where}: nats-server {release} says '{refusal}', the page quotes:\n{string.Join("\n", quoted)}");
                }
                else
                {
                    Assert.True(refusal is null, $"{where}: nats-server {release} refuses it: {refusal}");
                }

                checkedCount++;
            }
        }
        finally
        {
            foreach (var cluster in clusters.Values)
            {
                await cluster.DisposeAsync();
            }
        }

        Assert.True(checkedCount >= leastChecked, $"{page.Path}: only {checkedCount} examples could be checked against a server");
    }

    /// <summary>The test release of the target's minor version; a target past the newest test release is judged by the newest.</summary>
    private static string? ReleaseFor(ServerVersion target) =>
        NatsReleases.All.FirstOrDefault(r => NatsReleases.Version(r) is var v && v.Major == target.Major && v.Minor == target.Minor)
        ?? (target.CompareTo(NatsReleases.Version(NatsReleases.V2_15)) >= 0 ? NatsReleases.V2_15 : null);

    // "... is rejected by NATS server 2.15.1: <reason>"
    private static string Reason(string message)
    {
        const string marker = "is rejected by NATS server ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"not a rejection message: {message}");
        var colon = message.IndexOf(": ", at, StringComparison.Ordinal);
        return message.Substring(colon + 2);
    }

    private static async Task<string?> SendAsync(NatsCluster server, PageExample example)
    {
        var json = JsonNode.Parse(Assert.Single(example.Files).Block.Code)!.AsObject();
        if (json.ContainsKey("subjects") || json.ContainsKey("retention") || json.ContainsKey("storage"))
        {
            return await RawJetStreamApi.CreateStreamAsync(server.Connection, json.ToJsonString());
        }

        // A bare consumer configuration, as `nats consumer add ORDERS --config file.json` takes it.
        var request = json.ContainsKey("config") ? json : new JsonObject { ["stream_name"] = "ORDERS", ["config"] = json.DeepClone() };
        return await RawJetStreamApi.PutConsumerAsync(server.Connection, request.ToJsonString());
    }

    /// <summary>Compiles the example as the documentation tests do, runs it with real contexts, and returns the server's refusal.</summary>
    private static async Task<string?> RunAsync(NatsCluster server, string statements)
    {
        var tree = CSharpSyntaxTree.ParseText(Code.InMethod(statements), new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Example" + Guid.NewGuid().ToString("N"), new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var context = new AssemblyLoadContext("example", isCollectible: true);
        try
        {
            image.Position = 0;
            var type = context.LoadFromStream(image).GetType("Test")!;
            var run = type.GetMethod("Run", BindingFlags.Instance | BindingFlags.NonPublic)!;
            var js = server.JetStream;
            try
            {
                await (Task)run.Invoke(Activator.CreateInstance(type, nonPublic: true), new object?[] { js, new NatsKVContext(js), new NatsObjContext(js), null })!;
                return null;
            }
            catch (NatsJSApiException e)
            {
                return e.Error.Description;
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
