using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NATS.NKeys;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// Freshly generated NATS identities, so authenticated servers can be tested without checked-in secrets:
/// an nkey user (seed file <c>user.nk</c>, public key for an <c>authorization</c> block) and a decentralized-auth
/// (operator mode) setup: operator, account and user keys with JWTs in the jwt v2 format nats-server 2.9 accepts,
/// the user's <c>user.creds</c>, and the server config that trusts the operator and preloads the account
/// (<c>resolver: MEMORY</c>). Disposing deletes the directory when this instance created it.
/// </summary>
public sealed class TestCredentials : IDisposable
{
    private const string JwtHeader = """{"typ":"JWT","alg":"ed25519-nkey"}""";

    private readonly bool ownsDirectory;
    private readonly KeyPair account;

    private TestCredentials(string directory, bool ownsDirectory, bool accountJetStream, JsonObject? tieredLimits)
    {
        Directory = directory;
        this.ownsDirectory = ownsDirectory;

        using (var nkeyUser = KeyPair.CreatePair(PrefixByte.User))
        {
            NKeyUserSeed = nkeyUser.GetSeed();
            NKeyUserPublicKey = nkeyUser.GetPublicKey();
        }

        File.WriteAllText(NKeyUserSeedFile, NKeyUserSeed + "\n" + NKeyUserPublicKey + "\n");

        using var operatorKey = KeyPair.CreatePair(PrefixByte.Operator);
        using var systemAccount = KeyPair.CreatePair(PrefixByte.Account);
        OperatorPublicKey = operatorKey.GetPublicKey();
        SystemAccountPublicKey = systemAccount.GetPublicKey();
        OperatorJwt = EncodeJwt(operatorKey, OperatorPublicKey, "test-operator", new JsonObject
        {
            ["system_account"] = SystemAccountPublicKey,
            ["type"] = "operator",
            ["version"] = 2,
        });
        SystemAccountJwt = EncodeJwt(operatorKey, SystemAccountPublicKey, "SYS", AccountClaims(jetStream: false));

        account = KeyPair.CreatePair(PrefixByte.Account);
        AccountPublicKey = account.GetPublicKey();
        AccountJwt = EncodeJwt(operatorKey, AccountPublicKey, "test-account", AccountClaims(accountJetStream, tieredLimits));

        CredsFile = IssueUserCreds("user");
    }

    public string Directory { get; }

    /// <summary>The nkey user's seed ("SU…").</summary>
    public string NKeyUserSeed { get; }

    /// <summary>The nkey user's public key ("U…").</summary>
    public string NKeyUserPublicKey { get; }

    /// <summary><c>user.nk</c>: the seed line, then the public key line (NATS.Net's <c>NKeyFile</c> needs both).</summary>
    public string NKeyUserSeedFile => Path.Combine(Directory, "user.nk");

    /// <summary>A server <c>authorization</c> block admitting only the nkey user.</summary>
    public string NKeyAuthorization => $"authorization {{\n  users = [ {{ nkey: {NKeyUserPublicKey} }} ]\n}}";

    public string OperatorPublicKey { get; }

    /// <summary>The self-signed operator JWT.</summary>
    public string OperatorJwt { get; }

    /// <summary>The system account nats-server 2.9 needs to run JetStream in operator mode (no JetStream of its own).</summary>
    public string SystemAccountPublicKey { get; }

    public string SystemAccountJwt { get; }

    public string AccountPublicKey { get; }

    /// <summary>The account JWT, signed by the operator; JetStream unlimited unless created without it.</summary>
    public string AccountJwt { get; }

    /// <summary><c>user.creds</c>: a user of the account with no permission limits.</summary>
    public string CredsFile { get; }

    /// <summary>Server config trusting the operator, with the system account and the account preloaded into a memory resolver.</summary>
    public string OperatorConfig => $$"""
        operator: {{OperatorJwt}}
        system_account: {{SystemAccountPublicKey}}
        resolver: MEMORY
        resolver_preload: {
          {{SystemAccountPublicKey}}: {{SystemAccountJwt}}
          {{AccountPublicKey}}: {{AccountJwt}}
        }
        """;

    /// <summary>Generates nkey and JWT identities into <paramref name="directory"/>, or a new temp directory when null.</summary>
    /// <param name="tieredLimits">
    /// JetStream limits per replica count (jwt <c>tiered_limits</c>, e.g. <c>{"R1": {"disk_storage": 1048576, ...}}</c>);
    /// the account then has no untiered JetStream limits.
    /// </param>
    public static TestCredentials Create(string? directory = null, bool accountJetStream = true, JsonObject? tieredLimits = null)
    {
        var target = directory ?? NatsProcess.NewTempDirectory();
        try
        {
            return new TestCredentials(target, ownsDirectory: directory is null, accountJetStream, tieredLimits);
        }
        catch
        {
            if (directory is null)
            {
                NatsProcess.DeleteDirectory(target);
            }

            throw;
        }
    }

    /// <summary>
    /// Writes <c>&lt;name&gt;.creds</c> for a new user of the account and returns its path. Null allow lists leave
    /// that direction unrestricted; a list (even empty) allows only its subjects.
    /// </summary>
    public string IssueUserCreds(string name, IEnumerable<string>? publishAllow = null, IEnumerable<string>? subscribeAllow = null)
    {
        // Without subs/data/payload the user gets 0 of each ("maximum subscriptions exceeded").
        using var user = KeyPair.CreatePair(PrefixByte.User);
        var jwt = EncodeJwt(account, user.GetPublicKey(), name, new JsonObject
        {
            ["pub"] = Permission(publishAllow),
            ["sub"] = Permission(subscribeAllow),
            ["subs"] = -1,
            ["data"] = -1,
            ["payload"] = -1,
            ["type"] = "user",
            ["version"] = 2,
        });
        var file = Path.Combine(Directory, name + ".creds");
        File.WriteAllText(file, Creds(jwt, user.GetSeed()));
        return file;
    }

    /// <summary>The standard <c>.creds</c> text: the user JWT and its seed between the usual banners.</summary>
    public static string Creds(string userJwt, string userSeed) => $"""
        -----BEGIN NATS USER JWT-----
        {userJwt}
        ------END NATS USER JWT------

        ************************* IMPORTANT *************************
        NKEY Seed printed below can be used to sign and prove identity.
        NKEYs are sensitive and should be treated as secrets.

        -----BEGIN USER NKEY SEED-----
        {userSeed}
        ------END USER NKEY SEED------

        *************************************************************

        """;

    /// <summary>
    /// A jwt v2 token: claims <c>jti, iat, iss, name, sub, nats</c>, signed with ed25519 by <paramref name="issuer"/>
    /// over "header.payload" (base64url, no padding). The jti is the base32 SHA-256 of the claims without it; the
    /// server does not recompute it.
    /// </summary>
    public static string EncodeJwt(KeyPair issuer, string subject, string name, JsonObject nats)
    {
        var claims = new JsonObject
        {
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["iss"] = issuer.GetPublicKey(),
            ["name"] = name,
            ["sub"] = subject,
            ["nats"] = nats,
        };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var jti = new char[Base32.GetEncodedLength(hash)];
        Base32.ToBase32(hash, jti);

        var withId = new JsonObject { ["jti"] = new string(jti) };
        foreach (var (key, value) in claims.ToList())
        {
            claims.Remove(key);
            withId[key] = value;
        }

        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JwtHeader)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(withId.ToJsonString()));
        var signature = new byte[64];
        issuer.Sign(Encoding.ASCII.GetBytes(signingInput), signature);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public void Dispose()
    {
        account.Dispose();
        if (ownsDirectory)
        {
            NatsProcess.DeleteDirectory(Directory);
        }
    }

    // Every limit spelled out: nats-server 2.9 reads a missing limit as 0 and enforces it ("maximum account active
    // connections exceeded" without conn; no JetStream without the storage limits).
    private static JsonObject AccountClaims(bool jetStream, JsonObject? tieredLimits = null)
    {
        var jetStreamLimit = jetStream && tieredLimits is null ? -1 : 0;
        var claims = new JsonObject
        {
            ["limits"] = new JsonObject
            {
                ["subs"] = -1,
                ["data"] = -1,
                ["payload"] = -1,
                ["imports"] = -1,
                ["exports"] = -1,
                ["wildcards"] = true,
                ["conn"] = -1,
                ["leaf"] = -1,
                ["mem_storage"] = jetStreamLimit,
                ["disk_storage"] = jetStreamLimit,
                ["streams"] = jetStreamLimit,
                ["consumer"] = jetStreamLimit,
            },
            ["default_permissions"] = new JsonObject { ["pub"] = new JsonObject(), ["sub"] = new JsonObject() },
            ["type"] = "account",
            ["version"] = 2,
        };
        if (tieredLimits is not null)
        {
            ((JsonObject)claims["limits"]!)["tiered_limits"] = tieredLimits;
        }

        return claims;
    }

    private static JsonObject Permission(IEnumerable<string>? allow) =>
        allow is null ? new JsonObject() : new JsonObject { ["allow"] = new JsonArray(allow.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()) };
}
