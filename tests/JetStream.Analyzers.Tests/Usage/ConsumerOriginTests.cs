using System.Linq;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Tests.Infrastructure;
using JetStream.Analyzers.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace JetStream.Analyzers.Tests.Usage;

/// <summary>
/// ConsumerOrigin.IsOrdered, the cheap check JS3008 makes before tracing a consumer (issue 10), answers as the full
/// trace does for every way a consumer reaches a message loop: it follows the same locals and awaits and skips only
/// the ConsumerConfig, which never makes a consumer ordered.
/// </summary>
public class ConsumerOriginTests
{
    [Theory]
    [InlineData("var c = await js.CreateOrderedConsumerAsync(\"ORDERS\");", true)]
    [InlineData("var c = await stream.CreateOrderedConsumerAsync().ConfigureAwait(false);", true)]
    [InlineData("var c = await js.CreateOrderedPushConsumerAsync(\"ORDERS\");", true)]
    [InlineData("var created = js.CreateOrderedConsumerAsync(\"ORDERS\"); var c = await created;", true)]
    [InlineData("var c = typed;", true)]
    [InlineData("var c = await js.CreateOrUpdateConsumerAsync(\"ORDERS\", new ConsumerConfig(\"p\") { AckPolicy = ConsumerConfigAckPolicy.None });", false)]
    [InlineData("var c = await js.CreateOrUpdateConsumerAsync(\"ORDERS\", new ConsumerConfig(\"p\"));", false)]
    [InlineData("var c = await js.GetConsumerAsync(\"ORDERS\", \"p\");", false)]
    [InlineData("var c = await js.CreateOrderedConsumerAsync(\"ORDERS\"); c = await js.GetConsumerAsync(\"ORDERS\", \"p\");", false)]
    [InlineData("var c = parameter;", false)]
    public void IsOrdered_AgreesWithTheFullTrace(string declaration, bool ordered)
    {
        var source = Code.InClass($$"""
                async Task Run(INatsJSContext js, INatsJSStream stream, NatsJSOrderedConsumer typed, INatsJSConsumer parameter)
                {
                    {{declaration}}
                    await foreach (var msg in c.ConsumeAsync<string>()) { }
                }
            """);
        var compilation = InMemoryCompiler.Compile(source);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var types = NatsTypes.TryCreate(compilation)!;
        var loop = tree.GetRoot().DescendantNodes().OfType<ForEachStatementSyntax>().Single();
        var consumer = ((IInvocationOperation)model.GetOperation(loop.Expression)!).Instance;

        Assert.Equal(ordered, ConsumerOrigin.IsOrdered(consumer, types, model, default));
        Assert.Equal(ordered, ConsumerOrigin.Trace(consumer, types, model, default).Mode == AckMode.Ordered);
    }
}
