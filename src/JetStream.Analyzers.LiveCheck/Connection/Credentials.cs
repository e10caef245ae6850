using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using JetStream.Analyzers.LiveCheck.Protocol;
using NATS.NKeys;

namespace JetStream.Analyzers.LiveCheck.Connection;

/// <summary>
/// Signs the server's nonce for nkey and JWT (.creds) authentication. The seed is read when signing and never kept
/// in a string that outlives the call, nor put into any message.
/// </summary>
internal static class Credentials
{
    private static readonly Regex CredsJwt = new(@"-----BEGIN NATS USER JWT-----\s*(?<jwt>[A-Za-z0-9_\-\.]+)\s*-+END NATS USER JWT-+", RegexOptions.CultureInvariant);
    private static readonly Regex CredsSeed = new(@"-----BEGIN USER NKEY SEED-----\s*(?<seed>SU[A-Z2-7]+)\s*-+END USER NKEY SEED-+", RegexOptions.CultureInvariant);
    private static readonly Regex BareSeed = new(@"\bSU[A-Z2-7]{50,}\b", RegexOptions.CultureInvariant);

    /// <summary>The user JWT and the nonce signature from a .creds file.</summary>
    public static (string Jwt, string Signature) SignWithCreds(string path, string nonce)
    {
        var text = ReadSecretFile(path, "JetStreamCredsFile");
        var jwt = CredsJwt.Match(text);
        var seed = CredsSeed.Match(text);
        if (!jwt.Success || !seed.Success)
        {
            throw new LiveCheckException($"the credentials file {path} has no user JWT and seed", "use the .creds file 'nsc generate creds' or your operator gave you");
        }

        return (jwt.Groups["jwt"].Value, Sign(seed.Groups["seed"].Value, nonce, path));
    }

    /// <summary>The user's public key and the nonce signature from an nkey seed file.</summary>
    public static (string PublicKey, string Signature) SignWithNKey(string path, string nonce)
    {
        var text = ReadSecretFile(path, "JetStreamNKeyFile");
        var seed = BareSeed.Match(text);
        if (!seed.Success)
        {
            throw new LiveCheckException($"the nkey file {path} holds no user seed (SU...)", "point JetStreamNKeyFile at the file with the user's seed, not its public key");
        }

        using var pair = FromSeed(seed.Value, path);
        return (pair.GetPublicKey(), SignWith(pair, nonce));
    }

    private static string Sign(string seed, string nonce, string path)
    {
        using var pair = FromSeed(seed, path);
        return SignWith(pair, nonce);
    }

    private static KeyPair FromSeed(string seed, string path)
    {
        try
        {
            return KeyPair.FromSeed(seed.AsSpan());
        }
        catch (Exception e) when (e is NKeysException or ArgumentException or FormatException)
        {
            throw new LiveCheckException($"the seed in {path} is not a valid nkey seed", "check that the file was not truncated or edited");
        }
    }

    private static string SignWith(KeyPair pair, string nonce)
    {
        var signature = new byte[64];
        pair.Sign(Encoding.ASCII.GetBytes(nonce), signature);
        return Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static string ReadSecretFile(string path, string property)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LiveCheckException($"{property} {path} can't be read ({e.GetType().Name})", $"check that the file exists and the build can read it");
        }
    }
}
