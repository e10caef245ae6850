using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace JetStream.Analyzers.Tests.Server;

public enum Expectation
{
    /// <summary>The server rejects the configuration with <see cref="ServerCase.Reason"/>; the analyzer reports it.</summary>
    Rejected,

    /// <summary>The server accepts the configuration; the analyzer reports no rejection.</summary>
    Accepted,

    /// <summary>
    /// A rule the analyzer applies only from <see cref="ServerCase.Before"/> on: servers below that version accept
    /// the configuration (and the analyzer stays silent for them), servers from it reject it with <see cref="ServerCase.Reason"/>.
    /// </summary>
    Gated,
}

/// <summary>
/// One configuration sent to a real nats-server. <see cref="Config"/> is a C# expression that builds a NATS.Net
/// StreamConfig or ConsumerConfig; the same text is analyzed and, compiled, sent to the server.
/// </summary>
public sealed record ServerCase(string Id, Expectation Expect, string Config)
{
    /// <summary>Rejected: the server's error text. Gated: the text the analyzer gives from <see cref="Before"/> on.</summary>
    public string? Reason { get; init; }

    /// <summary>First server version the expectation holds for (inclusive); null = any older release too.</summary>
    public string? From { get; init; }

    /// <summary>First server version the expectation no longer holds for (exclusive); null = up to the newest.</summary>
    public string? Before { get; init; }

    /// <summary>
    /// JetStream API subject (after "$JS.API.") to send the request to directly, for configurations NATS.Net
    /// refuses to send or sends to a subject that changes the question (a name with '.', a filter in the subject).
    /// </summary>
    public string? RawSubject { get; init; }

    /// <summary>Why the request is sent raw, or any other note on what the case proves.</summary>
    public string? Note { get; init; }

    public static ServerCase Rejects(string id, string config, string reason, string? from = null, string? before = null, string? raw = null, string? note = null) =>
        new(id, Expectation.Rejected, config) { Reason = reason, From = from, Before = before, RawSubject = raw, Note = note };

    public static ServerCase Accepts(string id, string config, string? from = null, string? before = null, string? raw = null, string? note = null) =>
        new(id, Expectation.Accepted, config) { From = from, Before = before, RawSubject = raw, Note = note };

    /// <summary>Accepted by servers before <paramref name="gate"/>; from it on the analyzer reports <paramref name="reason"/>.</summary>
    public static ServerCase GatedFrom(string gate, string id, string config, string reason, string? note = null) =>
        new(id, Expectation.Gated, config) { Reason = reason, Before = gate, Note = note };

    public bool HoldsFor(ServerVersion version) =>
        (From is null || version.CompareTo(ServerVersion.Parse(From)) >= 0)
        && (Before is null || version.CompareTo(ServerVersion.Parse(Before)) < 0);

    /// <summary>The server versions this case's expectation is claimed for, e.g. "2.9.1 <= v < 2.12.8".</summary>
    public string Range => (From, Before) switch
    {
        (null, null) => "all versions",
        (null, { } b) => $"v < {b}",
        ({ } f, null) => $"v >= {f}",
        ({ } f, { } b) => $"{f} <= v < {b}",
    };

    /// <summary>What a run proves, for test names: the installed server version and the claimed range.</summary>
    public string Proves(ServerVersion? installed) =>
        (installed is { } v ? $"nats-server {v}" : "nats-server (not installed)") + $"; claimed for {Range}";

    public override string ToString() => Id;
}

/// <summary>
/// A list of cases for one API call. Every case's expression is analyzed in one compilation per server version
/// (each case in its own method) and compiled once into an in-memory assembly that builds the config objects.
/// </summary>
public sealed class CaseSet
{
    private readonly IReadOnlyList<ServerCase> cases;
    private readonly Dictionary<string, int> index;
    private readonly Func<string, string> call;
    private readonly Func<DiagnosticAnalyzer> analyzer;
    private readonly ConcurrentDictionary<ServerVersion, Lazy<Task<ILookup<string, Diagnostic>>>> analyses = new();
    private readonly Lazy<Assembly> factories;

    /// <param name="cases">The cases; ids must be unique.</param>
    /// <param name="call">Builds the analyzed statement from a config expression, e.g. <c>await js.CreateStreamAsync(x);</c>.</param>
    /// <param name="analyzer">Creates the analyzer under test.</param>
    public CaseSet(IReadOnlyList<ServerCase> cases, Func<string, string> call, Func<DiagnosticAnalyzer> analyzer)
    {
        this.cases = cases;
        this.call = call;
        this.analyzer = analyzer;
        index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            index.Add(cases[i].Id, i);
        }

        factories = new Lazy<Assembly>(() => InMemoryCompiler.Load(InMemoryCompiler.Compile(FactorySource())));
    }

    public ServerCase this[string id] => cases[index[id]];

    public IReadOnlyList<ServerCase> All => cases;

    /// <summary>Theory rows (id, what it proves) for the cases of one kind that hold for the installed server.</summary>
    public IEnumerable<object[]> Rows(Expectation expect)
    {
        var installed = NatsServer.Installed;
        return cases
            .Where(c => c.Expect == expect && (installed is not { } v || c.HoldsFor(v)))
            .Select(c => new object[] { c.Id, c.Proves(installed) });
    }

    /// <summary>Builds the configuration object by running the compiled expression.</summary>
    public object Create(string id)
    {
        var method = factories.Value.GetType("ServerCaseFactories")!.GetMethod(MethodName(index[id]))!;
        try
        {
            return method.Invoke(null, null)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"Building the config of case '{id}' threw", e.InnerException);
        }
    }

    /// <summary>The analyzer's diagnostics for one case, analyzed for <paramref name="version"/>.</summary>
    public async Task<IReadOnlyList<Diagnostic>> DiagnosticsAsync(string id, ServerVersion version)
    {
        var lookup = await analyses.GetOrAdd(version, v => new Lazy<Task<ILookup<string, Diagnostic>>>(() => AnalyzeAllAsync(v))).Value;
        return lookup[MethodName(index[id])].ToList();
    }

    private async Task<ILookup<string, Diagnostic>> AnalyzeAllAsync(ServerVersion version)
    {
        var source = new StringBuilder(Code.Usings).AppendLine("class Test").AppendLine("{");
        for (var i = 0; i < cases.Count; i++)
        {
            source.AppendLine($"    async Task {MethodName(i)}(INatsJSContext js)")
                .AppendLine("    {")
                .AppendLine("        " + call(cases[i].Config))
                .AppendLine("    }");
        }

        source.AppendLine("}");
        var compilation = InMemoryCompiler.Compile(source.ToString());
        var options = new Dictionary<string, string> { [OptionKeys.ServerVersion] = version.ToString() };
        var diagnostics = await InMemoryCompiler.AnalyzeAsync(compilation, analyzer(), options);
        return diagnostics.ToLookup(d => InMemoryCompiler.ContainingMethod(d) ?? string.Empty);
    }

    private string FactorySource()
    {
        var source = new StringBuilder(Code.Usings).AppendLine("public static class ServerCaseFactories").AppendLine("{");
        for (var i = 0; i < cases.Count; i++)
        {
            source.AppendLine($"    public static object {MethodName(i)}() => {cases[i].Config};");
        }

        return source.AppendLine("}").ToString();
    }

    private static string MethodName(int i) => $"Case{i:D3}";
}
