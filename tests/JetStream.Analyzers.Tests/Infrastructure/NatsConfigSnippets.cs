using System.Collections.Generic;
using System.Linq;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// nats-server config text for permission setups, to pass to <see cref="ConfiguredNatsServer.StartAsync"/>. A
/// read-only JetStream user is what a cautious deployment hands to a linting tool: it may look streams and consumers
/// up but not change them, so a check that tries to create or update anything fails visibly.
/// </summary>
public static class NatsConfigSnippets
{
    public const string AdminUser = "admin";

    public const string AdminPassword = "admin-secret";

    /// <summary>The JetStream API subjects a read-only user may publish to (requests that only read).</summary>
    public static readonly IReadOnlyList<string> ReadOnlyJetStreamSubjects = new[]
    {
        "$JS.API.INFO",
        "$JS.API.STREAM.NAMES",
        "$JS.API.STREAM.LIST",
        "$JS.API.STREAM.INFO.>",
        "$JS.API.CONSUMER.NAMES.>",
        "$JS.API.CONSUMER.LIST.>",
        "$JS.API.CONSUMER.INFO.>",
    };

    /// <summary>
    /// An <c>authorization</c> block with two password users: <paramref name="user"/>, who may only publish the
    /// <see cref="ReadOnlyJetStreamSubjects"/> and subscribe to <c>_INBOX.&gt;</c> (for the replies), and
    /// <see cref="AdminUser"/>/<see cref="AdminPassword"/> without limits, to seed streams and consumers.
    /// </summary>
    public static string ReadOnlyJetStreamUser(string user, string password)
    {
        var allow = string.Join(", ", ReadOnlyJetStreamSubjects.Select(Quote));
        return $$"""
            authorization {
              users = [
                {
                  user: {{Quote(user)}}
                  password: {{Quote(password)}}
                  permissions: {
                    publish: { allow: [{{allow}}] }
                    subscribe: { allow: ["_INBOX.>"] }
                  }
                }
                { user: {{Quote(AdminUser)}}, password: {{Quote(AdminPassword)}} }
              ]
            }
            """;
    }

    private static string Quote(string value) => NatsProcess.Quote(value);
}
