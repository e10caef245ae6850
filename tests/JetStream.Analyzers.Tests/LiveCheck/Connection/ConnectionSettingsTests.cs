using System;
using System.IO;
using System.Linq;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.LiveCheck.Protocol;

namespace JetStream.Analyzers.Tests.LiveCheck.Connection;

public sealed class ConnectionSettingsTests
{
    [Theory]
    [InlineData("nats://127.0.0.1:4222", "nats://127.0.0.1:4222")]
    [InlineData("localhost", "nats://localhost:4222")]
    [InlineData("host-a:4333, tls://host-b", "nats://host-a:4333, tls://host-b:4222")]
    [InlineData("nats://admin:s3cret@host:4222", "nats://admin:***@host:4222")]
    [InlineData("nats://tok3n@host:4222", "nats://***@host:4222")]
    public void Servers_are_parsed_and_displayed_without_secrets(string property, string display)
    {
        var settings = ConnectionSettings.Resolve(new LiveCheckProperties { Server = property });

        Assert.Equal(display, settings.Display);
        Assert.DoesNotContain("s3cret", settings.Display, StringComparison.Ordinal);
        Assert.DoesNotContain("tok3n", settings.Display, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ws://host:8080", "the URL scheme 'ws' is not supported")]
    [InlineData("nats://user:pa ss@", "is not a server URL")]
    [InlineData("", "no server URL is set")]
    public void Unusable_servers_say_what_to_fix(string property, string problem)
    {
        var e = Assert.Throws<LiveCheckException>(() => ConnectionSettings.Resolve(new LiveCheckProperties { Server = property, Context = null }));

        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("pa ss", e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(e.WhatToCheck));
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData("2.5", 2.5)]
    [InlineData("00:00:30", 30)]
    public void Timeout_defaults_to_ten_seconds(string? property, double seconds)
    {
        var settings = ConnectionSettings.Resolve(new LiveCheckProperties { Server = "localhost", Timeout = property });

        Assert.Equal(TimeSpan.FromSeconds(seconds), settings.Timeout);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("0.001")]
    [InlineData("00:00:00.01")]
    [InlineData("3601")]
    [InlineData("1e300")]
    [InlineData("NaN")]
    public void Invalid_timeouts_are_refused(string property)
    {
        var e = Assert.Throws<LiveCheckException>(() => ConnectionSettings.Resolve(new LiveCheckProperties { Server = "localhost", Timeout = property }));

        Assert.Contains("JetStreamTimeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_and_api_prefix_select_the_api_subjects()
    {
        Assert.Equal("$JS.API", ConnectionSettings.Resolve(new LiveCheckProperties { Server = "localhost" }).ApiPrefix);
        Assert.Equal("$JS.hub.API", ConnectionSettings.Resolve(new LiveCheckProperties { Server = "localhost", Domain = "hub" }).ApiPrefix);
        Assert.Equal("JS.acme.API", ConnectionSettings.Resolve(new LiveCheckProperties { Server = "localhost", ApiPrefix = "JS.acme.API." }).ApiPrefix);
        Assert.Throws<LiveCheckException>(() => ConnectionSettings.Resolve(new LiveCheckProperties { Server = "localhost", Domain = "hub", ApiPrefix = "JS.x.API" }));
        Assert.Throws<LiveCheckException>(() => ConnectionSettings.Resolve(new LiveCheckProperties { Server = "localhost", Domain = "a.b" }));
    }

    [Fact]
    public void A_client_certificate_needs_its_key()
    {
        var e = Assert.Throws<LiveCheckException>(() => ConnectionSettings.Resolve(new LiveCheckProperties { Server = "localhost", TlsCertFile = "client.pem" }));

        Assert.Contains("JetStreamTlsKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nats_cli_context_fills_what_the_properties_leave_out()
    {
        var folder = Directory.CreateTempSubdirectory("jetstream-context-").FullName;
        try
        {
            var path = Path.Combine(folder, "prod.json");
            File.WriteAllText(path, """
                {
                  "description": "production",
                  "url": "nats://ctx-host:4222",
                  "user": "ctx-user",
                  "password": "ctx-password",
                  "creds": "",
                  "ca": "/etc/nats/ca.pem",
                  "jetstream_domain": "hub"
                }
                """);

            var settings = ConnectionSettings.Resolve(new LiveCheckProperties { Context = path, User = "build-user" });

            Assert.Equal("nats://ctx-host:4222", settings.Display);
            Assert.Equal("build-user", settings.User);
            Assert.Equal("ctx-password", settings.Password);
            Assert.Null(settings.CredsFile);
            Assert.Equal("/etc/nats/ca.pem", settings.TlsCaFile);
            Assert.Equal("$JS.hub.API", settings.ApiPrefix);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_context_name_is_looked_up_in_the_nats_cli_contexts_folder()
    {
        var config = Directory.CreateTempSubdirectory("jetstream-xdg-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(config, "nats", "context"));
            File.WriteAllText(Path.Combine(config, "nats", "context", "staging.json"), """{"url":"nats://staging:4222","token":"ctx-token"}""");

            var settings = ConnectionSettings.Resolve(new LiveCheckProperties { Context = "staging" }, name => name == "XDG_CONFIG_HOME" ? config : null);

            Assert.Equal("nats://staging:4222", settings.Display);
            Assert.Equal("ctx-token", settings.Token);
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    [Fact]
    public void A_missing_context_names_the_folder_it_looked_in()
    {
        var e = Assert.Throws<LiveCheckException>(() => ConnectionSettings.Resolve(new LiveCheckProperties { Context = "no-such-context-" + Guid.NewGuid().ToString("N") }));

        Assert.Contains(Path.Combine("nats", "context"), e.Message, StringComparison.Ordinal);
        Assert.Contains("nats context ls", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b")]
    public void Context_names_cannot_escape_the_contexts_folder(string name)
    {
        var e = Assert.Throws<LiveCheckException>(() => NatsCliContext.Load(name));

        Assert.Contains("is not a context name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_come_from_JETSTREAM_variables_when_no_property_sets_them()
    {
        var environment = new System.Collections.Generic.Dictionary<string, string>
        {
            ["JETSTREAM_USER"] = "env-user",
            ["JETSTREAM_PASSWORD"] = "env-password",
            ["JETSTREAM_TOKEN"] = "env-token",
            ["JETSTREAM_CREDS"] = "/secrets/ci.creds",
        };
        string? Lookup(string name) => environment.TryGetValue(name, out var value) ? value : null;

        var settings = ConnectionSettings.Resolve(new LiveCheckProperties { Server = "localhost", User = "property-user" }, Lookup);

        Assert.Equal("property-user", settings.User);
        Assert.Equal("env-password", settings.Password);
        Assert.Equal("env-token", settings.Token);
        Assert.Equal("/secrets/ci.creds", settings.CredsFile);
    }
}
