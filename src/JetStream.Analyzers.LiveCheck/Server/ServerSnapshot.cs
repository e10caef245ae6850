using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Binding;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.LiveCheck.Protocol;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Health;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.LiveCheck.Server;

/// <summary>
/// What the live check knows about the server: its version and cluster, the account's limits and every stream,
/// read with one account-info request and one paged list request per 256 streams, each with its state. Consumers are
/// listed per stream, with their delivery state, and only for streams the checks ask about.
/// </summary>
public sealed class ServerSnapshot
{
    private readonly NatsClient client;
    private readonly Dictionary<string, IReadOnlyList<ServerConsumer>?> consumers = new(StringComparer.Ordinal);

    private ServerSnapshot(NatsClient client, ServerVersion version, AccountLimits limits, AccountUsage usage, IReadOnlyList<ServerStream> streams, IReadOnlyCollection<string> unanswered)
    {
        this.client = client;
        Version = version;
        Limits = limits;
        Usage = usage;
        Streams = streams;
        Unanswered = unanswered;
        StreamsByName = streams.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public ServerVersion Version { get; }

    /// <summary>The server as messages name it, e.g. "nats://127.0.0.1:4222 (nats-server 2.10.14)" without secrets.</summary>
    public string Display => $"{Shown(client)} (nats-server {Version})";

    public ServerInfo Info => client.Info;

    public Uri Server => client.Server;

    public AccountLimits Limits { get; }

    /// <summary>What the account uses of its limits, from the same account-info reply.</summary>
    public AccountUsage Usage { get; }

    public IReadOnlyList<ServerStream> Streams { get; }

    public IReadOnlyDictionary<string, ServerStream> StreamsByName { get; }

    /// <summary>Streams a clustered server listed as existing but couldn't describe in time.</summary>
    public IReadOnlyCollection<string> Unanswered { get; }

    /// <summary>Number of servers in the connected cluster, or null when the server doesn't tell.</summary>
    public int? ClusterSize => Info.Cluster is null ? 1 : Info.ConnectUrls.Count > 0 ? Info.ConnectUrls.Count : null;

    /// <exception cref="LiveCheckException">The account has no JetStream or a request failed.</exception>
    public static ServerSnapshot Read(NatsClient client)
    {
        if (!ServerVersion.TryParse(client.Info.Version, out var version))
        {
            throw new LiveCheckException($"{Shown(client)} reports version '{client.Info.Version}', which is not a nats-server version", "check that JetStreamServer points at a nats-server");
        }

        var account = Reply(client, ApiRequest.AccountInfo());
        var limits = AccountLimits.Parse(account);
        var streams = new List<ServerStream>();
        var unanswered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in Pages(client, "streams", ApiRequest.StreamList))
        {
            streams.AddRange(page.Items.Select(item => ReadStream(item, version)).Where(s => s is not null)!);
            unanswered.UnionWith(Json.Strings(page.Reply, "missing"));
        }

        return new ServerSnapshot(client, version, limits, HealthReader.Account(account), streams, unanswered);
    }

    /// <summary>The stream's consumers (paged), read once; null when the server couldn't list them.</summary>
    public IReadOnlyList<ServerConsumer>? ConsumersOf(string stream)
    {
        if (consumers.TryGetValue(stream, out var known))
        {
            return known;
        }

        if (ApiRequest.ConsumerList(stream, 0) is null)
        {
            return consumers[stream] = null;
        }

        var list = new List<ServerConsumer>();
        foreach (var item in Pages(client, "consumers", offset => ApiRequest.ConsumerList(stream, offset)!).SelectMany(page => page.Items))
        {
            if (Json.String(item, "name") is { } name && Json.Object(item, "config") is { } config)
            {
                list.Add(new ServerConsumer(name, ServerConfigBinder.BindConsumer(config, stream, Version), HealthReader.Consumer(stream, name, item, config)));
            }
        }

        return consumers[stream] = list;
    }

    /// <summary>
    /// The streams as the checks across definitions count them (copies, origins, readers). A stream's consumers are
    /// listed only when a rule asks, through <see cref="ConsumersOf"/>, so the checks after the lint reuse the list.
    /// </summary>
    public ExistingStreams Existing() =>
        new($"the server at {Shown(client)}", Streams.Select(s => new ExistingStream(s.Name, s.Config, s.ConsumerCount, () => ListedConsumers(s.Name))), Unanswered);

    // A list that fails here counts as unknown (the rule stays silent); the live check lists it again and reports JS5001.
    private IReadOnlyList<ConsumerModel>? ListedConsumers(string stream)
    {
        try
        {
            return ConsumersOf(stream)?.Select(c => c.Config).ToList();
        }
        catch (LiveCheckException)
        {
            return null;
        }
    }

    /// <summary>Streams or consumers of one list the snapshot holds at most; a server that claims more is refused.</summary>
    public const int MaxListed = 100_000;

    /// <summary>
    /// A paged list request, one page after the other until the total of the first reply is reached (a later reply
    /// can't move the end), a page brings nothing new, or <see cref="MaxListed"/> would be passed.
    /// </summary>
    private static IEnumerable<(MappingNode Reply, List<MappingNode> Items)> Pages(NatsClient client, string itemsKey, Func<int, ApiRequest> request)
    {
        long? total = null;
        for (var offset = 0; ;)
        {
            var page = Reply(client, request(offset));
            total ??= Json.Long(page, "total") ?? 0;
            if (total > MaxListed)
            {
                throw new LiveCheckException($"{Shown(client)} reports {total} {itemsKey}, more than the {MaxListed:N0} the live check reads",
                    "check that JetStreamServer points at the intended account; the live check is meant for an application's streams");
            }

            var items = Json.Items(page, itemsKey).OfType<MappingNode>().ToList();
            yield return (page, items);
            offset += items.Count;
            if (items.Count == 0 || offset >= total)
            {
                yield break;
            }
        }
    }

    private static ServerStream? ReadStream(MappingNode info, ServerVersion version)
    {
        if (Json.Object(info, "config") is not { } config || Json.String(config, "name") is not { } name)
        {
            return null;
        }

        var consumerCount = Json.Long(Json.Object(info, "state"), "consumer_count") ?? 0;
        return new ServerStream(name, ServerConfigBinder.BindStream(config, version), consumerCount, HealthReader.Stream(name, info, config));
    }

    private static MappingNode Reply(NatsClient client, ApiRequest request)
    {
        var text = client.Request(request);
        var reply = Json.Parse(request.Operation, text)
            ?? throw new LiveCheckException($"the reply to {request} from {Shown(client)} is not JSON", "check that JetStreamServer points at a nats-server with JetStream");
        if (Json.Object(reply, "error") is { } error)
        {
            var description = Json.String(error, "description") ?? "unknown error";
            var code = Json.Long(error, "err_code");
            throw code == 10039
                ? new LiveCheckException($"JetStream is not enabled for the account at {Shown(client)} ({description})", "enable JetStream for the account, or connect as a user of the account that holds the streams")
                : new LiveCheckException($"{Shown(client)} answered {request} with an error: {description} (code {code})", "check the user's permissions and the server's log");
        }

        return reply;
    }

    private static string Shown(NatsClient client) => ConnectionSettings.Redact(client.Server);
}
