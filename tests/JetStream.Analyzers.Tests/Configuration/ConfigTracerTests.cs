using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace JetStream.Analyzers.Tests.Configuration;

/// <summary>
/// The code shapes ConfigTracer follows from a NATS call back to where the configuration is built, for StreamConfig
/// and ConsumerConfig alike. Each test uses one probe setting with a value the rule reports (stream: NumReplicas = 1,
/// JS1001; consumer: MaxDeliver = -1, JS2002), so the reported location shows which write the tracer used, and its
/// absence shows that the tracer gave up.
/// </summary>
public class ConfigTracerTests
{
    /// <summary>How a test talks about one configuration type.</summary>
    public sealed class Kind
    {
        public required string Type { get; init; }

        /// <summary>The constructor call, without initializer.</summary>
        public required string Ctor { get; init; }

        /// <summary>Target-typed constructor call.</summary>
        public required string TargetTypedCtor { get; init; }

        /// <summary>Initializer members that name the object when no constructor argument does.</summary>
        public required string NameMembers { get; init; }

        public required IReadOnlyList<(string Property, string Value)> Safe { get; init; }

        /// <summary>Format string of the NATS call, {0} is the configuration.</summary>
        public required string Call { get; init; }

        public required string Probe { get; init; }

        public required string Bad { get; init; }

        public required string Good { get; init; }

        public required string Rule { get; init; }

        public required System.Func<string, DiagnosticResult[], Task> Verify { get; init; }

        /// <summary>Like <see cref="Verify"/>, with a second file (path, text) in the compilation.</summary>
        public required System.Func<string, (string Path, string Text), DiagnosticResult[], Task> VerifyWithFile { get; init; }

        /// <summary>The safe initializer members without the probe, plus <paramref name="extra"/>.</summary>
        public string Members(params string[] extra) =>
            Configs.Members(Safe, extra.Length == 0 ? new[] { "-" + Probe } : extra.Prepend("-" + Probe).ToArray());

        /// <summary><c>Ctor { safe members, extra }</c>.</summary>
        public string New(params string[] extra) => $"{Ctor} {{ {Members(extra)} }}";

        public string Send(string config) => string.Format(Call, config);

        public string BadWrite => $"{Probe} = {Bad}";

        public string GoodWrite => $"{Probe} = {Good}";

        public override string ToString() => Type;
    }

    public static readonly Kind Stream = new()
    {
        Type = "StreamConfig",
        Ctor = "new StreamConfig(\"ORDERS\", [\"orders.>\"])",
        TargetTypedCtor = "new(\"ORDERS\", [\"orders.>\"])",
        NameMembers = "Name = \"ORDERS\", Subjects = [\"orders.>\"]",
        Safe = Configs.SafeStreamSettings,
        Call = "await js.CreateStreamAsync({0});",
        Probe = "NumReplicas",
        Bad = "1",
        Good = "3",
        Rule = "JS1001",
        Verify = (source, expected) => Verify<StreamConfigurationAnalyzer>.AnalyzerAsync(source, expected),
        VerifyWithFile = (source, file, expected) => Verify<StreamConfigurationAnalyzer>.AnalyzerAsync(source, null, t => t.TestState.Sources.Add(file), expected),
    };

    public static readonly Kind Consumer = new()
    {
        Type = "ConsumerConfig",
        Ctor = "new ConsumerConfig(\"worker\")",
        TargetTypedCtor = "new(\"worker\")",
        NameMembers = "DurableName = \"worker\"",
        Safe = Configs.SafeConsumerSettings,
        Call = "await js.CreateOrUpdateConsumerAsync(\"ORDERS\", {0});",
        Probe = "MaxDeliver",
        Bad = "-1",
        Good = "5",
        Rule = "JS2002",
        Verify = (source, expected) => Verify<ConsumerConfigurationAnalyzer>.AnalyzerAsync(source, expected),
        VerifyWithFile = (source, file, expected) => Verify<ConsumerConfigurationAnalyzer>.AnalyzerAsync(source, null, t => t.TestState.Sources.Add(file), expected),
    };

    public static IEnumerable<object[]> Kinds => new[] { new object[] { "stream" }, new object[] { "consumer" } };

    private static Kind Of(string kind) => kind == "stream" ? Stream : Consumer;

    private static Task Reports(Kind k, string source, params int[] locations) =>
        k.Verify(source, locations.Select(l => new DiagnosticResult(k.Rule, DiagnosticSeverity.Warning).WithLocation(l)).ToArray());

    private static Task Silent(Kind k, string source) => k.Verify(source, []);

    private static string Method(string body) => Code.InMethod(body);

    // ---------------------------------------------------------------- creation shapes

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ConstructorWithInitializer(string kind)
    {
        var k = Of(kind);
        await Reports(k, Method(k.Send($"{k.Ctor} {{ {k.Members($"{{|#0:{k.BadWrite}|}}")} }}")), 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task InitializerOnly(string kind)
    {
        var k = Of(kind);
        await Reports(k, Method(k.Send($"new {k.Type} {{ {k.NameMembers}, {k.Members($"{{|#0:{k.BadWrite}|}}")} }}")), 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ConstructorOnly_AbsentProbeReportedOnTheCreation(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var cfg = {|#0:{{k.Ctor}}|};
                    {{string.Join("\n", k.Safe.Where(s => s.Property != k.Probe).Select(s => $"cfg.{s.Property} = {s.Value};"))}}
                    {{k.Send("cfg")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TargetTypedNewAsArgument(string kind)
    {
        var k = Of(kind);
        await Reports(k, Method(k.Send($"{k.TargetTypedCtor} {{ {k.Members($"{{|#0:{k.BadWrite}|}}")} }}")), 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TargetTypedNewWithoutArguments(string kind)
    {
        var k = Of(kind);
        await Reports(k, Method(k.Send($"new() {{ {k.NameMembers}, {k.Members($"{{|#0:{k.BadWrite}|}}")} }}")), 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TargetTypedNewInALocal(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    {{k.Type}} cfg = {{k.TargetTypedCtor}} { {{k.Members($"{{|#0:{k.BadWrite}|}}")}} };
                    {{k.Send("cfg")}}
            """);
        await Reports(k, source, 0);
    }

    // ---------------------------------------------------------------- with copies

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WithCopyOfALocal_UsesTheCopysWrite(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var original = {{k.New(k.GoodWrite)}};
                    var copy = original with { {|#0:{{k.BadWrite}}|} };
                    {{k.Send("copy")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WithCopy_KeepsTheOriginalsValues(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var original = {{k.New($"{{|#0:{k.BadWrite}|}}")}};
                    {{k.Send("original with { }")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WithCopy_OverridesTheOriginalsValue(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var original = {{k.New(k.BadWrite)}};
                    {{k.Send($"original with {{ {k.GoodWrite} }}")}}
            """);
        await Silent(k, source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WithCopyOfAnInlineCreation(string kind)
    {
        var k = Of(kind);
        await Reports(k, Method(k.Send($"{k.New(k.GoodWrite)} with {{ {{|#0:{k.BadWrite}|}} }}")), 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ChainedWithCopies(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var a = {{k.New(k.GoodWrite)}};
                    var b = a with { };
                    {{k.Send($"b with {{ {{|#0:{k.BadWrite}|}} }}")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ChainsDeeperThanTheTracerFollows_Silent(string kind)
    {
        // Each local and each copy is one step; the tracer stops after four and reports nothing.
        var k = Of(kind);
        var source = Method($$"""
                    var a = {{k.New(k.GoodWrite)}};
                    var b = a with { };
                    var c = b with { {{k.BadWrite}} };
                    {{k.Send("c")}}
            """);
        await Silent(k, source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WithCopy_OriginalWrittenBeforeTheCopy(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var original = {{k.New(k.GoodWrite)}};
                    {|#0:original.{{k.BadWrite}}|};
                    var copy = original with { };
                    original.{{k.GoodWrite}};
                    {{k.Send("copy")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WithCopyOfAnUnknownConfig_Silent(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, {{k.Type}} existing) => {{k.Send($"existing with {{ {k.BadWrite} }}")}}
            """);
        await Silent(k, source);
    }

    // ---------------------------------------------------------------- locals written before the call

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LocalWrittenBeforeTheCall_ReportedOnTheWrite(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var cfg = {{k.New()}};
                    {|#0:cfg.{{k.BadWrite}}|};
                    {{k.Send("cfg")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LastWriteBeforeTheCallWins(string kind)
    {
        var k = Of(kind);
        var good = Method($$"""
                    var cfg = {{k.New(k.BadWrite)}};
                    cfg.{{k.BadWrite}};
                    cfg.{{k.GoodWrite}};
                    {{k.Send("cfg")}}
            """);
        await Silent(k, good);

        var bad = Method($$"""
                    var cfg = {{k.New(k.GoodWrite)}};
                    {|#0:cfg.{{k.BadWrite}}|};
                    {{k.Send("cfg")}}
            """);
        await Reports(k, bad, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WritesAfterTheCallAreIgnored(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var cfg = {{k.New($"{{|#0:{k.BadWrite}|}}")}};
                    {{k.Send("cfg")}}
                    cfg.{{k.GoodWrite}};
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SentTwice_EachCallSeesItsOwnWrites(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var cfg = {{k.New($"{{|#0:{k.BadWrite}|}}")}};
                    {{k.Send("cfg")}}
                    cfg.{{k.GoodWrite}};
                    {{k.Send("cfg")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WritesInPlainBlocksAreCertain(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var cfg = {{k.New()}};
                    {
                        try
                        {
                            {|#0:cfg.{{k.BadWrite}}|};
                        }
                        catch (InvalidOperationException)
                        {
                            throw;
                        }
                    }
                    {{k.Send("cfg")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WriteThroughParenthesesOrSuppression_Applies(string kind)
    {
        // Regression: (cfg).X = … and cfg!.X = … were ignored, so an earlier value was reported.
        var k = Of(kind);
        var fixedLater = Method($$"""
                    var cfg = {{k.New(k.BadWrite)}};
                    (cfg).{{k.GoodWrite}};
                    {{k.Send("cfg")}}
            """);
        await Silent(k, fixedLater);

        var brokenLater = Method($$"""
                    var cfg = {{k.New(k.GoodWrite)}};
                    {|#0:cfg!.{{k.BadWrite}}|};
                    {{k.Send("cfg")}}
            """);
        await Reports(k, brokenLater, 0);
    }

    public static IEnumerable<object[]> ConditionalWrites =>
        from kind in new[] { "stream", "consumer" }
        from statement in new[]
        {
            "if (flag) cfg.{0};",
            "if (flag) {{ }} else {{ cfg.{0}; }}",
            "switch (count) {{ case 1: cfg.{0}; break; }}",
            "for (var i = 0; i < count; i++) cfg.{0};",
            "foreach (var i in new[] {{ 1, 2 }}) cfg.{0};",
            "while (flag) {{ cfg.{0}; flag = false; }}",
            "try {{ count++; }} catch (Exception) {{ cfg.{0}; }}",
            "Action change = () => cfg.{0};",
            "Action change = delegate {{ cfg.{0}; }};",
            "void Change() => cfg.{0};",
            "_ = flag ? cfg.{0} : 0;",
            "_ = flag && (cfg.{0}) > 0;",
            "cfg.{1} += 1;",
            "cfg.{1}++;",
        }
        select new object[] { kind, statement };

    [Theory]
    [MemberData(nameof(ConditionalWrites))]
    public async Task WritesOnSomePathsMakeTheValueUnknown(string kind, string statement)
    {
        // The probe is left out of the initializer: were the write ignored, the rule would report the absent value.
        var k = Of(kind);
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, bool flag, int count)
                {
                    var cfg = {{k.New()}};
                    {{string.Format(statement, k.BadWrite, k.Probe)}}
                    {{k.Send("cfg")}}
                }
            """);
        await Silent(k, source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LocalFunctionDeclaredAfterTheCall_MakesTheValueUnknown(string kind)
    {
        // Regression: a local function can be declared after the call and still run before it.
        var k = Of(kind);
        var source = Method($$"""
                    var cfg = {{k.New(k.BadWrite)}};
                    Harden();
                    {{k.Send("cfg")}}

                    void Harden() => cfg.{{k.GoodWrite}};
            """);
        await Silent(k, source);
    }

    // ---------------------------------------------------------------- the object escapes: whole config unknown

    public static IEnumerable<object[]> Escapes =>
        from kind in new[] { "stream", "consumer" }
        from statement in new[]
        {
            "Tweak(cfg);",
            "Tweak(ref cfg);",
            "Holder.Keep(cfg);",
            "var alias = cfg;",
            "object boxed = cfg;",
            "cfg = Create();",
            "{0}[] all = [cfg];",
            "var all = new List<{0}> {{ cfg }};",
            "Func<{0}> get = () => cfg;",
            "var either = flag ? cfg : Create();",
            "var same = cfg ?? Create();",
            "if (cfg is {{ }} matched) {{ }}",
            "var holder = new Holder(cfg);",
            "(var a, var b) = (cfg, 1);",
            "cfg.Harden();",
        }
        select new object[] { kind, statement };

    [Theory]
    [MemberData(nameof(Escapes))]
    public async Task ObjectEscapes_WholeConfigUnknown(string kind, string statement)
    {
        var k = Of(kind);
        var source = Code.Usings + $$"""
            static class Extensions
            {
                public static void Harden(this {{k.Type}} config) => config.{{k.GoodWrite}};
            }

            class Holder
            {
                public Holder({{k.Type}} config) { }

                public static void Keep({{k.Type}} config) { }
            }

            class Test
            {
                async Task Run(INatsJSContext js, bool flag)
                {
                    var cfg = {{k.New(k.BadWrite)}};
                    {{string.Format(statement, k.Type)}}
                    {{k.Send("cfg")}}
                }

                static void Tweak({{k.Type}} config) => config.{{k.GoodWrite}};

                static void Tweak(ref {{k.Type}} config) => config = config with { {{k.GoodWrite}} };

                static {{k.Type}} Create() => {{k.New(k.GoodWrite)}};
            }
            """;
        await Silent(k, source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AliasChangedThroughTheOtherName_Silent(string kind)
    {
        // Regression: b was traced through a, but a's writes after "var b = a" were not seen.
        var k = Of(kind);
        var source = Method($$"""
                    var a = {{k.New(k.BadWrite)}};
                    {{k.Type}} b = a;
                    a.{{k.GoodWrite}};
                    {{k.Send("b")}}
            """);
        await Silent(k, source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task HarmlessReads_KeepTheConfigKnown(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var cfg = {{k.New($"{{|#0:{k.BadWrite}|}}")}};
                    Console.WriteLine(cfg.ToString());
                    var hash = cfg.GetHashCode();
                    if (cfg == null || cfg is null || cfg is { {{k.Probe}}: 3 })
                    {
                        return;
                    }

                    var copy = cfg with { };
                    {{k.Send("cfg")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task PassedToANatsCallFirst_StillTraced(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var cfg = {{k.New(k.GoodWrite)}};
                    {{k.Send("cfg")}}
                    {|#0:cfg.{{k.BadWrite}}|};
                    {{k.Send("cfg")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task DeclaredOutsideALambda_Silent(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var cfg = {{k.New(k.BadWrite)}};
                    Func<Task> send = async () => {{k.Send("cfg").TrimEnd(';')}};
                    await send();
            """);
        await Silent(k, source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LocalWithoutInitializer_Silent(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    {{k.Type}} cfg;
                    cfg = {{k.New(k.BadWrite)}};
                    {{k.Send("cfg")}}
            """);
        await Silent(k, source);
    }

    // ---------------------------------------------------------------- readonly fields

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task PrivateReadonlyField_ReportedOnTheFieldInitializer(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                private readonly {{k.Type}} config = {{k.New($"{{|#0:{k.BadWrite}|}}")}};
                private static readonly {{k.Type}} Shared = {{k.New($"{{|#1:{k.BadWrite}|}}")}};

                async Task Run(INatsJSContext js)
                {
                    {{k.Send("config")}}
                    {{k.Send("this.config")}}
                    {{k.Send("Shared")}}
                }
            """);
        await Reports(k, source, 0, 1);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task FieldMutatedElsewhereInTheType_Silent(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                private readonly {{k.Type}} config = {{k.New(k.BadWrite)}};
                private readonly {{k.Type}} other = {{k.New(k.BadWrite)}};

                public Test()
                {
                    this.config.{{k.GoodWrite}};
                }

                void Harden() => other.{{k.GoodWrite}};

                async Task Run(INatsJSContext js)
                {
                    {{k.Send("config")}}
                    {{k.Send("other")}}
                }
            """);
        await Silent(k, source);
    }

    [Theory]
    [InlineData("stream", "private {0} config = {1};")]
    [InlineData("stream", "public readonly {0} config = {1};")]
    [InlineData("stream", "internal static readonly {0} config = {1};")]
    [InlineData("stream", "protected readonly {0} config = {1};")]
    [InlineData("stream", "private readonly {0} config;")]
    [InlineData("consumer", "private {0} config = {1};")]
    [InlineData("consumer", "public readonly {0} config = {1};")]
    [InlineData("consumer", "private readonly {0} config;")]
    public async Task FieldsThatMayChangeOutOfSight_Silent(string kind, string declaration)
    {
        // Regression for the non-private cases: code in another type or file can mutate the object.
        var k = Of(kind);
        var source = Code.InClass($$"""
                {{string.Format(declaration, k.Type, k.New(k.BadWrite))}}

                async Task Run(INatsJSContext js) => {{k.Send("config")}}
            """);
        await Silent(k, source);
    }

    /// <summary>A partial class Test whose field <c>config</c> holds the probe's bad value (marked #0 when <paramref name="marked"/>), sent in Run.</summary>
    private static string PartialWorker(Kind k, bool marked, string otherPart = "") => Code.Usings + $$"""
        partial class Test
        {
            private readonly {{k.Type}} config = {{k.New(marked ? $"{{|#0:{k.BadWrite}|}}" : k.BadWrite)}};

            async Task Run(INatsJSContext js)
            {
                LogStarting("worker");
                {{k.Send("config")}}
            }

            partial void LogStarting(string name);
        }
        {{otherPart}}
        """;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task FieldOfAPartialType_FollowedAcrossItsDeclarations(string kind)
    {
        var k = Of(kind);
        await Reports(k, PartialWorker(k, marked: true, "partial class Test { void Describe() => Console.WriteLine(config.Description); }"), 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task FieldOfAPartialType_WrittenInAnotherDeclaration_Silent(string kind)
    {
        var k = Of(kind);
        await Silent(k, PartialWorker(k, marked: false, $"partial class Test {{ void Harden() => config.{k.GoodWrite}; }}"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task FieldOfAPartialType_OtherFileWithoutTheField_Reports(string kind)
    {
        // The shape of a class made partial by [LoggerMessage]: the generated part lives in another file.
        var k = Of(kind);
        const string Generated = "partial class Test { partial void LogStarting(string name) => System.Console.WriteLine(\"starting \" + name); }";
        await k.VerifyWithFile(PartialWorker(k, marked: true), ("Test.Log.g.cs", Generated), [new DiagnosticResult(k.Rule, DiagnosticSeverity.Warning).WithLocation(0)]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task FieldOfAPartialType_MentionedInAnotherFile_Silent(string kind)
    {
        var k = Of(kind);
        var other = $"partial class Test {{ void Harden() => config.{k.GoodWrite}; partial void LogStarting(string name) {{ }} }}";
        await k.VerifyWithFile(PartialWorker(k, marked: false), ("Test.Harden.cs", Code.Usings + other), []);
    }

    // ---------------------------------------------------------------- ?:, ?? and switch expressions

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Conditional_BranchesAgreeOnTheValue_Reports(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, bool large) =>
                    {{k.Send($"large ? {k.New($"{{|#0:{k.BadWrite}|}}", "Description = \"large\"")} : {k.New(k.BadWrite, "Description = \"small\"")}")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Conditional_NeitherBranchSetsIt_ReportedOnTheWholeExpression(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, bool large)
                {
                    var cfg = {|#0:large ? {{k.New("Description = \"large\"")}} : {{k.New()}}|};
                    {{k.Send("cfg")}}
                }
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [InlineData("stream", "{0}", "{1}")]
    [InlineData("stream", "{0}", "")]
    [InlineData("consumer", "{0}", "{1}")]
    [InlineData("consumer", "", "{0}")]
    public async Task Conditional_BranchesDisagree_Silent(string kind, string whenTrue, string whenFalse)
    {
        var k = Of(kind);
        string Branch(string write) => write.Length == 0 ? k.New() : k.New(string.Format(write, k.BadWrite, k.GoodWrite));
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, bool large) => {{k.Send($"large ? {Branch(whenTrue)} : {Branch(whenFalse)}")}}
            """);
        await Silent(k, source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ConditionalWithAThrowingBranch_IsTheOtherBranch(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, bool valid) =>
                    {{k.Send($"valid ? {k.New($"{{|#0:{k.BadWrite}|}}")} : throw new ArgumentException(\"invalid\")")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CoalesceWithAnUnknownLeftSide_Silent(string kind)
    {
        // The fallback is only one of the possible values: the caller's configuration is unknown.
        var k = Of(kind);
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, {{k.Type}}? configured) => {{k.Send($"configured ?? {k.New(k.BadWrite)}")}}
            """);
        await Silent(k, source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CoalesceOfTwoTracedConfigs_ReportsWhatBothAgreeOn(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    var primary = {{k.New($"{{|#0:{k.BadWrite}|}}", "Description = \"primary\"")}};
                    {{k.Send($"primary ?? {k.New(k.BadWrite)}")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SwitchExpression_ArmsAgree_Reports_ArmsDisagree_Silent(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, int tier)
                {
                    {{k.Send($$"""
                        tier switch
                        {
                            0 => {{k.New($"{{|#0:{k.BadWrite}|}}", "Description = \"free\"")}},
                            1 => {{k.New(k.BadWrite, "Description = \"paid\"")}},
                            _ => throw new ArgumentOutOfRangeException(nameof(tier)),
                        }
                        """)}}
                    {{k.Send($$"""
                        tier switch
                        {
                            0 => {{k.New(k.BadWrite)}},
                            _ => {{k.New(k.GoodWrite)}},
                        }
                        """)}}
                }
            """);
        await Reports(k, source, 0);
    }

    [Fact]
    public async Task ObjectStoreConditional_ReportsTheLimitsNeitherBranchSets()
    {
        // Neither branch sets replicas or a byte limit; only one sets MaxAge, so JS1004 stays silent.
        var source = Code.InClass("""
                async Task Run(INatsObjContext obj, string bucket, bool expire) =>
                    await obj.CreateObjectStoreAsync({|#0:expire ? new NatsObjConfig(bucket) { MaxAge = TimeSpan.FromDays(1) } : new NatsObjConfig(bucket)|});
            """);
        await Verify<StreamConfigurationAnalyzer>.AnalyzerAsync(
            source,
            Verify<StreamConfigurationAnalyzer>.DiagnosticWithAnyMessage("JS1001").WithLocation(0),
            Verify<StreamConfigurationAnalyzer>.DiagnosticWithAnyMessage("JS1003").WithLocation(0));
    }

    // ---------------------------------------------------------------- helper methods

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task PrivateExpressionBodiedHelper(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                private {{k.Type}} Make() => {{k.New($"{{|#0:{k.BadWrite}|}}")}};

                async Task Run(INatsJSContext js) => {{k.Send("Make()")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task StaticHelperWithOneReturn_FollowsItsLocal(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                public static {{k.Type}} Make()
                {
                    var cfg = {{k.New()}};
                    {|#0:cfg.{{k.BadWrite}}|};
                    return cfg;
                }

                async Task Run(INatsJSContext js) => {{k.Send("Make()")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LocalFunctionHelper(string kind)
    {
        var k = Of(kind);
        var source = Method($$"""
                    {{k.Send("Make()")}}

                    {{k.Type}} Make() => {{k.New($"{{|#0:{k.BadWrite}|}}")}};
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task HelperReturningAField_Silent(string kind)
    {
        // Returning the field hands the shared object to every caller, which may change it.
        var k = Of(kind);
        var source = Code.InClass($$"""
                private static readonly {{k.Type}} Default = {{k.New(k.BadWrite)}};

                private static {{k.Type}} Make() => Default;

                async Task Run(INatsJSContext js) => {{k.Send("Make()")}}
            """);
        await Silent(k, source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task NestedHelpersWithinTheDepthLimit(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                private static {{k.Type}} A() => B();

                private static {{k.Type}} B() => {{k.New($"{{|#0:{k.BadWrite}|}}")}};

                async Task Run(INatsJSContext js) => {{k.Send("A()")}}
            """);
        await Reports(k, source, 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task HelpersBeyondTheDepthLimit_Silent(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                private static {{k.Type}} A() => B();
                private static {{k.Type}} B() => C();
                private static {{k.Type}} C() => D();
                private static {{k.Type}} D() => E();
                private static {{k.Type}} E() => F();
                private static {{k.Type}} F() => {{k.New(k.BadWrite)}};

                async Task Run(INatsJSContext js) => {{k.Send("A()")}}
            """);
        await Silent(k, source);
    }

    [Theory]
    [InlineData("stream", "public {0} Make() => {1};")]
    [InlineData("stream", "protected virtual {0} Make() => {1};")]
    [InlineData("stream", "private {0} Make() {{ if (flag) return {1}; return {1}; }}")]
    [InlineData("stream", "private static {0} Make() {{ var cfg = {1}; Tweak(cfg); return cfg; }}")]
    [InlineData("consumer", "public {0} Make() => {1};")]
    [InlineData("consumer", "protected virtual {0} Make() => {1};")]
    [InlineData("consumer", "private {0} Make() {{ if (flag) return {1}; return {1}; }}")]
    public async Task HelpersThatCannotBeFollowed_Silent(string kind, string helper)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                private bool flag;

                {{string.Format(helper, k.Type, k.New(k.BadWrite))}}

                private static void Tweak({{k.Type}} config) { }

                async Task Run(INatsJSContext js) => {{k.Send("Make()")}}
            """);
        await Silent(k, source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task HelperTakingTheValueAsParameter_ValueUnknown(string kind)
    {
        var k = Of(kind);
        var source = Code.InClass($$"""
                private static {{k.Type}} Make(int value) => {{k.New($"{k.Probe} = value")}};

                async Task Run(INatsJSContext js) => {{k.Send("Make(1)")}}
            """);
        await Silent(k, source);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task HelperInAnotherFile_Silent(string kind)
    {
        var k = Of(kind);
        var source = Code.Usings + $$"""
            partial class Test
            {
                async Task Run(INatsJSContext js) => {{k.Send("Make()")}}
            }
            """;
        var helper = Code.Usings + $$"""
            partial class Test
            {
                private static {{k.Type}} Make() => {{k.New(k.BadWrite)}};
            }
            """;
        await Run(k, source, test => test.Sources.Add(("/0/Helper.cs", helper)));
    }

    private static Task Run(Kind k, string source, System.Action<SolutionState> configure) =>
        k == Stream
            ? Verify<StreamConfigurationAnalyzer>.AnalyzerAsync(source, null, test => configure(test.TestState))
            : Verify<ConsumerConfigurationAnalyzer>.AnalyzerAsync(source, null, test => configure(test.TestState));
}
