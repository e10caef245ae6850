using System.Linq;
using System.Reflection;
using JetStream.Analyzers.LiveCheck.Protocol;

namespace JetStream.Analyzers.Tests.LiveCheck.Protocol;

public sealed class ApiRequestTests
{
    [Fact]
    public void Only_read_only_requests_can_be_built()
    {
        Assert.Empty(typeof(ApiRequest).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        var factories = typeof(ApiRequest).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).OrderBy(n => n);
        Assert.Equal(new[] { "AccountInfo", "ConsumerList", "StreamList" }, factories);

        Assert.Equal("$JS.API.INFO", ApiRequest.AccountInfo().Subject("$JS.API"));
        Assert.Equal("$JS.API.STREAM.LIST", ApiRequest.StreamList(256).Subject("$JS.API"));
        Assert.Equal("{\"offset\":256}", ApiRequest.StreamList(256).Body);
        Assert.Equal("$JS.hub.API.CONSUMER.LIST.ORDERS", ApiRequest.ConsumerList("ORDERS", 0)!.Subject("$JS.hub.API"));
    }

    [Theory]
    [InlineData("ORDERS.DELETE")]
    [InlineData("*")]
    [InlineData(">")]
    [InlineData("with space")]
    [InlineData("")]
    public void A_stream_name_that_is_not_a_subject_token_builds_no_request(string name)
    {
        Assert.Null(ApiRequest.ConsumerList(name, 0));
    }
}
