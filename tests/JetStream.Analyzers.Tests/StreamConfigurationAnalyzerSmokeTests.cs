using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;
using Verify = JetStream.Analyzers.Tests.Infrastructure.Verify<JetStream.Analyzers.StreamConfigurationAnalyzer>;

namespace JetStream.Analyzers.Tests;

public class StreamConfigurationAnalyzerSmokeTests
{
    [Fact]
    public async Task SafeStream_NoDiagnostics()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync(new StreamConfig("ORDERS", ["orders.>"])
                    {
                        NumReplicas = 3,
                        MaxBytes = 1024 * 1024 * 1024,
                        MaxAge = TimeSpan.FromDays(7),
                        DenyDelete = true,
                        DenyPurge = true,
                    });
            """);
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task BareStream_ReportsReplicasBytesAgeAndDelete()
    {
        var source = Code.InMethod("""
                    await js.CreateStreamAsync({|JS1001:{|JS1003:{|JS1004:{|JS1006:new StreamConfig("ORDERS", ["orders.>"])|}|}|}|});
            """);
        await Verify.AnalyzerAsync(source);
    }
}
