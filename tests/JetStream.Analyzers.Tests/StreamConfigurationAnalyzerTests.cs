using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.StreamConfigurationAnalyzer>;

namespace JetStream.Analyzers.Tests;

/// <summary>
/// Every stream rule (JS1001–JS1007, JS1100, JS1101) through the C# front end: where it reports and what it says,
/// the variant it accepts, silence when the value is only known at run time, and the options that change it.
/// </summary>
public class StreamConfigurationAnalyzerTests
{
    private static readonly Dictionary<string, string> NoOptions = new();

    private static string Create(string config) => Code.InMethod($"        await js.CreateStreamAsync({config});");

    private static Dictionary<string, string> Options(string key, string value) => new() { [key] = value };

    private static DiagnosticResult At(string id, int location, string message) =>
        Verify.Diagnostic(id).WithLocation(location).WithMessage(message);

    // ---------------------------------------------------------------- positive control

    /// <summary>
    /// Positive control: the NATS.Net assemblies resolve in test compilations (the framework fails on any compiler
    /// error, so an unresolved StreamConfig would fail here) and the analyzer reports on them. Without this test every
    /// "no diagnostic" test below could pass vacuously.
    /// </summary>
    [Fact]
    public async Task PositiveControl_NatsTypesResolveAndABareStreamIsReported()
    {
        var source = Create("{|#0:new StreamConfig(\"ORDERS\", [\"orders.>\"])|}");
        await Verify.AnalyzerAsync(
            source,
            At("JS1001", 0, "Stream 'ORDERS' has no NumReplicas, so the server runs it with 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."),
            At("JS1003", 0, "Stream 'ORDERS' has no byte limit (MaxBytes is not set); it grows until the server's storage is full. Set a maximum size."),
            At("JS1004", 0, "Stream 'ORDERS' has no age limit (MaxAge is not set); messages are kept forever unless another limit removes them. Set a maximum age."),
            At("JS1006", 0, "Stream 'ORDERS' allows message deletion and purge; one API call can erase its messages. Set DenyDelete and DenyPurge."));
    }

    [Fact]
    public async Task SafeStream_NoDiagnostics() => await Verify.AnalyzerAsync(Create(Configs.Stream()));

    // ---------------------------------------------------------------- JS1001 replicas below minimum

    [Fact]
    public async Task JS1001_ReplicasNotSet_ReportedOnTheCreation()
    {
        var source = Create("{|#0:" + Configs.Stream("-NumReplicas") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Stream 'ORDERS' has no NumReplicas, so the server runs it with 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."));
    }

    [Fact]
    public async Task JS1001_OneReplica_ReportedOnTheAssignment()
    {
        var source = Create(Configs.Stream("{|#0:NumReplicas = 1|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Stream 'ORDERS' has 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."));
    }

    [Fact]
    public async Task JS1001_ZeroReplicas_ExplainsTheServerDefault()
    {
        var source = Create(Configs.Stream("{|#0:NumReplicas = 0|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Stream 'ORDERS' has NumReplicas 0, which the server turns into 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."));
    }

    [Fact]
    public async Task JS1001_TwoReplicas_ReportedAsBelowMinimumNotAsEven()
    {
        var source = Create(Configs.Stream("{|#0:NumReplicas = 2|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Stream 'ORDERS' has 2 replicas, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("5")]
    [InlineData("StreamReplicas")]
    [InlineData("1 + 2")]
    public async Task JS1001_EnoughReplicas_NoDiagnostic(string replicas)
    {
        var source = Code.InClass($$"""
                const int StreamReplicas = 5;

                async Task Run(INatsJSContext js) => await js.CreateStreamAsync({{Configs.Stream($"NumReplicas = {replicas}")}});
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task JS1001_MinReplicasOption_RaisesTheMinimum()
    {
        var source = Create(Configs.Stream("{|#0:NumReplicas = 3|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_min_replicas", "5"),
            At("JS1001", 0, "Stream 'ORDERS' has 3 replicas, below the production minimum of 5: a single failed server can lose its messages or stop it from accepting writes. Use at least 5 replicas."));
    }

    [Theory]
    [InlineData("-NumReplicas")]
    [InlineData("NumReplicas = 0")]
    [InlineData("NumReplicas = 1")]
    public async Task JS1001_MinReplicasOne_AcceptsTheServerDefault(string replicas)
    {
        // 0 and "not set" both mean one replica on the server, which meets a minimum of 1.
        await Verify.AnalyzerAsync(Create(Configs.Stream(replicas)), Options("jetstream_min_replicas", "1"));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("")]
    public async Task JS1001_InvalidMinReplicasOption_FallsBackToThree(string value)
    {
        var source = Create(Configs.Stream("{|#0:NumReplicas = 2|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_min_replicas", value),
            At("JS1001", 0, "Stream 'ORDERS' has 2 replicas, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."));
    }

    [Fact]
    public async Task JS1001_NegativeReplicas_LeftToTheServerRejection()
    {
        var source = Create(Configs.Stream("{|#0:NumReplicas = -1|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Stream 'ORDERS' is rejected by NATS server 2.15.1: replicas count cannot be negative"));
    }

    // ---------------------------------------------------------------- JS1002 even replica count

    [Fact]
    public async Task JS1002_FourReplicas_Reported()
    {
        var source = Create(Configs.Stream("{|#0:NumReplicas = 4|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1002", 0, "Stream 'ORDERS' has 4 replicas, which tolerates no more server failures than 3 replicas; use 3 or 5 replicas"));
    }

    [Fact]
    public async Task JS1002_TwoReplicasWithMinimumTwo_Reported()
    {
        var source = Create(Configs.Stream("{|#0:NumReplicas = 2|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_min_replicas", "2"),
            At("JS1002", 0, "Stream 'ORDERS' has 2 replicas, which tolerates no more server failures than 1 replicas; use 3 replicas"));
    }

    [Fact]
    public async Task JS1002_FourReplicasBelowMinimumFive_OnlyJS1001()
    {
        var source = Create(Configs.Stream("{|#0:NumReplicas = 4|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_min_replicas", "5"),
            At("JS1001", 0, "Stream 'ORDERS' has 4 replicas, below the production minimum of 5: a single failed server can lose its messages or stop it from accepting writes. Use at least 5 replicas."));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("5")]
    public async Task JS1002_OddReplicas_NoDiagnostic(string replicas) =>
        await Verify.AnalyzerAsync(Create(Configs.Stream($"NumReplicas = {replicas}")));

    // ---------------------------------------------------------------- JS1003 no max bytes

    [Fact]
    public async Task JS1003_MaxBytesNotSet_ReportedOnTheCreation()
    {
        var source = Create("{|#0:" + Configs.Stream("-MaxBytes") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS1003", 0, "Stream 'ORDERS' has no byte limit (MaxBytes is not set); it grows until the server's storage is full. Set a maximum size."));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-1", "-1")]
    [InlineData("default", "0")]
    public async Task JS1003_UnlimitedMaxBytes_ReportedOnTheAssignment(string value, string shown)
    {
        var source = Create(Configs.Stream($"{{|#0:MaxBytes = {value}|}}"));
        await Verify.AnalyzerAsync(source,
            At("JS1003", 0, $"Stream 'ORDERS' has no byte limit (MaxBytes is {shown}); it grows until the server's storage is full. Set a maximum size."));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("10L * 1024 * 1024 * 1024")]
    [InlineData("long.MaxValue")]
    public async Task JS1003_PositiveMaxBytes_NoDiagnostic(string value) =>
        await Verify.AnalyzerAsync(Create(Configs.Stream($"MaxBytes = {value}")));

    // ---------------------------------------------------------------- JS1004 no max age

    [Fact]
    public async Task JS1004_MaxAgeNotSet_ReportedOnTheCreation()
    {
        var source = Create("{|#0:" + Configs.Stream("-MaxAge") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS1004", 0, "Stream 'ORDERS' has no age limit (MaxAge is not set); messages are kept forever unless another limit removes them. Set a maximum age."));
    }

    [Theory]
    [InlineData("TimeSpan.Zero")]
    [InlineData("default")]
    [InlineData("TimeSpan.FromDays(0)")]
    [InlineData("new TimeSpan(0)")]
    public async Task JS1004_ZeroMaxAge_ReportedOnTheAssignment(string value)
    {
        var source = Create(Configs.Stream($"{{|#0:MaxAge = {value}|}}"));
        await Verify.AnalyzerAsync(source,
            At("JS1004", 0, "Stream 'ORDERS' has no age limit (MaxAge is 0); messages are kept forever unless another limit removes them. Set a maximum age."));
    }

    [Theory]
    [InlineData("TimeSpan.FromDays(30)")]
    [InlineData("TimeSpan.FromMilliseconds(100)")]
    [InlineData("new TimeSpan(1, 0, 0)")]
    public async Task JS1004_MaxAgeSet_NoDiagnostic(string value) =>
        await Verify.AnalyzerAsync(Create(Configs.Stream($"MaxAge = {value}")));

    // ---------------------------------------------------------------- JS1005 memory storage

    [Fact]
    public async Task JS1005_MemoryStorage_ReportedOnTheAssignment()
    {
        var source = Create(Configs.Stream("{|#0:Storage = StreamConfigStorage.Memory|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1005", 0, "Stream 'ORDERS' uses memory storage; its messages are lost when the servers restart. Use file storage unless the data is disposable."));
    }

    [Theory]
    [InlineData("-Storage")]
    [InlineData("Storage = StreamConfigStorage.File")]
    [InlineData("Storage = default")]
    public async Task JS1005_FileStorage_NoDiagnostic(string storage) =>
        await Verify.AnalyzerAsync(Create(Configs.Stream(storage)));

    // ---------------------------------------------------------------- JS1006 delete or purge allowed

    [Fact]
    public async Task JS1006_NeitherDenied_SuggestionOnTheCreation()
    {
        var source = Create("{|#0:" + Configs.Stream("-DenyDelete", "-DenyPurge") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS1006", 0, "Stream 'ORDERS' allows message deletion and purge; one API call can erase its messages. Set DenyDelete and DenyPurge.")
                .WithSeverity(DiagnosticSeverity.Info));
    }

    [Fact]
    public async Task JS1006_DeleteExplicitlyAllowed_ReportedOnTheAssignment()
    {
        var source = Create(Configs.Stream("{|#0:DenyDelete = false|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1006", 0, "Stream 'ORDERS' allows message deletion; one API call can erase its messages. Set DenyDelete."));
    }

    [Fact]
    public async Task JS1006_PurgeNotDenied_ReportedOnTheCreation()
    {
        var source = Create("{|#0:" + Configs.Stream("-DenyPurge") + "|}");
        await Verify.AnalyzerAsync(source,
            At("JS1006", 0, "Stream 'ORDERS' allows purge; one API call can erase its messages. Set DenyPurge."));
    }

    [Fact]
    public async Task JS1006_RollUpsOn_PurgeNotSuggested()
    {
        // The server rejects deny_purge together with roll-ups, so only deletion is asked for.
        await Verify.AnalyzerAsync(Create(Configs.Stream("-DenyPurge", "AllowRollupHdrs = true")));
    }

    [Theory]
    [InlineData("ORDERS")]
    [InlineData("ORD*")]
    [InlineData("OR?ERS")]
    [InlineData("*")]
    [InlineData("PAYMENTS, ORDERS")]
    [InlineData(" PAYMENTS ,ORD* ")]
    public async Task JS1006_CriticalStream_IsAWarning(string critical)
    {
        var source = Create("{|#0:" + Configs.Stream("-DenyDelete", "-DenyPurge") + "|}");
        await Verify.AnalyzerAsync(source, Options("jetstream_critical_streams", critical),
            At("JS1006", 0, "Stream 'ORDERS' is critical but allows message deletion and purge; one API call can erase its messages. Set DenyDelete and DenyPurge.")
                .WithSeverity(DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("ORD")]
    [InlineData("orders")]
    [InlineData("ORDERS?")]
    [InlineData("PAY*")]
    [InlineData("")]
    public async Task JS1006_StreamNotCritical_StaysASuggestion(string critical)
    {
        var source = Create(Configs.Stream("{|#0:DenyDelete = false|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_critical_streams", critical),
            At("JS1006", 0, "Stream 'ORDERS' allows message deletion; one API call can erase its messages. Set DenyDelete.")
                .WithSeverity(DiagnosticSeverity.Info));
    }

    [Fact]
    public async Task JS1006_CriticalStreamsWithNullName_NoCrash()
    {
        // Regression: a null stream name reached Regex.IsMatch and threw (AD0001).
        var source = Create("{|#0:new StreamConfig { {|#1:Name = null|}, " + Configs.Members(Configs.SafeStreamSettings, "-DenyDelete") + " }|}");
        await Verify.AnalyzerAsync(source, Options("jetstream_critical_streams", "*"),
            At("JS1006", 0, "Stream allows message deletion; one API call can erase its messages. Set DenyDelete."),
            At("JS1100", 1, "Stream is rejected by NATS server 2.15.1: stream name is required and can not contain '.', '*', '>', '\\', '/'"));
    }

    [Fact]
    public async Task JS1006_Mirror_NotReported()
    {
        var source = Create("new StreamConfig { Name = \"BACKUP\", Mirror = new StreamSource { Name = \"ORDERS\" }, "
            + Configs.Members(Configs.SafeStreamSettings, "-DenyDelete", "-DenyPurge") + " }");
        await Verify.AnalyzerAsync(source);
    }

    // ---------------------------------------------------------------- JS1007 discard new

    [Fact]
    public async Task JS1007_DiscardNew_ReportedOnTheAssignment()
    {
        var source = Create(Configs.Stream("{|#0:Discard = StreamConfigDiscard.New|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1007", 0, "Stream 'ORDERS' uses the discard policy 'new': once a limit is reached the server rejects publishes, so every publisher must handle that error"));
    }

    [Theory]
    [InlineData("-Discard")]
    [InlineData("Discard = StreamConfigDiscard.Old")]
    public async Task JS1007_DiscardOld_NoDiagnostic(string discard) =>
        await Verify.AnalyzerAsync(Create(Configs.Stream(discard)));

    // ---------------------------------------------------------------- JS1100 rejected by the server

    [Fact]
    public async Task JS1100_NameWithDot_ReportedOnTheNameArgument()
    {
        var source = Create(Configs.Stream().Replace("\"ORDERS\"", "{|#0:\"ORD.ERS\"|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Stream 'ORD.ERS' is rejected by NATS server 2.15.1: stream name is required and can not contain '.', '*', '>', '\\', '/'"));
    }

    [Theory]
    [InlineData("2.12.0", "Stream name can not contain path separators")]
    [InlineData("2.12.8", "stream name is required and can not contain '.', '*', '>', '\\', '/'")]
    public async Task JS1100_NameWithSlash_ReasonDependsOnServerVersion(string version, string reason)
    {
        var source = Create(Configs.Stream().Replace("\"ORDERS\"", "{|#0:\"ORD/ERS\"|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_server_version", version),
            At("JS1100", 0, $"Stream 'ORD/ERS' is rejected by NATS server {version}: {reason}"));
    }

    [Fact]
    public async Task JS1100_TooManyReplicas()
    {
        var source = Create(Configs.Stream("{|#0:NumReplicas = 7|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Stream 'ORDERS' is rejected by NATS server 2.15.1: maximum replicas is 5 (this stream asks for 7)"));
    }

    [Fact]
    public async Task JS1100_MaxAgeBelow100ms()
    {
        var source = Create(Configs.Stream("{|#0:MaxAge = TimeSpan.FromMilliseconds(50)|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Stream 'ORDERS' is rejected by NATS server 2.15.1: max age needs to be >= 100ms (is 50ms)"));
    }

    [Fact]
    public async Task JS1100_DuplicateWindowLongerThanMaxAge()
    {
        var source = Create(Configs.Stream("MaxAge = TimeSpan.FromMinutes(1)", "{|#0:DuplicateWindow = TimeSpan.FromMinutes(2)|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Stream 'ORDERS' is rejected by NATS server 2.15.1: duplicates window can not be larger then max age (2m > 1m)"));
    }

    [Fact]
    public async Task JS1100_OverlappingSubjects_ReportedOnTheSubjectsArgument()
    {
        var source = Create(Configs.Stream().Replace("[\"orders.>\"]", "{|#0:[\"orders.>\", \"orders.new\"]|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Stream 'ORDERS' is rejected by NATS server 2.15.1: subject \"orders.>\" overlaps with \"orders.new\""));
    }

    [Fact]
    public async Task JS1100_DenyPurgeWithRollUps()
    {
        var source = Create(Configs.Stream("{|#0:AllowRollupHdrs = true|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Stream 'ORDERS' is rejected by NATS server 2.15.1: roll-ups require the purge permission"));
    }

    [Fact]
    public async Task JS1100_SealedOnCreate_Reported()
    {
        var source = Create(Configs.Stream("{|#0:Sealed = true|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Stream 'ORDERS' is rejected by NATS server 2.15.1: stream configuration for create can not be sealed"));
    }

    [Theory]
    [InlineData("await js.UpdateStreamAsync({0});")]
    [InlineData("await js.CreateOrUpdateStreamAsync({0});")]
    [InlineData("await stream.UpdateAsync({0});")]
    public async Task JS1100_SealedOnUpdate_Accepted(string call) =>
        await Verify.AnalyzerAsync(Code.InMethod("        " + string.Format(call, Configs.Stream("Sealed = true"))));

    [Fact]
    public async Task JS1100_MirrorWithSubjects()
    {
        var source = Create(Configs.Stream("Mirror = new StreamSource { Name = \"UPSTREAM\" }").Replace("[\"orders.>\"]", "{|#0:[\"orders.>\"]|}"));
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Stream 'ORDERS' is rejected by NATS server 2.15.1: stream mirrors can not contain subjects"));
    }

    [Fact]
    public async Task JS1100_DiscardNewPerSubjectWithoutDiscardNew()
    {
        var source = Create(Configs.Stream("{|#0:DiscardNewPerSubject = true|}", "MaxMsgsPerSubject = 10"));
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Stream 'ORDERS' is rejected by NATS server 2.15.1: discard new per subject requires discard new policy to be set"));
    }

    [Fact]
    public async Task JS1100_ValidStream_NoDiagnostic() =>
        await Verify.AnalyzerAsync(Create(Configs.Stream("DuplicateWindow = TimeSpan.FromMinutes(2)", "AllowDirect = true", "MaxMsgsPerSubject = 10")));

    // ---------------------------------------------------------------- JS1101 setting ignored by the target server

    [Fact]
    public async Task JS1101_CompressionOn29_Reported()
    {
        var source = Create(Configs.Stream("{|#0:Compression = StreamConfigCompression.S2|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_server_version", "2.9.0"),
            At("JS1101", 0, "Stream 'ORDERS' sets Compression, which NATS server 2.9.0 does not know and silently drops (it needs 2.10.0 or later)"));
    }

    [Fact]
    public async Task JS1101_OnlySettingsNewerThanTheTarget()
    {
        var source = Create(Configs.Stream("Compression = StreamConfigCompression.S2", "{|#0:AllowMsgTTL = true|}", "{|#1:AllowMsgCounter = true|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_server_version", "2.10.4"),
            At("JS1101", 0, "Stream 'ORDERS' sets AllowMsgTTL, which NATS server 2.10.4 does not know and silently drops (it needs 2.11.0 or later)"),
            At("JS1101", 1, "Stream 'ORDERS' sets AllowMsgCounter, which NATS server 2.10.4 does not know and silently drops (it needs 2.12.0 or later)"));
    }

    [Fact]
    public async Task JS1101_NewestServerByDefault_NoDiagnostic() =>
        await Verify.AnalyzerAsync(Create(Configs.Stream("Compression = StreamConfigCompression.S2", "AllowMsgTTL = true", "AllowBatchPublish = true")));

    [Fact]
    public async Task JS1101_SettingTurnedOff_NoDiagnostic() =>
        await Verify.AnalyzerAsync(
            Create(Configs.Stream("Compression = StreamConfigCompression.None", "AllowMsgTTL = false")),
            Options("jetstream_server_version", "2.9.0"));

    [Theory]
    [InlineData("v2.9")]
    [InlineData("2.9")]
    [InlineData("2.9.0-RC.1")]
    public async Task JS1101_VersionSpellings(string version)
    {
        var source = Create(Configs.Stream("{|#0:Compression = StreamConfigCompression.S2|}"));
        await Verify.AnalyzerAsync(source, Options("jetstream_server_version", version),
            At("JS1101", 0, "Stream 'ORDERS' sets Compression, which NATS server 2.9.0 does not know and silently drops (it needs 2.10.0 or later)"));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("2")]
    [InlineData("")]
    public async Task JS1101_UnparsableVersion_TargetsTheNewestServer(string version) =>
        await Verify.AnalyzerAsync(Create(Configs.Stream("Compression = StreamConfigCompression.S2")), Options("jetstream_server_version", version));

    [Fact]
    public async Task JS1101_VersionFromMSBuildProperty()
    {
        var source = Create(Configs.Stream("{|#0:Compression = StreamConfigCompression.S2|}"));
        await Verify.AnalyzerWithGlobalOptionsAsync(source, new Dictionary<string, string> { ["build_property.JetStreamServerVersion"] = "2.9.10" },
            At("JS1101", 0, "Stream 'ORDERS' sets Compression, which NATS server 2.9.10 does not know and silently drops (it needs 2.10.0 or later)"));
    }

    [Fact]
    public async Task JS1101_EditorConfigWinsOverMSBuildProperty()
    {
        var source = Create(Configs.Stream("Compression = StreamConfigCompression.S2"));
        await Verify.AnalyzerAsync(source, Options("jetstream_server_version", "2.10.0"), test =>
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Verify.GlobalConfig(new Dictionary<string, string> { ["build_property.JetStreamServerVersion"] = "2.9.0" }))));
    }

    [Fact]
    public async Task JS1101_EmptyMSBuildProperty_TargetsTheNewestServer() =>
        await Verify.AnalyzerWithGlobalOptionsAsync(
            Create(Configs.Stream("Compression = StreamConfigCompression.S2")),
            new Dictionary<string, string> { ["build_property.JetStreamServerVersion"] = string.Empty });

    [Fact]
    public async Task ServerVersion_AppearsInRejectionMessages()
    {
        var source = Create(Configs.Stream("{|#0:NumReplicas = 7|}"));
        await Verify.AnalyzerWithGlobalOptionsAsync(source, new Dictionary<string, string> { ["build_property.JetStreamServerVersion"] = "2.10.7" },
            At("JS1100", 0, "Stream 'ORDERS' is rejected by NATS server 2.10.7: maximum replicas is 5 (this stream asks for 7)"));
    }

    [Fact]
    public async Task Options_ArePerFile()
    {
        // .editorconfig sections can give files different options; each file is analyzed with its own.
        var legacy = Code.InMethod($"        await js.CreateStreamAsync({Configs.Stream("{|#1:Compression = StreamConfigCompression.S2|}", "{|#2:DenyDelete = false|}")});")
            .Replace("class Test", "class Legacy");
        var current = Create(Configs.Stream("Compression = StreamConfigCompression.S2", "{|#0:DenyDelete = false|}"));
        await Verify.AnalyzerAsync(current, NoOptions, test =>
        {
            test.TestState.Sources.Add(("/0/Legacy/Legacy.cs", legacy));
            test.TestState.AnalyzerConfigFiles.Add(("/0/Legacy/.editorconfig",
                "[*.cs]\njetstream_server_version = 2.9.0\njetstream_critical_streams = ORDERS\n"));
        },
            At("JS1006", 0, "Stream 'ORDERS' allows message deletion; one API call can erase its messages. Set DenyDelete."),
            At("JS1101", 1, "Stream 'ORDERS' sets Compression, which NATS server 2.9.0 does not know and silently drops (it needs 2.10.0 or later)"),
            At("JS1006", 2, "Stream 'ORDERS' is critical but allows message deletion; one API call can erase its messages. Set DenyDelete.")
                .WithSeverity(DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task FixProperties_ReachTheDiagnostic()
    {
        // What the code fixes read: the field to set and the value, from the jetstream_default_* options.
        var source = Create(Configs.Stream("-MaxBytes", "-MaxAge", "NumReplicas = 2", "-DenyPurge"));
        var diagnostics = await AnalyzerRunner.RunAsync(source, options: new Dictionary<string, string>
        {
            ["jetstream_default_max_bytes"] = "10GiB",
            ["jetstream_default_max_age"] = "30d",
            ["jetstream_min_replicas"] = "5",
        });
        var properties = diagnostics.ToDictionary(d => d.Id, d => d.Properties);
        Assert.Equal(new[] { "JS1001", "JS1003", "JS1004", "JS1006" }, properties.Keys.OrderBy(k => k));
        Assert.Equal("num_replicas", properties["JS1001"]["field"]);
        Assert.Equal("5", properties["JS1001"]["value"]);
        Assert.Equal("max_bytes", properties["JS1003"]["field"]);
        Assert.Equal("10737418240", properties["JS1003"]["value"]);
        Assert.Equal("max_age", properties["JS1004"]["field"]);
        Assert.Equal("2592000000000000", properties["JS1004"]["value"]);
        Assert.Equal("deny_purge", properties["JS1006"]["field"]);
        Assert.Equal("true", properties["JS1006"]["value"]);
    }

    // ---------------------------------------------------------------- severity configuration

    [Fact]
    public async Task EditorConfigSeverity_CanSilenceARule()
    {
        var source = Create(Configs.Stream("-NumReplicas"));
        await Verify.AnalyzerAsync(source, Options("dotnet_diagnostic.JS1001.severity", "none"));
    }

    [Fact]
    public async Task EditorConfigSeverity_CanRaiseJS1006()
    {
        var source = Create(Configs.Stream("{|#0:DenyDelete = false|}"));
        await Verify.AnalyzerAsync(source, Options("dotnet_diagnostic.JS1006.severity", "error"),
            At("JS1006", 0, "Stream 'ORDERS' allows message deletion; one API call can erase its messages. Set DenyDelete.")
                .WithSeverity(DiagnosticSeverity.Error));
    }

    // ---------------------------------------------------------------- every rule: silent when the value is unknown

    /// <summary>One rule, the property it reads, the property's C# type and a constant the rule reports.</summary>
    public sealed record Case(string Rule, string Property, string Type, string Bad, string? Version = null, string[]? BaseChanges = null);

    public static readonly Dictionary<string, Case> Cases = new()
    {
        ["JS1001"] = new("JS1001", "NumReplicas", "int", "1"),
        ["JS1002"] = new("JS1002", "NumReplicas", "int", "4"),
        ["JS1003"] = new("JS1003", "MaxBytes", "long", "0"),
        ["JS1004"] = new("JS1004", "MaxAge", "TimeSpan", "TimeSpan.Zero"),
        ["JS1005"] = new("JS1005", "Storage", "StreamConfigStorage", "StreamConfigStorage.Memory"),
        ["JS1006"] = new("JS1006", "DenyDelete", "bool", "false"),
        ["JS1007"] = new("JS1007", "Discard", "StreamConfigDiscard", "StreamConfigDiscard.New"),
        ["JS1100 replicas"] = new("JS1100", "NumReplicas", "int", "7"),
        ["JS1100 max age"] = new("JS1100", "MaxAge", "TimeSpan", "TimeSpan.FromMilliseconds(10)"),
        ["JS1100 subjects"] = new("JS1100", "Subjects", "ICollection<string>?", "[\"orders.>\", \"orders.*\"]"),
        ["JS1101"] = new("JS1101", "Compression", "StreamConfigCompression", "StreamConfigCompression.S2", Version: "2.9.0"),
    };

    public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

    public static IEnumerable<object[]> CasesAndShapes =>
        from key in Cases.Keys
        from shape in new[] { "parameter", "options object", "server config", "conditional", "set in if", "set in else", "set in loop", "set in catch", "set in lambda" }
        select new object[] { key, shape };

    /// <summary>The control for the theory below: with the constant, the rule reports at the assignment.</summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task EveryRule_ReportsTheConstant(string name)
    {
        var c = Cases[name];
        var body = $$"""
                    var cfg = new StreamConfig("ORDERS", ["orders.>"]) { {{Configs.Members(Configs.SafeStreamSettings, c.BaseChanges ?? [])}} };
                    {|#0:cfg.{{c.Property}} = {{c.Bad}}|};
                    await js.CreateStreamAsync(cfg);
            """;
        await Verify.AnalyzerAsync(UnknownSource(c, body), VersionOption(c), Verify.DiagnosticWithAnyMessage(c.Rule).WithLocation(0));
    }

    [Theory]
    [MemberData(nameof(CasesAndShapes))]
    public async Task EveryRule_SilentWhenTheValueIsUnknown(string name, string shape)
    {
        var c = Cases[name];
        var safe = Configs.Members(Configs.SafeStreamSettings, (c.BaseChanges ?? []).Append("-" + c.Property).ToArray());
        var body = shape switch
        {
            "parameter" => Call($"{c.Property} = value"),
            "options object" => Call($"{c.Property} = settings.Value"),
            "server config" => Call($"{c.Property} = stream.Info.Config.{c.Property}"),
            "conditional" => Call($"{c.Property} = flag ? value : {c.Bad}"),
            "set in if" => Build($"if (flag) cfg.{c.Property} = {c.Bad};"),
            "set in else" => Build($"if (flag) {{ }} else {{ cfg.{c.Property} = {c.Bad}; }}"),
            "set in loop" => Build($"foreach (var _ in new[] {{ 1 }}) cfg.{c.Property} = {c.Bad};"),
            "set in catch" => Build($"try {{ flag = !flag; }} catch (Exception) {{ cfg.{c.Property} = {c.Bad}; }}"),
            "set in lambda" => Build($"Action change = () => cfg.{c.Property} = {c.Bad}; change();"),
            _ => throw new System.ArgumentException(shape),
        };
        await Verify.AnalyzerAsync(UnknownSource(c, body), VersionOption(c));

        string Call(string member) => $$"""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { {{Join(safe, member)}} });
            """;

        string Build(string statement) => $$"""
                    var cfg = new StreamConfig("ORDERS", ["orders.>"]) { {{safe}} };
                    {{statement}}
                    await js.CreateStreamAsync(cfg);
            """;
    }

    [Theory]
    [InlineData("stream.Info.Config")]
    [InlineData("settings.Config")]
    [InlineData("config")]
    [InlineData("Make()")]
    [InlineData("stream.Info.Config with { NumReplicas = 1 }")]
    public async Task WholeConfigUnknown_NoDiagnostic(string config)
    {
        var source = Code.InClass($$"""
                public class Settings { public StreamConfig Config { get; set; } = new(); }

                public virtual StreamConfig Make() => new StreamConfig("ORDERS", ["orders.>"]);

                async Task Run(INatsJSContext js, INatsJSStream stream, Settings settings, StreamConfig config)
                {
                    await js.CreateStreamAsync({{config}});
                    await js.UpdateStreamAsync({{config}});
                    await stream.UpdateAsync({{config}});
                }
            """);
        await Verify.AnalyzerAsync(source);
    }

    private static string Join(string members, string member) => members.Length == 0 ? member : members + ", " + member;

    private static Dictionary<string, string> VersionOption(Case c) =>
        c.Version is null ? NoOptions : Options("jetstream_server_version", c.Version);

    private static string UnknownSource(Case c, string body) => Code.Usings + $$"""
        public class Settings { public {{c.Type}} Value { get; set; } = default!; }

        class Test
        {
            async Task Run(INatsJSContext js, INatsJSStream stream, Settings settings, bool flag, {{c.Type}} value)
            {
        {{body}}
            }
        }
        """;
}
