using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Consumers = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.ConsumerConfigurationAnalyzer>;
using Streams = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.StreamConfigurationAnalyzer>;

namespace JetStream.Analyzers.Tests;

/// <summary>
/// No analyzer exception (AD0001) and no diagnostics on code that is empty, does not use NATS.Net, is half typed or
/// generated; and the usual reports from code in lambdas, local functions, async iterators and top-level programs.
/// </summary>
public class RobustnessTests
{
    private const string BadStream = "new StreamConfig(\"ORDERS\", [\"orders.>\"]) { NumReplicas = 1, MaxBytes = 1024, MaxAge = TimeSpan.FromDays(1), DenyDelete = true, DenyPurge = true }";

    private static DiagnosticResult Replicas(int location) =>
        Streams.Diagnostic("JS1001").WithLocation(location)
            .WithMessage("Stream 'ORDERS' has 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas.");

    // ---------------------------------------------------------------- the runner sees what the verifier sees

    [Fact]
    public async Task PositiveControl_RunnerReportsFindingsAndExceptions()
    {
        // The runner used below for code that does not compile must be able to see a finding at all.
        var diagnostics = await AnalyzerRunner.RunAsync(Code.InMethod($"        await js.CreateStreamAsync({BadStream});"));
        Assert.Equal(new[] { "JS1001" }, diagnostics.Select(d => d.Id).ToArray());
    }

    // ---------------------------------------------------------------- empty and unrelated code

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("// just a comment")]
    [InlineData("namespace Empty;")]
    [InlineData("class C { }")]
    public async Task EmptySources_NoDiagnostics(string source)
    {
        await Streams.AnalyzerAsync(source);
        await Consumers.AnalyzerAsync(source);
    }

    [Fact]
    public async Task UsingsOnly_NoDiagnostics()
    {
        await Streams.AnalyzerAsync(Code.Usings);
        await Consumers.AnalyzerAsync(Code.Usings);
    }

    [Fact]
    public async Task WithoutNatsReferences_PlainCode_NoDiagnostics()
    {
        const string source = """
            using System.Threading.Tasks;

            class Test
            {
                async Task<int> Run() { await Task.Yield(); return 1; }
            }
            """;
        await Streams.AnalyzerWithoutNatsAsync(source);
        await Consumers.AnalyzerWithoutNatsAsync(source);
    }

    [Fact]
    public async Task WithoutNatsReferences_LookAlikeTypes_NoDiagnostics()
    {
        // Same names as NATS.Net, declared in the project: the analyzers register nothing without the real assembly.
        const string source = """
            using System.Threading.Tasks;

            namespace NATS.Client.JetStream.Models
            {
                public record StreamConfig(string Name, string[] Subjects) { public int NumReplicas { get; set; } }
                public record ConsumerConfig(string Name) { public long MaxDeliver { get; set; } }
            }

            namespace NATS.Client.JetStream
            {
                using NATS.Client.JetStream.Models;

                public interface INatsJSContext
                {
                    ValueTask CreateStreamAsync(StreamConfig config);
                    ValueTask CreateOrUpdateConsumerAsync(string stream, ConsumerConfig config);
                }

                class Test
                {
                    async Task Run(INatsJSContext js)
                    {
                        await js.CreateStreamAsync(new StreamConfig("ORDERS", new[] { "orders.>" }) { NumReplicas = 1 });
                        await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("worker") { MaxDeliver = -1 });
                    }
                }
            }
            """;
        await Streams.AnalyzerWithoutNatsAsync(source);
        await Consumers.AnalyzerWithoutNatsAsync(source);

        var diagnostics = await AnalyzerRunner.RunAsync(source, TestReferences.Framework);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task CoreClientWithoutJetStream_NoDiagnostics()
    {
        // NATS.Client.Core alone: the analyzers find no JetStream assembly and register nothing.
        var core = TestReferences.Nats.Where(r => r.Display is { } path
            && (path.EndsWith("NATS.Client.Core.dll", System.StringComparison.Ordinal) || path.EndsWith("NATS.Client.Abstractions.dll", System.StringComparison.Ordinal))).ToList();
        Assert.Equal(2, core.Count);
        const string source = """
            using System.Threading.Tasks;
            using NATS.Client.Core;

            class Test
            {
                async Task Run(INatsConnection nats) => await nats.PublishAsync("orders.new", "hello");
            }
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(source, TestReferences.Framework.AddRange(core));
        Assert.Empty(diagnostics);
    }

    // ---------------------------------------------------------------- half-typed code

    public static IEnumerable<object[]> HalfTyped => new[]
    {
        "await js.CreateStreamAsync(new StreamConfig { NumReplicas = });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { NumReplicas = 1,",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { NumReplicas = 1, Bogus = 2 });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", unknownSubjects) { NumReplicas = 1 });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { NumReplicas = unknownValue });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { Storage = StreamConfigStorage. });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { MaxAge = TimeSpan.FromSeconds( });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\" [\"orders.>\"]));",
        "await js.CreateStreamAsync(new StreamConfig(",
        "await js.CreateStreamAsync(new StreamConfig",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) with { NumReplicas = });",
        "var cfg = new StreamConfig(\"ORDERS\", [\"orders.>\"]) { NumReplicas = 1 }; cfg.NumReplicas = ; await js.CreateStreamAsync(cfg);",
        "var cfg = new StreamConfig(\"ORDERS\", [\"orders.>\"]) { NumReplicas = 1 }; cfg. ; await js.CreateStreamAsync(cfg);",
        "var cfg = new StreamConfig(\"ORDERS\", [\"orders.>\"]) { NumReplicas = 1 }; cfg.Bogus = 3; await js.CreateStreamAsync(cfg);",
        "await js.CreateStreamAsync();",
        "await js.CreateStreamAsync(unknownConfig);",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]), 1, 2, 3);",
        "await js.CreateStream(new StreamConfig(\"ORDERS\", [\"orders.>\"]));",
        "await unknownContext.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]));",
        "await js.CreateStreamAsync(new UnknownConfig { NumReplicas = 1 });",
        "await js.CreateOrUpdateConsumerAsync(\"ORDERS\", new ConsumerConfig { AckWait = });",
        "await js.CreateOrUpdateConsumerAsync(\"ORDERS\", new ConsumerConfig(\"worker\") { MaxDeliver = -1,",
        "await js.CreateOrUpdateConsumerAsync(\"ORDERS\", new ConsumerConfig(\"worker\") { Backoff = [TimeSpan.FromSeconds(1), ] , MaxDeliver = x });",
        "await js.CreateOrUpdateConsumerAsync(new ConsumerConfig(\"worker\"));",
        "await js.CreateOrUpdateConsumerAsync(\"ORDERS\", );",
        "await stream.CreateOrUpdateConsumerAsync(new ConsumerConfig(\"worker\") { DeliverSubject = });",
        "await kv.CreateStoreAsync(new NatsKVConfig());",
        "await kv.CreateStoreAsync(new NatsKVConfig(\"cfg\") { NumberOfReplicas = });",
        "await kv.CreateStoreAsync(bucket: );",
        "await obj.CreateObjectStoreAsync(new NatsObjConfig(\"files\") { Storage = NatsObjStorageType });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { Mirror = new StreamSource { } });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { Sources = [new StreamSource { Name = }] });",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(HalfTyped))]
    public async Task HalfTypedCode_NoExceptionAndNoDiagnostics(string statement)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(Code.InMethod("        " + statement));
        Assert.True(diagnostics.IsEmpty, AnalyzerRunner.Describe(diagnostics));
    }

    // ---------------------------------------------------------------- constants out of a property's range (issue 15, item 18)

    public static IEnumerable<object[]> OverflowingConstants => new[]
    {
        // Valid C#: the unchecked conversion is the constant -1.
        "await obj.CreateObjectStoreAsync(new NatsObjConfig(\"O\") { MaxBytes = unchecked((long)ulong.MaxValue) });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { MaxBytes = unchecked((long)ulong.MaxValue), MaxMsgs = unchecked((long)(ulong.MaxValue - 1)) });",
        "await kv.CreateStoreAsync(new NatsKVConfig(\"cfg\") { MaxBytes = unchecked((long)ulong.MaxValue), MaxAge = TimeSpan.FromTicks(long.MaxValue) });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { MaxAge = new TimeSpan(long.MaxValue), DuplicateWindow = TimeSpan.MaxValue });",

        // Half typed: a ulong literal where a long or int belongs does not convert (CS0266/CS0031).
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { MaxMsgsPerSubject = 9223372036854775808 });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { NumReplicas = 18446744073709551615, MaxBytes = 18446744073709551615 });",
        "await js.CreateOrUpdateConsumerAsync(\"ORDERS\", new ConsumerConfig(\"worker\") { MaxDeliver = 9223372036854775808, MaxAckPending = 9223372036854775808 });",
        "await js.CreateOrUpdateConsumerAsync(\"ORDERS\", new ConsumerConfig(\"worker\") { MaxMsgsPerSubject = 9223372036854775808 });",
        "await js.CreateOrUpdateConsumerAsync(\"ORDERS\", new ConsumerConfig(\"worker\") { AckWait = new TimeSpan(18446744073709551615), Backoff = [new TimeSpan(9223372036854775808)] });",
        "await js.CreateStreamAsync(new StreamConfig(\"ORDERS\", [\"orders.>\"]) { MaxAge = new TimeSpan(9223372036854775807, 0, 0, 0) });",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(OverflowingConstants))]
    public async Task OverflowingConstants_NoAnalyzerException(string statement)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(Code.InMethod("        " + statement));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task HalfTypedClass_NoException()
    {
        var source = Code.Usings + """
            class Test
            {
                private readonly StreamConfig field = new("ORDERS", ["orders.>"]) { NumReplicas =
                private StreamConfig Make() => new(
                async Task Run(INatsJSContext js)
                {
                    await js.CreateStreamAsync(field);
                    await js.CreateStreamAsync(Make());
                    await js.CreateStreamAsync(Missing());
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(source);
        Assert.True(diagnostics.IsEmpty, AnalyzerRunner.Describe(diagnostics));
    }

    [Fact]
    public async Task SelfReferencingConfigs_NoException()
    {
        var source = Code.Usings + """
            class Test
            {
                private static readonly StreamConfig Loop = Loop with { NumReplicas = 1 };

                private static StreamConfig Forever() => Forever();

                private static StreamConfig Ping() => Pong();

                private static StreamConfig Pong() => Ping();

                async Task Run(INatsJSContext js)
                {
                    await js.CreateStreamAsync(Loop);
                    await js.CreateStreamAsync(Forever());
                    await js.CreateStreamAsync(Ping());
                }
            }
            """;
        await Streams.AnalyzerAsync(source);
    }

    // ---------------------------------------------------------------- where the call can be

    [Fact]
    public async Task InsideLambdas_Reported()
    {
        var source = Code.InClass($$"""
                void Run(INatsJSContext js)
                {
                    Func<Task> simple = async () => await js.CreateStreamAsync({|#0:{{Configs.Stream("-NumReplicas")}}|});
                    Func<INatsJSContext, Task> parenthesized = async (ctx) =>
                    {
                        var cfg = {{Configs.Stream("-NumReplicas")}};
                        {|#1:cfg.NumReplicas = 1|};
                        await ctx.CreateStreamAsync(cfg);
                    };
                    Func<Task> anonymous = async delegate { await js.CreateStreamAsync({{Configs.Stream("{|#2:NumReplicas = 1|}")}}); };
                }
            """);
        await Streams.AnalyzerAsync(source,
            Streams.Diagnostic("JS1001").WithLocation(0)
                .WithMessage("Stream 'ORDERS' has no NumReplicas, so the server runs it with 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."),
            Replicas(1),
            Replicas(2));
    }

    [Fact]
    public async Task InsideLocalFunctions_Reported()
    {
        var source = Code.InMethod($$"""
                    await Create();
                    await CreateStatic(js);

                    async Task Create()
                    {
                        var cfg = {{Configs.Stream()}};
                        {|#0:cfg.NumReplicas = 1|};
                        await js.CreateStreamAsync(cfg);
                    }

                    static async Task CreateStatic(INatsJSContext context) =>
                        await context.CreateStreamAsync({{Configs.Stream("{|#1:NumReplicas = 1|}")}});
            """);
        await Streams.AnalyzerAsync(source, Replicas(0), Replicas(1));
    }

    [Fact]
    public async Task InsideAsyncIterators_Reported()
    {
        var source = Code.InClass($$"""
                async IAsyncEnumerable<INatsJSStream> Streams(INatsJSContext js)
                {
                    var cfg = {{Configs.Stream("{|#0:NumReplicas = 1|}")}};
                    yield return await js.CreateStreamAsync(cfg);
                    await foreach (var name in js.ListStreamNamesAsync())
                    {
                        yield return await js.CreateOrUpdateStreamAsync(cfg with { Name = "ORDERS" });
                    }
                }
            """);
        await Streams.AnalyzerAsync(source, Replicas(0));
    }

    [Fact]
    public async Task InConstructorsAccessorsAndOperators_Reported()
    {
        var source = Code.InClass($$"""
                private readonly INatsJSContext js = null!;

                public Test() => _ = js.CreateStreamAsync({{Configs.Stream("{|#0:NumReplicas = 1|}")}});

                public Task Property
                {
                    get
                    {
                        var cfg = {{Configs.Stream()}};
                        {|#1:cfg.NumReplicas = 1|};
                        return js.CreateStreamAsync(cfg).AsTask();
                    }
                }

                public static Test operator +(Test a, Test b)
                {
                    _ = a.js.CreateStreamAsync({{Configs.Stream("{|#2:NumReplicas = 1|}")}});
                    return a;
                }
            """);
        await Streams.AnalyzerAsync(source, Replicas(0), Replicas(1), Replicas(2));
    }

    [Fact]
    public async Task TopLevelStatements_Reported()
    {
        var source = Code.Usings + "using NATS.Net;\n" + $$"""
            await using var nats = new NatsClient();
            var js = nats.CreateJetStreamContext();

            await js.CreateStreamAsync({{Configs.Stream("{|#0:NumReplicas = 1|}")}});

            var cfg = {{Configs.Stream()}};
            {|#1:cfg.NumReplicas = 1|};
            await js.CreateStreamAsync(cfg);

            await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("worker") { MaxDeliver = 5, Backoff = [TimeSpan.FromSeconds(1)], MaxExpires = TimeSpan.FromMinutes(1) });
            """;
        await Streams.AnalyzerAsync(source, options: null, test => test.TestState.OutputKind = OutputKind.ConsoleApplication, Replicas(0), Replicas(1));
        await Consumers.AnalyzerAsync(source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty),
            options: null, test => test.TestState.OutputKind = OutputKind.ConsoleApplication);
    }

    [Fact]
    public async Task ExpressionTreesAndNameof_NoException()
    {
        var source = Code.InClass($$"""
                void Run(INatsJSContext js)
                {
                    System.Linq.Expressions.Expression<Func<ValueTask<INatsJSStream>>> tree = () => js.CreateStreamAsync({|#0:new StreamConfig("ORDERS", ["orders.>"])|});
                    var name = nameof(js.CreateStreamAsync);
                }
            """);
        var diagnostics = await AnalyzerRunner.RunAsync(source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    // ---------------------------------------------------------------- generated code

    [Theory]
    [InlineData("// <auto-generated/>\n")]
    [InlineData("// <auto-generated>\n// This code was generated by a tool.\n// </auto-generated>\n")]
    [InlineData("/* <autogenerated /> */\n")]
    public async Task GeneratedByComment_NoDiagnostics(string header)
    {
        var source = header + Code.InMethod($$"""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]));
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("worker"));
                    await kv.CreateStoreAsync("cfg");
            """);
        await Streams.AnalyzerAsync(source);
        await Consumers.AnalyzerAsync(source);
    }

    [Theory]
    [InlineData("/0/Orders.g.cs")]
    [InlineData("/0/Orders.designer.cs")]
    [InlineData("/0/Orders.generated.cs")]
    [InlineData("/0/Orders.g.i.cs")]
    public async Task GeneratedByFileName_NoDiagnostics(string path)
    {
        var generated = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]));
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("worker"));
            """).Replace("class Test", "class Generated");
        var normal = Code.InMethod($"        await js.CreateStreamAsync({Configs.Stream("{|#0:NumReplicas = 1|}")});");
        await Streams.AnalyzerAsync(normal, options: null, test => test.TestState.Sources.Add((path, generated)), Replicas(0));
        await Consumers.AnalyzerAsync(Code.Usings, options: null, test => test.TestState.Sources.Add((path, generated)));
    }

    [Fact]
    public async Task GeneratedCodeAttribute_NoDiagnostics()
    {
        var source = Code.Usings + """
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            class Generated
            {
                async Task Run(INatsJSContext js) => await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]));
            }
            """;
        await Streams.AnalyzerAsync(source);
    }

    // The analyzers tell the compiler they report in generated code and check these locations themselves (issue 10).

    [Fact]
    public async Task GeneratedCodeAttributeOnAnotherPartOfTheType_NoDiagnostics()
    {
        var source = Code.Usings + """
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            partial class Generated
            {
                private static readonly StreamConfig Orders = new("ORDERS", ["orders.>"]) { NumReplicas = 1 };
            }

            partial class Generated
            {
                async Task Run(INatsJSContext js) => await js.CreateStreamAsync(Orders);
            }
            """;
        await Streams.AnalyzerAsync(source);
    }

    [Fact]
    public async Task GeneratedCodeAttributeOnAField_NoDiagnosticsAtTheField()
    {
        var source = Code.Usings + """
            class Test
            {
                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                private static readonly StreamConfig Orders = new("ORDERS", ["orders.>"]) { NumReplicas = 1 };

                async Task Run(INatsJSContext js) => await js.CreateStreamAsync(Orders);
            }
            """;
        await Streams.AnalyzerAsync(source);
    }

    [Fact]
    public async Task HiddenLines_NoDiagnostics()
    {
        var source = Code.InMethod("""
            #line hidden
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { NumReplicas = 1 });
            #line default
            """);
        await Streams.AnalyzerAsync(source);
    }
}
