using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// C# text for configurations that every rule accepts, with some settings replaced. Each test then changes only the
/// setting it is about, so a diagnostic can only come from that setting.
/// </summary>
public static class Configs
{
    /// <summary>A stream config no stream rule reports with default options.</summary>
    public static readonly IReadOnlyList<(string Property, string Value)> SafeStreamSettings = new[]
    {
        ("NumReplicas", "3"),
        ("MaxBytes", "1L << 30"),
        ("MaxAge", "TimeSpan.FromDays(7)"),
        ("DenyDelete", "true"),
        ("DenyPurge", "true"),
    };

    /// <summary>A pull consumer no consumer rule reports with default options.</summary>
    public static readonly IReadOnlyList<(string Property, string Value)> SafeConsumerSettings = new[]
    {
        ("AckWait", "TimeSpan.FromSeconds(30)"),
        ("MaxDeliver", "5"),
        ("Backoff", "[TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)]"),
        ("MaxExpires", "TimeSpan.FromMinutes(1)"),
    };

    /// <summary>A push consumer no consumer rule reports with default options.</summary>
    public static readonly IReadOnlyList<(string Property, string Value)> SafePushConsumerSettings = SafeConsumerSettings.Concat(new[]
    {
        ("DeliverSubject", "\"deliver.orders\""),
        ("IdleHeartbeat", "TimeSpan.FromSeconds(5)"),
        ("FlowControl", "true"),
    }).ToArray();

    /// <summary>
    /// <c>new StreamConfig("ORDERS", ["orders.&gt;"]) { … }</c> with the safe settings; each entry of <paramref name="changes"/>
    /// is an initializer member (may carry markup, e.g. <c>{|#0:NumReplicas = 1|}</c>) that replaces the safe value of
    /// that property, or <c>-Property</c> to leave it out.
    /// </summary>
    public static string Stream(params string[] changes) =>
        "new StreamConfig(\"ORDERS\", [\"orders.>\"])" + Initializer(SafeStreamSettings, changes);

    /// <summary><c>new ConsumerConfig("worker") { … }</c>, a safe pull consumer, changed as in <see cref="Stream"/>.</summary>
    public static string Consumer(params string[] changes) =>
        "new ConsumerConfig(\"worker\")" + Initializer(SafeConsumerSettings, changes);

    /// <summary><c>new ConsumerConfig("worker") { … }</c>, a safe push consumer, changed as in <see cref="Stream"/>.</summary>
    public static string PushConsumer(params string[] changes) =>
        "new ConsumerConfig(\"worker\")" + Initializer(SafePushConsumerSettings, changes);

    /// <summary>Only the initializer members (without braces), for <c>new(…) { … }</c> and <c>with { … }</c> shapes.</summary>
    public static string Members(IReadOnlyList<(string Property, string Value)> safe, params string[] changes)
    {
        var changed = new HashSet<string>(changes.Select(PropertyOf));
        var members = new List<string>();
        foreach (var (property, value) in safe)
        {
            if (!changed.Contains(property))
            {
                members.Add($"{property} = {value}");
            }
        }

        members.AddRange(changes.Where(c => !c.StartsWith('-')));
        return string.Join(", ", members);
    }

    private static string Initializer(IReadOnlyList<(string Property, string Value)> safe, string[] changes) =>
        " { " + Members(safe, changes) + " }";

    private static string PropertyOf(string change)
    {
        if (change.StartsWith('-'))
        {
            return change.Substring(1);
        }

        var plain = Regex.Replace(change, @"\{\|[^:|]*:|\|\}", string.Empty);
        return Regex.Match(plain, @"^\s*(\w+)\s*=").Groups[1].Value;
    }
}
