using System.Collections.Generic;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.StreamConfigurationAnalyzer>;

namespace JetStream.Analyzers.Tests.Configuration;

/// <summary>
/// Key-value buckets and object stores are streams that NATS.Net builds from NatsKVConfig / NatsObjConfig; the stream
/// rules see that stream. JS1004, JS1006 and JS1007 do not apply to buckets (they keep data on purpose, and NATS.Net
/// fixes deny-delete and discard-new for them).
/// </summary>
public class StreamModelBuilderTests
{
    private static DiagnosticResult At(string id, int location, string message) =>
        Verify.Diagnostic(id).WithLocation(location).WithMessage(message);

    private static string InMethod(string statement) => Code.InMethod("        " + statement);

    private static Dictionary<string, string> Version(string version) => new() { ["jetstream_server_version"] = version };

    // ---------------------------------------------------------------- key-value buckets

    [Fact]
    public async Task KeyValue_BareConfig_OnlyReplicasAndBytes()
    {
        var source = InMethod("await kv.CreateStoreAsync({|#0:new NatsKVConfig(\"cfg\")|});");
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Key-value bucket 'cfg' has no NumberOfReplicas, so the server runs it with 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."),
            At("JS1003", 0, "Key-value bucket 'cfg' has no byte limit (MaxBytes is not set); it grows until the server's storage is full. Set a maximum size."));
    }

    [Fact]
    public async Task KeyValue_BucketNameOverload_ReportedOnTheCall()
    {
        var source = InMethod("await {|#0:kv.CreateStoreAsync(\"cfg\")|};");
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Key-value bucket 'cfg' has no NumberOfReplicas, so the server runs it with 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."),
            At("JS1003", 0, "Key-value bucket 'cfg' has no byte limit (MaxBytes is not set); it grows until the server's storage is full. Set a maximum size."));
    }

    [Fact]
    public async Task KeyValue_BucketNameUnknown_StillReportsTheDefaults()
    {
        // Only the name is unknown: every setting is the client default, which is known.
        var source = Code.InClass("""
                async Task Run(INatsKVContext kv, string bucket) => await {|#0:kv.CreateStoreAsync(bucket)|};
            """);
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Key-value bucket has no NumberOfReplicas, so the server runs it with 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."),
            At("JS1003", 0, "Key-value bucket has no byte limit (MaxBytes is not set); it grows until the server's storage is full. Set a maximum size."));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1")]
    public async Task KeyValue_ReplicasUpToOne_AreOneReplica(string replicas)
    {
        // NatsKVContext sends NumberOfReplicas <= 0 as 1, so a negative count is not a server rejection.
        var source = InMethod($"await kv.CreateStoreAsync(new NatsKVConfig(\"cfg\") {{ {{|#0:NumberOfReplicas = {replicas}|}}, MaxBytes = 1024 }});");
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Key-value bucket 'cfg' has 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."));
    }

    [Fact]
    public async Task KeyValue_SafeBucket_NoAgeLimitDeletePurgeOrDiscardFindings()
    {
        var source = InMethod("await kv.CreateStoreAsync(new NatsKVConfig(\"cfg\") { NumberOfReplicas = 3, MaxBytes = 1024, MaxAge = TimeSpan.Zero, History = 10 });");
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task KeyValue_MemoryStorage()
    {
        var source = InMethod("await kv.CreateStoreAsync(new NatsKVConfig(\"cfg\") { NumberOfReplicas = 3, MaxBytes = 1024, {|#0:Storage = NatsKVStorageType.Memory|} });");
        await Verify.AnalyzerAsync(source,
            At("JS1005", 0, "Key-value bucket 'cfg' uses memory storage; its messages are lost when the servers restart. Use file storage unless the data is disposable."));
    }

    [Fact]
    public async Task KeyValue_EvenReplicas()
    {
        var source = InMethod("await kv.CreateStoreAsync(new NatsKVConfig(\"cfg\") { {|#0:NumberOfReplicas = 4|}, MaxBytes = 1024 });");
        await Verify.AnalyzerAsync(source,
            At("JS1002", 0, "Key-value bucket 'cfg' has 4 replicas, which tolerates no more server failures than 3 replicas; use 3 or 5 replicas"));
    }

    [Fact]
    public async Task KeyValue_MaxAgeBelow100ms_Rejected()
    {
        var source = InMethod("await kv.CreateStoreAsync(new NatsKVConfig(\"cfg\") { NumberOfReplicas = 3, MaxBytes = 1024, {|#0:MaxAge = TimeSpan.FromMilliseconds(20)|} });");
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Key-value bucket 'cfg' is rejected by NATS server 2.15.1: max age needs to be >= 100ms (is 20ms)"));
    }

    [Fact]
    public async Task KeyValue_BucketNameWithDot_Rejected()
    {
        var source = InMethod("await kv.CreateStoreAsync(new NatsKVConfig({|#0:\"my.cfg\"|}) { NumberOfReplicas = 3, MaxBytes = 1024 });");
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Key-value bucket 'my.cfg' is rejected by NATS server 2.15.1: stream name is required and can not contain '.', '*', '>', '\\', '/'"));
    }

    [Fact]
    public async Task KeyValue_Mirror_HasNoSubjects()
    {
        // Regression: NatsKVContext sends a mirror bucket without subjects; the analyzer reported "mirrors can not contain subjects".
        var source = InMethod("await kv.CreateStoreAsync(new NatsKVConfig(\"replica\") { NumberOfReplicas = 3, MaxBytes = 1024, Mirror = new StreamSource { Name = \"cfg\" } });");
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task KeyValue_Sources_Accepted()
    {
        var source = InMethod("await kv.CreateStoreAsync(new NatsKVConfig(\"all\") { NumberOfReplicas = 3, MaxBytes = 1024, Sources = [new StreamSource { Name = \"a\" }, new StreamSource { Name = \"b\" }] });");
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task KeyValue_CompressionOn29()
    {
        var source = InMethod("await kv.CreateStoreAsync(new NatsKVConfig(\"cfg\") { NumberOfReplicas = 3, MaxBytes = 1024, {|#0:Compression = true|} });");
        await Verify.AnalyzerAsync(source, Version("2.9.0"),
            At("JS1101", 0, "Key-value bucket 'cfg' sets Compression, which NATS server 2.9.0 does not know and silently drops (it needs 2.10.0 or later)"));
    }

    [Fact]
    public async Task KeyValue_LimitMarkerTtlOn210_NamesThePropertyTheUserSet()
    {
        // Regression: the message named AllowMsgTTL and SubjectDeleteMarkerTTL, which NatsKVConfig does not have.
        var source = InMethod("await kv.CreateStoreAsync(new NatsKVConfig(\"cfg\") { NumberOfReplicas = 3, MaxBytes = 1024, {|#0:LimitMarkerTTL = TimeSpan.FromSeconds(5)|} });");
        await Verify.AnalyzerAsync(source, Version("2.10.0"),
            At("JS1101", 0, "Key-value bucket 'cfg' sets LimitMarkerTTL, which NATS server 2.10.0 does not know and silently drops (it needs 2.11.0 or later)"));
    }

    [Fact]
    public async Task KeyValue_LimitMarkerTtlBelowOneSecond_Rejected()
    {
        var source = InMethod("await kv.CreateStoreAsync(new NatsKVConfig(\"cfg\") { NumberOfReplicas = 3, MaxBytes = 1024, {|#0:LimitMarkerTTL = TimeSpan.FromMilliseconds(500)|} });");
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Key-value bucket 'cfg' is rejected by NATS server 2.15.1: subject delete marker TTL must be at least 1 second"));
    }

    [Fact]
    public async Task KeyValue_WithCopyAndLocal()
    {
        var source = Code.InMethod("""
                    var baseline = new NatsKVConfig("cfg") { NumberOfReplicas = 3, MaxBytes = 1024 };
                    await kv.CreateStoreAsync(baseline);
                    var cache = baseline with { Bucket = "cache", {|#0:NumberOfReplicas = 1|} };
                    await kv.UpdateStoreAsync(cache);
            """);
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Key-value bucket 'cache' has 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."));
    }

    [Fact]
    public async Task KeyValue_UnknownSettings_Silent()
    {
        var source = Code.InClass("""
                async Task Run(INatsKVContext kv, int replicas, long bytes, NatsKVStorageType storage, NatsKVConfig existing) 
                {
                    await kv.CreateStoreAsync(new NatsKVConfig("cfg") { NumberOfReplicas = replicas, MaxBytes = bytes, Storage = storage });
                    await kv.CreateStoreAsync(existing);
                    await kv.CreateStoreAsync(existing with { NumberOfReplicas = 1 });
                }
            """);
        await Verify.AnalyzerAsync(source);
    }

    // ---------------------------------------------------------------- object stores

    [Fact]
    public async Task ObjectStore_BareConfig_OnlyReplicasAndBytes()
    {
        var source = InMethod("await obj.CreateObjectStoreAsync({|#0:new NatsObjConfig(\"files\")|});");
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Object store 'files' has no NumberOfReplicas, so the server runs it with 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."),
            At("JS1003", 0, "Object store 'files' has no byte limit (MaxBytes is not set); it grows until the server's storage is full. Set a maximum size."));
    }

    [Fact]
    public async Task ObjectStore_BucketNameOverload_ReportedOnTheCall()
    {
        var source = InMethod("await {|#0:obj.CreateObjectStoreAsync(\"files\")|};");
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Object store 'files' has no NumberOfReplicas, so the server runs it with 1 replica, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."),
            At("JS1003", 0, "Object store 'files' has no byte limit (MaxBytes is not set); it grows until the server's storage is full. Set a maximum size."));
    }

    [Fact]
    public async Task ObjectStore_SafeStore_NoFindings()
    {
        var source = InMethod("await obj.CreateObjectStoreAsync(new NatsObjConfig(\"files\") { NumberOfReplicas = 3, MaxBytes = 1L << 30 });");
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task ObjectStore_NegativeReplicas_PassedThroughAndRejected()
    {
        var source = InMethod("await obj.CreateObjectStoreAsync(new NatsObjConfig(\"files\") { {|#0:NumberOfReplicas = -1|}, MaxBytes = 1024 });");
        await Verify.AnalyzerAsync(source,
            At("JS1100", 0, "Object store 'files' is rejected by NATS server 2.15.1: replicas count cannot be negative"));
    }

    [Fact]
    public async Task ObjectStore_StorageAgeAndCompression()
    {
        var source = InMethod("await obj.CreateObjectStoreAsync(new NatsObjConfig(\"files\") { NumberOfReplicas = 3, MaxBytes = 1024, {|#0:Storage = NatsObjStorageType.Memory|}, {|#1:MaxAge = TimeSpan.FromMilliseconds(5)|}, {|#2:Compression = true|} });");
        await Verify.AnalyzerAsync(source, Version("2.9.0"),
            At("JS1005", 0, "Object store 'files' uses memory storage; its messages are lost when the servers restart. Use file storage unless the data is disposable."),
            At("JS1100", 1, "Object store 'files' is rejected by NATS server 2.9.0: max age needs to be >= 100ms (is 5ms)"),
            At("JS1101", 2, "Object store 'files' sets Compression, which NATS server 2.9.0 does not know and silently drops (it needs 2.10.0 or later)"));
    }

    [Fact]
    public async Task ObjectStore_LocalConfig()
    {
        var source = Code.InMethod("""
                    var files = new NatsObjConfig("files") { {|#0:NumberOfReplicas = 2|}, MaxBytes = 1024, Description = "uploads" };
                    await obj.CreateObjectStoreAsync(files);
            """);
        await Verify.AnalyzerAsync(source,
            At("JS1001", 0, "Object store 'files' has 2 replicas, below the production minimum of 3: a single failed server can lose its messages or stop it from accepting writes. Use at least 3 replicas."));
    }
}
