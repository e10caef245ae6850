using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JetStream.Analyzers.Configuration;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NATS.Client.JetStream.Models;
using static JetStream.Analyzers.Tests.Server.ServerCase;

namespace JetStream.Analyzers.Tests.Server;

/// <summary>
/// JS2100 reasons that need the consumer's stream (deliver-subject cycles, work-queue rules, the 2.9 filter
/// exception for external sources). The C# analyzer never knows which stream a consumer lands on, so these run the
/// rule on models built by the C# front end from both expressions, with the stream attached, as a front end that
/// knows the stream (a config file) does. The same expressions, compiled, create the stream and consumer on a real
/// server.
/// </summary>
[Collection(NatsServerCollection.Name)]
public sealed class ConsumerOnKnownStreamAgainstServerTests
{
    private const string Known = """new StreamConfig("KNOWN", ["known.>"])""";
    private const string WorkQueue = """new StreamConfig("WORKQ", ["wq.>"]) { Retention = StreamConfigRetention.Workqueue }""";
    private const string ExternalSource = """new StreamConfig { Name = "EXTSRC", Sources = [new StreamSource { Name = "ELSEWHERE", External = new ExternalStreamSource { Api = "$JS.elsewhere.API" } }] }""";

    private static readonly IReadOnlyList<(string Stream, ServerCase Consumer)> Cases = new[]
    {
        (Known, Rejects("push consumer delivering into the stream's subjects", """new ConsumerConfig("m01") { DeliverSubject = "known.deliver" }""",
            "consumer deliver subject forms a cycle")),
        (Known, Accepts("push consumer delivering outside the stream's subjects", """new ConsumerConfig("m02") { DeliverSubject = "deliver.m02" }""")),
        (WorkQueue, Rejects("work queue: ack all", """new ConsumerConfig("m03") { AckPolicy = ConsumerConfigAckPolicy.All }""",
            "workqueue stream requires explicit ack")),
        (WorkQueue, Rejects("work queue: pull consumer with ack none", """new ConsumerConfig("m04") { AckPolicy = ConsumerConfigAckPolicy.None }""",
            "consumer in pull mode requires ack policy", before: "2.11.0",
            note: "2.11 says 'consumer in pull mode requires explicit ack policy on workqueue stream'")),
        (WorkQueue, Rejects("work queue: push consumer with ack none", """new ConsumerConfig("m05") { DeliverSubject = "deliver.m05", AckPolicy = ConsumerConfigAckPolicy.None }""",
            "workqueue stream requires explicit ack")),
        (WorkQueue, Rejects("work queue: deliver new", """new ConsumerConfig("m06") { DeliverPolicy = ConsumerConfigDeliverPolicy.New }""",
            "consumer must be deliver all on workqueue stream")),
        (WorkQueue, Accepts("work queue: explicit ack, deliver all", """new ConsumerConfig("m07")""")),
        (ExternalSource, Accepts("invalid filter subject on a stream with an external source", """new ConsumerConfig("m08") { FilterSubject = "ext..x" }""",
            before: "2.10.0", raw: "CONSUMER.CREATE.EXTSRC.m08",
            note: "2.9 skips its filter check when a source is external; 2.10 rejects any invalid filter")),
    };

    private static readonly Lazy<Compiled> Build = new(Compile);

    private readonly NatsServer server;

    public ConsumerOnKnownStreamAgainstServerTests(NatsServer server)
    {
        this.server = server;
    }

    public static IEnumerable<object[]> Rejected => Rows(Expectation.Rejected);

    public static IEnumerable<object[]> Accepted => Rows(Expectation.Accepted);

    [NatsServerTheory]
    [MemberData(nameof(Rejected))]
    public async Task Server_rejects_and_rule_reports_JS2100(string id, string proves)
    {
        var c = Find(id).Consumer;
        var reasons = Reasons(id, server.Version);
        Assert.True(reasons.Any(r => r.Contains(c.Reason!, StringComparison.Ordinal)),
            $"[{proves}] '{id}': expected the reason \"{c.Reason}\", got: {string.Join(" | ", reasons)}");
        AnalyzerAssert.ServerRejected(await SendAsync(id, c), c, server.Version, proves);
    }

    [NatsServerTheory]
    [MemberData(nameof(Accepted))]
    public async Task Server_accepts_and_rule_is_silent(string id, string proves)
    {
        var c = Find(id).Consumer;
        var reasons = Reasons(id, server.Version);
        Assert.True(reasons.Count == 0, $"[{proves}] '{id}': expected no JS2100, got: {string.Join(" | ", reasons)}");
        AnalyzerAssert.ServerAccepted(await SendAsync(id, c), c, server.Version, proves);
    }

    private static IEnumerable<object[]> Rows(Expectation expect)
    {
        var installed = NatsServer.Installed;
        return Cases.Select(x => x.Consumer)
            .Where(c => c.Expect == expect && (installed is not { } v || c.HoldsFor(v)))
            .Select(c => new object[] { c.Id, c.Proves(installed) });
    }

    private static (string Stream, ServerCase Consumer) Find(string id) => Cases.Single(x => x.Consumer.Id == id);

    private static int IndexOf(string id) => Cases.Select((x, i) => (x, i)).Single(p => p.x.Consumer.Id == id).i;

    /// <summary>The JS2100 reasons for the case's consumer, with its stream known, for <paramref name="version"/>.</summary>
    private static List<string> Reasons(string id, ServerVersion version)
    {
        var (stream, consumer) = Build.Value.Models[IndexOf(id)];
        consumer.Stream = stream;
        var findings = new List<Finding>();
        new ServerRejectsConsumer().Evaluate(consumer, new RuleContext(RuleOptions.Default, version), findings);
        return findings.Select(f => f.Message).ToList();
    }

    private async Task<ApiOutcome> SendAsync(string id, ServerCase c)
    {
        var i = IndexOf(id);
        var factories = Build.Value.Factories;
        var stream = (StreamConfig)factories.GetMethod($"Stream{i:D3}")!.Invoke(null, null)!;
        var consumer = (ConsumerConfig)factories.GetMethod($"Consumer{i:D3}")!.Invoke(null, null)!;
        await server.EnsureStreamAsync(stream);
        return await ServerApi.CreateConsumerAsync(server, stream.Name!, consumer, c.RawSubject);
    }

    private static Compiled Compile()
    {
        var source = new StringBuilder(Code.Usings);
        source.AppendLine("public static class Factories").AppendLine("{");
        for (var i = 0; i < Cases.Count; i++)
        {
            source.AppendLine($"    public static object Stream{i:D3}() => {Cases[i].Stream};");
            source.AppendLine($"    public static object Consumer{i:D3}() => {Cases[i].Consumer.Config};");
        }

        source.AppendLine("}").AppendLine("class Test").AppendLine("{");
        for (var i = 0; i < Cases.Count; i++)
        {
            source.AppendLine($"    async Task Case{i:D3}(INatsJSContext js)").AppendLine("    {")
                .AppendLine($"        await js.CreateStreamAsync({Cases[i].Stream});")
                .AppendLine($"        await js.CreateConsumerAsync(\"stream\", {Cases[i].Consumer.Config});")
                .AppendLine("    }");
        }

        source.AppendLine("}");
        var compilation = InMemoryCompiler.Compile(source.ToString());
        var types = NatsTypes.TryCreate(compilation) ?? throw new InvalidOperationException("NATS.Net types not found");
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.Text.StartsWith("Case", StringComparison.Ordinal)).ToList();
        var models = new List<(StreamModel, ConsumerModel)>();
        foreach (var method in methods)
        {
            var calls = method.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Select(node => model.GetOperation(node) as IInvocationOperation)
                .Select(op => op is null ? null : ConfigCall.Match(op, types))
                .Where(call => call is not null)
                .ToList();
            var streamCall = calls.Single(call => call!.Kind == ConfigKind.Stream)!;
            var consumerCall = calls.Single(call => call!.Kind == ConfigKind.Consumer)!;
            var tracer = new ConfigTracer(types, model, CancellationToken.None);
            var stream = StreamModelBuilder.FromStreamConfig(tracer.Trace(streamCall.Config!)!, streamCall.Operation);
            var consumer = ConsumerModelBuilder.FromConsumerConfig(tracer.Trace(consumerCall.Config!)!, consumerCall.Operation, consumerCall.StreamName);
            models.Add((stream, consumer));
        }

        var assembly = InMemoryCompiler.Load(compilation);
        return new Compiled(models, assembly.GetType("Factories")!);
    }

    private sealed record Compiled(IReadOnlyList<(StreamModel Stream, ConsumerModel Consumer)> Models, Type Factories);
}
