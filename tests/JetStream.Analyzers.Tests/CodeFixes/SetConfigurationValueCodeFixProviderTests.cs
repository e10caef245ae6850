using System.Collections.Generic;
using System.Threading.Tasks;
using JetStream.Analyzers.CodeFixes;
using JetStream.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using ConsumerVerify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.ConsumerConfigurationAnalyzer>;
using StreamVerify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.StreamConfigurationAnalyzer>;

namespace JetStream.Analyzers.Tests.CodeFixes;

public class SetConfigurationValueCodeFixProviderTests
{
    /// <summary>Only the rule under test reports, so each test shows one fix.</summary>
    private static Dictionary<string, string> Only(params string[] ids)
    {
        var all = new[] { "JS1001", "JS1002", "JS1003", "JS1004", "JS1005", "JS1006", "JS1007", "JS1010", "JS1013", "JS2001", "JS2002", "JS2004", "JS2005", "JS2006", "JS2008", "JS2009", "JS2010", "JS2011", "JS2012", "JS2100" };
        var options = new Dictionary<string, string>();
        foreach (var id in all)
        {
            if (System.Array.IndexOf(ids, id) < 0)
            {
                options[$"dotnet_diagnostic.{id}.severity"] = "none";
            }
        }

        return options;
    }

    [Fact]
    public async Task ReplicasBelowMinimum_AddsNumReplicasToNewInitializer()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync({|JS1001:new StreamConfig("ORDERS", ["orders.>"])|});
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { NumReplicas = 3 });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS1001"), "JS1001");
    }

    [Fact]
    public async Task ReplicasBelowMinimum_ReplacesValueAndKeepsComments()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"])
                    {
                        // how many copies
                        {|JS1001:NumReplicas = 1|}, // single copy for now
                        MaxAge = TimeSpan.FromDays(1),
                    });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"])
                    {
                        // how many copies
                        NumReplicas = 3, // single copy for now
                        MaxAge = TimeSpan.FromDays(1),
                    });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS1001"), "JS1001");
    }

    [Fact]
    public async Task ReplicasBelowMinimum_UsesConfiguredMinimum()
    {
        var options = Only("JS1001");
        options["jetstream_min_replicas"] = "5";
        var source = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { {|JS1001:NumReplicas = 3|} });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { NumReplicas = 5 });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, options, "JS1001");
    }

    [Fact]
    public async Task EvenReplicaCount_RaisesToOdd()
    {
        var options = Only("JS1002");
        options["jetstream_min_replicas"] = "1";
        var source = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { {|JS1002:NumReplicas = 4|} });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { NumReplicas = 5 });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, options, "JS1002");
    }

    [Fact]
    public async Task NoMaxBytes_AppendsToMultilineInitializer()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync({|JS1003:new StreamConfig("ORDERS", ["orders.>"])
                    {
                        NumReplicas = 3,
                        MaxAge = TimeSpan.FromDays(1)
                    }|});
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"])
                    {
                        NumReplicas = 3,
                        MaxAge = TimeSpan.FromDays(1),
                        MaxBytes = 1L * 1024 * 1024 * 1024
                    });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS1003"), "JS1003");
    }

    [Fact]
    public async Task NoMaxBytes_UsesConfiguredDefault()
    {
        var options = Only("JS1003");
        options["jetstream_default_max_bytes"] = "10GB";
        var source = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { {|JS1003:MaxBytes = -1|} });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { MaxBytes = 10L * 1024 * 1024 * 1024 });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, options, "JS1003");
    }

    [Fact]
    public async Task NoMaxAge_AddsTimeSpan()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync({|JS1004:new StreamConfig { Name = "ORDERS", Subjects = ["orders.>"] }|});
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig { Name = "ORDERS", Subjects = ["orders.>"], MaxAge = TimeSpan.FromDays(7) });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS1004"), "JS1004");
    }

    [Fact]
    public async Task MemoryStorage_SwitchesToFile()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { {|JS1005:Storage = StreamConfigStorage.Memory|} });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { Storage = StreamConfigStorage.File });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS1005"), "JS1005");
    }

    [Fact]
    public async Task MemoryStorage_KeyValueUsesBucketEnum()
    {
        var source = Code.InMethod("""
                    await kv.CreateStoreAsync(new NatsKVConfig("cfg") { {|JS1005:Storage = NatsKVStorageType.Memory|} });
            """);
        var fixedSource = Code.InMethod("""
                    await kv.CreateStoreAsync(new NatsKVConfig("cfg") { Storage = NatsKVStorageType.File });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS1005"), "JS1005");
    }

    [Fact]
    public async Task ReplicasBelowMinimum_KeyValueUsesNumberOfReplicas()
    {
        var source = Code.InMethod("""
                    await kv.CreateStoreAsync({|JS1001:new NatsKVConfig("cfg")|});
            """);
        var fixedSource = Code.InMethod("""
                    await kv.CreateStoreAsync(new NatsKVConfig("cfg") { NumberOfReplicas = 3 });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS1001"), "JS1001");
    }

    [Fact]
    public async Task DeleteOrPurgeAllowed_SetsBothFlags()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync({|JS1006:new StreamConfig("ORDERS", ["orders.>"])|});
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"])
                    {
                        DenyDelete = true,
                        DenyPurge = true,
                    });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS1006"), "JS1006");
    }

    [Fact]
    public async Task StatementBuiltConfig_FixesAssignmentStatement()
    {
        var source = Code.InMethod("""
                    var config = new StreamConfig("ORDERS", ["orders.>"]);
                    {|JS1001:config.NumReplicas = 1|};
                    await js.CreateStreamAsync(config);
            """);
        var fixedSource = Code.InMethod("""
                    var config = new StreamConfig("ORDERS", ["orders.>"]);
                    config.NumReplicas = 3;
                    await js.CreateStreamAsync(config);
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS1001"), "JS1001");
    }

    [Fact]
    public async Task FixAll_FixesEveryStreamInTheDocument()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync({|JS1001:new StreamConfig("A", ["a.>"])|});
                    await js.CreateStreamAsync(new StreamConfig("B", ["b.>"]) { {|JS1001:NumReplicas = 1|} });
                    await kv.CreateStoreAsync({|JS1001:new NatsKVConfig("c")|});
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("A", ["a.>"]) { NumReplicas = 3 });
                    await js.CreateStreamAsync(new StreamConfig("B", ["b.>"]) { NumReplicas = 3 });
                    await kv.CreateStoreAsync(new NatsKVConfig("c") { NumberOfReplicas = 3 });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, fixedSource, Only("JS1001"), "JS1001");
    }

    [Fact]
    public async Task NoBackoff_AddsDefaultBackoff()
    {
        var source = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", {|JS2001:new ConsumerConfig("processor") { MaxDeliver = 5 }|});
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { MaxDeliver = 5, Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)] });
            """);
        await ConsumerVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS2001"), "JS2001");
    }

    [Fact]
    public async Task NoBackoff_OnServer29AlsoSetsMaxDeliver()
    {
        var options = Only("JS2001");
        options["jetstream_server_version"] = "2.9.10";
        var source = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", {|JS2001:new ConsumerConfig("processor")|});
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor")
                    {
                        Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)],
                        MaxDeliver = 5,
                    });
            """);
        await ConsumerVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, options, "JS2001");
    }

    [Fact]
    public async Task UnlimitedMaxDeliver_SetsDefault()
    {
        var source = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", {|JS2002:new ConsumerConfig("processor")|});
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { MaxDeliver = 5 });
            """);
        await ConsumerVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS2002"), "JS2002");
    }

    [Fact]
    public async Task PushWithoutHeartbeat_AddsHeartbeat()
    {
        var source = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("push") { DeliverSubject = "deliver.orders", {|JS2004:IdleHeartbeat = TimeSpan.Zero|} });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("push") { DeliverSubject = "deliver.orders", IdleHeartbeat = TimeSpan.FromSeconds(5) });
            """);
        await ConsumerVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS2004"), "JS2004");
    }

    [Fact]
    public async Task PushWithoutFlowControl_AddsFlowControlAndHeartbeat()
    {
        var source = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", {|JS2005:new ConsumerConfig("push") { DeliverSubject = "deliver.orders" }|});
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("push") { DeliverSubject = "deliver.orders", FlowControl = true, IdleHeartbeat = TimeSpan.FromSeconds(5) });
            """);
        await ConsumerVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS2005"), "JS2005");
    }

    [Fact]
    public async Task BackoffLongerThanMaxDeliver_RaisesMaxDeliver()
    {
        var source = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor")
                    {
                        {|JS2100:MaxDeliver = 2|},
                        Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)],
                    });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor")
                    {
                        MaxDeliver = 4,
                        Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)],
                    });
            """);
        await ConsumerVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS2100"), "JS2100");
    }

    [Fact]
    public async Task OlderLanguageVersion_UsesArrayForBackoff()
    {
        var source = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", {|JS2001:new ConsumerConfig("processor") { MaxDeliver = 5 }|});
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { MaxDeliver = 5, Backoff = new TimeSpan[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1) } });
            """);
        await ConsumerVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS2001"), "JS2001", LanguageVersion.CSharp11);
    }

    [Fact]
    public async Task DuplicateWindowOffWithSources_SetsTwoMinutes()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ALL", ["all.>"]) { {|JS1010:Sources = [new StreamSource { Name = "ORDERS" }]|} });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ALL", ["all.>"]) { Sources = [new StreamSource { Name = "ORDERS" }], DuplicateWindow = TimeSpan.FromMinutes(2) });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS1010"), "JS1010");
    }

    [Fact]
    public async Task StreamSettingRewritten_WritesWhatTheServerRuns()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { AllowMsgTTL = true, DenyPurge = true, {|JS1013:SubjectDeleteMarkerTTL = TimeSpan.FromMinutes(10)|} });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"]) { AllowMsgTTL = true, DenyPurge = false, SubjectDeleteMarkerTTL = TimeSpan.FromMinutes(10), AllowRollupHdrs = true });
            """);
        await StreamVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS1013"), "JS1013");
    }

    [Fact]
    public async Task UnlimitedAckPending_SetsTheServerDefault()
    {
        var source = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { {|JS2008:MaxAckPending = -1|} });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { MaxAckPending = 1000 });
            """);
        await ConsumerVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS2008"), "JS2008");
    }

    [Fact]
    public async Task UnboundedPullRequests_LowersMaxWaitingToTheOption()
    {
        var options = Only("JS2009");
        options["jetstream_max_waiting"] = "256";
        var source = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { {|JS2009:MaxWaiting = 100_000|}, MaxExpires = TimeSpan.FromMinutes(1) });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { MaxWaiting = 256, MaxExpires = TimeSpan.FromMinutes(1) });
            """);
        await ConsumerVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, options, "JS2009");
    }

    [Fact]
    public async Task AckWaitOtherThanFirstBackoff_SetsItToTheFirstBackoff()
    {
        var source = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { {|JS2011:AckWait = TimeSpan.FromMinutes(5)|}, MaxDeliver = 5, Backoff = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)] });
            """);
        var fixedSource = Code.InMethod("""
                    await js.CreateOrUpdateConsumerAsync("ORDERS", new ConsumerConfig("processor") { AckWait = TimeSpan.FromSeconds(10), MaxDeliver = 5, Backoff = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)] });
            """);
        await ConsumerVerify.CodeFixAsync<SetConfigurationValueCodeFixProvider>(source, fixedSource, Only("JS2011"), "JS2011");
    }
}
