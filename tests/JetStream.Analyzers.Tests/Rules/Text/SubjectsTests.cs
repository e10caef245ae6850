using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Tests.Rules.Text;

public class SubjectsTests
{
    [Theory]
    [InlineData("orders")]
    [InlineData("orders.new")]
    [InlineData("orders.*")]
    [InlineData("orders.>")]
    [InlineData("*")]
    [InlineData(">")]
    [InlineData("*.*.>")]
    [InlineData("foo*")] // a literal token, as in nats-server
    [InlineData("foo>")]
    [InlineData("$KV.cfg.>")]
    [InlineData("ünïcödé.subject")]
    public void Valid(string subject) => Assert.True(Subjects.IsValid(subject));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("orders.")]
    [InlineData(".orders")]
    [InlineData("orders..new")]
    [InlineData("orders.>.new")]
    [InlineData(">.>")]
    [InlineData("orders new")]
    [InlineData("orders\tnew")]
    [InlineData("orders\nnew")]
    [InlineData("orders\rnew")]
    [InlineData("orders\fnew")]
    public void Invalid(string? subject) => Assert.False(Subjects.IsValid(subject));

    [Theory]
    [InlineData("orders.*", true)]
    [InlineData("orders.>", true)]
    [InlineData("*", true)]
    [InlineData("orders.new", false)]
    [InlineData("foo*", false)]
    [InlineData("foo>.bar", false)]
    public void HasWildcard(string subject, bool expected) => Assert.Equal(expected, Subjects.HasWildcard(subject));

    [Theory]
    [InlineData("orders.new", "orders.new", true)]
    [InlineData("orders.new", "orders.paid", false)]
    [InlineData("orders.*", "orders.new", true)]
    [InlineData("orders.*", "*.new", true)]
    [InlineData("orders.>", "orders.new.eu", true)]
    [InlineData("orders.>", "orders", false)]
    [InlineData("orders.*", "orders.new.eu", false)]
    [InlineData("orders.*", "orders", false)]
    [InlineData(">", "anything.at.all", true)]
    [InlineData("*.*", "orders.>", true)]
    [InlineData("a.*.c", "a.b.d", false)]
    public void Collide_IsSymmetric(string a, string b, bool expected)
    {
        Assert.Equal(expected, Subjects.Collide(a, b));
        Assert.Equal(expected, Subjects.Collide(b, a));
    }

    [Theory]
    [InlineData("orders.new", "orders.new", true)]
    [InlineData("orders.new", "orders.*", true)]
    [InlineData("orders.new", "orders.>", true)]
    [InlineData("orders.new.eu", "orders.>", true)]
    [InlineData("orders.*", "orders.>", true)]
    [InlineData("orders.>", "orders.>", true)]
    [InlineData("anything", ">", true)]
    [InlineData("orders.*", "orders.new", false)]
    [InlineData("orders.>", "orders.*", false)]
    [InlineData("orders", "orders.>", false)]
    [InlineData("orders.new", "orders", false)]
    [InlineData("orders.*", "*.new", false)]
    [InlineData("$JS.API.STREAM.INFO", "$JS.API.>", true)]
    public void IsSubsetOf(string subset, string superset, bool expected) => Assert.Equal(expected, Subjects.IsSubsetOf(subset, superset));
}
