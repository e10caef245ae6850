using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Infrastructure;
using NATS.Client.Core;

namespace JetStream.Analyzers.Tests.Documentation;

/// <summary>
/// Runs a live example of a JS5xxx page the way <c>dotnet build -p:JetStreamServer=...</c> does: a fresh nats-server for
/// the example (plain <c>nats-server -js</c>, one started with the example's configuration, or a port where nothing
/// listens), the example's "(server)" JSON created on it with the raw JetStream API, then the files linted with the
/// server's version and checked against it. Findings come back as the build prints them: severities resolved from the
/// marker's options, findings without a file against <see cref="ProjectFile"/>, the server's URL written as
/// <see cref="DocumentedUrl"/> and its version as <see cref="DocumentedVersion"/>.
/// </summary>
public static class LiveExampleRunner
{
    /// <summary>The project file findings without a file are reported against, as the pages show it.</summary>
    public const string ProjectFile = "Repo.csproj";

    /// <summary>The server's URL as the pages show it (the examples' commands use it).</summary>
    public const string DocumentedUrl = "nats://localhost:4222";

    /// <summary>The nats-server version the pages' outputs name; a run on another release reads as this one.</summary>
    public static readonly ServerVersion DocumentedVersion = new(2, 9, 10);

    private static readonly string[] ConnectionProperties = { "JetStreamUser", "JetStreamPassword", "JetStreamToken" };

    public static async Task<List<FileFinding>> RunAsync(PageExample example, string release)
    {
        using var repo = new ConfigRepo();
        foreach (var file in example.Files)
        {
            repo.With(file.Path, file.Block.Code + "\n");
        }

        var properties = example.Server.Properties;
        var unknown = properties.Keys.Except(ConnectionProperties, StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, $"server-config marker at the example of body line {example.Line}: unknown properties {string.Join(", ", unknown)}; use {string.Join(", ", ConnectionProperties)}.");
        string? Property(string name) => properties.TryGetValue(name, out var value) ? value : null;

        switch (example.Server.Kind)
        {
            case ExampleServerKind.Down:
                Assert.True(example.ServerFiles.Count == 0, $"The example at body line {example.Line} runs without a server, so it can't have '(server)' files.");
                return Check(repo, example, SilentEndpoint.ClosedPortUrl(), Property, release);

            case ExampleServerKind.Configured:
            {
                await using var server = await ConfiguredNatsServer.StartAsync(example.Server.ConfigText, release: release);
                var auth = new NatsAuthOpts { Username = Property("JetStreamUser"), Password = Property("JetStreamPassword"), Token = Property("JetStreamToken") };
                await using var connection = new NatsConnection(new NatsOpts { Url = server.Url, Name = "jetstream-analyzers-docs", AuthOpts = auth, RequestTimeout = TimeSpan.FromSeconds(5) });
                if (example.ServerFiles.Count > 0)
                {
                    await connection.ConnectAsync();
                    await CreateAsync(connection, example);
                }

                return Check(repo, example, server.Url, Property, release);
            }

            default:
            {
                await using var server = await NatsServer.StartAsync(release);
                await CreateAsync(server.Connection, example);
                return Check(repo, example, server.Url, Property, release);
            }
        }
    }

    // The example's server state, in page order: stream configurations, and consumer create requests for durable consumers.
    private static async Task CreateAsync(NatsConnection connection, PageExample example)
    {
        foreach (var file in example.ServerFiles)
        {
            bool isConsumer;
            using (var json = JsonDocument.Parse(file.Block.Code))
            {
                isConsumer = json.RootElement.TryGetProperty("stream_name", out _) && json.RootElement.TryGetProperty("config", out _);
            }

            var error = isConsumer
                ? await RawJetStreamApi.PutConsumerAsync(connection, file.Block.Code)
                : await RawJetStreamApi.CreateStreamAsync(connection, file.Block.Code);
            Assert.True(error is null, $"The server refused '(server) {file.Path}' (body line {file.Block.Line}) of the example at body line {example.Line}: {error}");
        }
    }

    private static List<FileFinding> Check(ConfigRepo repo, PageExample example, string url, Func<string, string?> property, string release)
    {
        var settings = ConfigRepo.Server(url);
        settings.User = property("JetStreamUser");
        settings.Password = property("JetStreamPassword");
        settings.Token = property("JetStreamToken");
        var options = example.Options;
        var findings = repo.CheckLive(settings, options.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

        var shownUrl = ConnectionSettings.Redact(new Uri(url));
        // An example for some releases only, without the documented one, shows the first of its releases.
        var shownVersion = example.Releases is { } releases && !releases.Contains(DocumentedVersion.ToString()) ? releases[0] : DocumentedVersion.ToString();
        string Normalize(string text)
        {
            text = text.Replace(shownUrl, DocumentedUrl, StringComparison.Ordinal)
                .Replace("nats-server " + release, "nats-server " + shownVersion, StringComparison.Ordinal)
                .Replace("NATS server " + release, "NATS server " + shownVersion, StringComparison.Ordinal);

            return Path.DirectorySeparatorChar == '/' ? text : text.Replace(Path.DirectorySeparatorChar, '/');
        }

        var severities = new SeverityResolver();
        return findings.Select(f =>
        {
            if (f.Origin is not SourceSpan span)
            {
                // As the task does: a suggestion without a file has no editor to show it, so the build prints it as a message.
                return new FileFinding(ProjectFile, 0, 0, 0, 0, severities.ResolveWithSuggestions(f.Rule.Id, f.Severity, options), f.Rule.Id, Normalize(f.Message));
            }

            return new FileFinding(repo.RelativePath(span.Path), span.Line, span.Column, span.EndLine, span.EndColumn, severities.Resolve(f.Rule.Id, f.Severity, options), f.Rule.Id, Normalize(f.Message));
        }).ToList();
    }
}

/// <summary>
/// Rows of (live rule ID, release) for one test release, skipped when the machine lacks that release (never with CI=true):
/// the live examples hold on every release unless an example names its releases.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class LiveExamplesOnAttribute : Xunit.Sdk.DataAttribute
{
    private readonly string release;

    public LiveExamplesOnAttribute(string release)
    {
        this.release = release;
        Skip = NatsReleases.SkipReason(release);
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) =>
        ((IEnumerable<object[]>)RuleDocumentationTests.LiveRuleIds).Select(row => new[] { row[0], release });
}
