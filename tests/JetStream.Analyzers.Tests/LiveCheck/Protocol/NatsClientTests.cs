using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.LiveCheck.Protocol;
using JetStream.Analyzers.LiveCheck.Server;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck.Protocol;

/// <summary>Connecting to real servers and to endpoints that misbehave: every failure is a LiveCheckException within the timeout.</summary>
public sealed class NatsClientTests
{
    private static ConnectionSettings Settings(string url, double timeoutSeconds = 2) => ConfigRepo.Server(url, timeoutSeconds);

    private static LiveCheckException Fails(ConnectionSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<LiveCheckException>(() =>
        {
            using var client = NatsClient.Connect(settings);
            ServerSnapshot.Read(client);
        });
        // Bounded by the timeout, not a speed target: the slack absorbs a loaded machine; a hang fails.
        Assert.True(clock.Elapsed < 2 * settings.Timeout + TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalSeconds:0.0}s with a {settings.Timeout.TotalSeconds}s timeout");
        return e;
    }

    private static ServerSnapshot Reads(ConnectionSettings settings)
    {
        using var client = NatsClient.Connect(settings);
        return ServerSnapshot.Read(client);
    }

    [Fact]
    public void A_closed_port_is_refused_at_once()
    {
        var url = SilentEndpoint.ClosedPortUrl();

        var e = Fails(Settings(url));

        Assert.Equal($"nothing accepts connections at {url} (connection refused)", e.Problem);
        Assert.Contains("check that nats-server is running", e.WhatToCheck, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SilentEndpointMode.Silent)]
    [InlineData(SilentEndpointMode.InfoThenSilence)]
    public void An_endpoint_that_stops_answering_ends_within_the_timeout(SilentEndpointMode mode)
    {
        using var endpoint = new SilentEndpoint(mode);

        var e = Fails(Settings(endpoint.Url, 1));

        Assert.StartsWith($"no answer from {endpoint.Url} within 1 s", e.Problem, StringComparison.Ordinal);
        Assert.Contains("JetStreamTimeout", e.WhatToCheck, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_silent_servers_share_one_timeout()
    {
        using var first = new SilentEndpoint();
        using var second = new SilentEndpoint();
        using var third = new SilentEndpoint();

        var e = Fails(Settings($"{first.Url},{second.Url},{third.Url}", 1));

        Assert.StartsWith($"no answer from {first.Url} within 1 s", e.Problem, StringComparison.Ordinal);
        Assert.Equal(0, third.AcceptedConnections);
    }

    [Fact]
    public void An_unresolvable_host_is_named()
    {
        var e = Fails(Settings("nats://no-such-host.invalid:4222"));

        Assert.Contains("no-such-host.invalid", e.Problem, StringComparison.Ordinal);
    }

    [NatsServerFact]
    public async Task The_next_url_is_tried_when_the_first_is_down()
    {
        await using var server = await NatsServer.StartAsync();
        var settings = Settings(SilentEndpoint.ClosedPortUrl() + "," + server.Url);

        Assert.Equal(server.Version, Reads(settings).Version);
    }

    [NatsServerFact]
    public async Task Wrong_password_is_reported_without_the_password()
    {
        await using var server = await ConfiguredNatsServer.StartAsync("authorization { users = [ { user: app, password: right-secret } ] }");
        var settings = Settings(server.Url);
        settings.User = "app";
        settings.Password = "wrong-secret";

        var e = Fails(settings);

        Assert.Contains("refused the credentials (Authorization Violation)", e.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);

        settings.Password = "right-secret";
        Assert.NotNull(Reads(settings));
    }

    [NatsServerFact]
    public async Task Missing_credentials_say_which_properties_to_set()
    {
        await using var server = await ConfiguredNatsServer.StartAsync("authorization { token: s3cret-token }");

        var e = Fails(Settings(server.Url));

        Assert.Contains("JetStreamToken", e.WhatToCheck, StringComparison.Ordinal);
    }

    [NatsServerFact]
    public async Task Token_user_in_url_and_nkey_authenticate()
    {
        using var credentials = TestCredentials.Create();
        await using var tokenServer = await ConfiguredNatsServer.StartAsync("authorization { token: s3cret-token }");
        await using var userServer = await ConfiguredNatsServer.StartAsync("authorization { users = [ { user: app, password: \"p@ss word\" } ] }");
        await using var nkeyServer = await ConfiguredNatsServer.StartAsync(credentials.NKeyAuthorization);

        var token = Settings(tokenServer.Url);
        token.Token = "s3cret-token";
        Assert.NotNull(Reads(token));

        var tokenInUrl = Settings(tokenServer.Url.Replace("nats://", "nats://s3cret-token@", StringComparison.Ordinal));
        Assert.Equal($"nats://***@127.0.0.1:{tokenServer.Port}", tokenInUrl.Display);
        Assert.NotNull(Reads(tokenInUrl));

        // A user without a password is not sent as a token.
        var userOnly = Settings(userServer.Url);
        userOnly.User = "app";
        Assert.Contains("Authorization Violation", Fails(userOnly).Problem, StringComparison.Ordinal);

        var inUrl = Settings(userServer.Url.Replace("nats://", "nats://app:p%40ss%20word@", StringComparison.Ordinal));
        Assert.Equal($"nats://app:***@127.0.0.1:{userServer.Port}", inUrl.Display);
        Assert.NotNull(Reads(inUrl));

        var nkey = Settings(nkeyServer.Url);
        nkey.NKeyFile = credentials.NKeyUserSeedFile;
        Assert.NotNull(Reads(nkey));

        nkey.NKeyFile = Path.Combine(credentials.Directory, "missing.nk");
        Assert.Contains("JetStreamNKeyFile", Fails(nkey).Problem, StringComparison.Ordinal);
    }

    [NatsServerFact]
    public async Task Creds_files_authenticate_in_operator_mode()
    {
        using var credentials = TestCredentials.Create();
        await using var server = await ConfiguredNatsServer.StartAsync(credentials.OperatorConfig);
        var settings = Settings(server.Url);
        settings.CredsFile = credentials.CredsFile;

        Assert.NotNull(Reads(settings));

        var broken = Path.Combine(credentials.Directory, "broken.creds");
        File.WriteAllText(broken, "not a creds file");
        settings.CredsFile = broken;
        var e = Fails(settings);
        Assert.Contains("has no user JWT and seed", e.Problem, StringComparison.Ordinal);
    }

    [NatsServerFact]
    public async Task An_account_without_JetStream_is_reported()
    {
        using var credentials = TestCredentials.Create(accountJetStream: false);
        await using var server = await ConfiguredNatsServer.StartAsync(credentials.OperatorConfig);
        var settings = Settings(server.Url);
        settings.CredsFile = credentials.CredsFile;

        var e = Fails(settings);

        Assert.StartsWith("JetStream is not enabled for the account", e.Problem, StringComparison.Ordinal);
    }

    [NatsServerFact]
    public async Task A_server_without_JetStream_is_reported_at_once()
    {
        await using var server = await ConfiguredNatsServer.StartAsync(string.Empty, jetStream: false);

        var e = Fails(Settings(server.Url, 5));

        Assert.StartsWith($"JetStream is not available at {server.Url} (no responders for $JS.API.INFO)", e.Problem, StringComparison.Ordinal);
    }

    [NatsServerFact]
    public async Task Tls_with_the_right_ca_and_client_certificate_connects_and_a_wrong_ca_is_refused()
    {
        using var certificates = TestCertificates.Create();
        await using var server = await ConfiguredNatsServer.StartAsync(certificates.ServerTlsBlock(verify: true));
        var settings = Settings(server.Url);
        settings.TlsCaFile = certificates.CaFile;
        settings.TlsCertFile = certificates.ClientCertFile;
        settings.TlsKeyFile = certificates.ClientKeyFile;

        Assert.NotNull(Reads(settings));

        settings.TlsCaFile = certificates.OtherCaFile;
        var mismatch = Fails(settings);
        Assert.Equal($"the TLS handshake with {server.Url} failed: the server's certificate is not signed by the CA in JetStreamTlsCa", mismatch.Problem);

        settings.TlsCaFile = null;
        settings.TlsCertFile = null;
        settings.TlsKeyFile = null;
        var untrusted = Fails(settings);
        Assert.Contains("TLS handshake", untrusted.Problem, StringComparison.Ordinal);
    }

    [NatsServerFact]
    public async Task A_user_without_permission_for_the_requests_is_told_which_subjects_it_needs()
    {
        await using var server = await ConfiguredNatsServer.StartAsync("""
            authorization { users = [ { user: app, password: app, permissions: { publish: { allow: ["$JS.API.INFO"] }, subscribe: { allow: ["_INBOX.>"] } } } ] }
            """);
        var settings = Settings(server.Url);
        settings.User = "app";
        settings.Password = "app";

        var e = Fails(settings);

        Assert.Contains("refused a read-only request (Permissions Violation for Publish to \"$JS.API.STREAM.LIST\")", e.Problem, StringComparison.Ordinal);
        Assert.Contains("publish permission on $JS.API.INFO, $JS.API.STREAM.LIST and $JS.API.CONSUMER.LIST.>, and subscribe permission on _INBOX.>", e.WhatToCheck, StringComparison.Ordinal);
    }

    [NatsServerFact]
    public async Task A_JetStream_domain_selects_the_domains_api()
    {
        var store = ConfiguredNatsServer.NewTempDirectory();
        try
        {
            await using var server = await ConfiguredNatsServer.StartAsync($"jetstream {{ store_dir: \"{store}\", domain: hub }}", jetStream: false);
            var settings = ConnectionSettings.Resolve(new LiveCheckProperties { Server = server.Url, Domain = "hub", Timeout = "3" });
            Assert.NotNull(Reads(settings));

            settings = ConnectionSettings.Resolve(new LiveCheckProperties { Server = server.Url, Domain = "elsewhere", Timeout = "3" });
            var e = Fails(settings);
            Assert.StartsWith($"JetStream is not available at {server.Url} (no responders for $JS.elsewhere.API.INFO)", e.Problem, StringComparison.Ordinal);
            Assert.Contains("JetStreamDomain", e.WhatToCheck, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }
}
