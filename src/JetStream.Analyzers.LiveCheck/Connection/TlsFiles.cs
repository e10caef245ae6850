using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Security;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using JetStream.Analyzers.LiveCheck.Protocol;

namespace JetStream.Analyzers.LiveCheck.Connection;

/// <summary>The CA bundle that must have signed the server's certificate, and the client certificate, from PEM files.</summary>
internal sealed class TlsFiles
{
    private static readonly Regex PemCertificate = new(@"-----BEGIN CERTIFICATE-----(?<body>[A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----", RegexOptions.CultureInvariant);

    private TlsFiles(IReadOnlyList<X509Certificate2> authorities, X509Certificate2? clientCertificate)
    {
        Authorities = authorities;
        ClientCertificate = clientCertificate;
    }

    public IReadOnlyList<X509Certificate2> Authorities { get; }

    public X509Certificate2? ClientCertificate { get; }

    /// <summary>Why the last server certificate was refused, for the JS5001 message.</summary>
    public string? Rejection { get; private set; }

    public static TlsFiles Load(ConnectionSettings settings)
    {
        var authorities = settings.TlsCaFile is { } ca ? ReadCertificates(ca) : new List<X509Certificate2>();
        var client = settings.TlsCertFile is { } cert && settings.TlsKeyFile is { } key ? ReadClientCertificate(cert, key) : null;
        return new TlsFiles(authorities, client);
    }

    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        Rejection = null;
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            Rejection = "the server sent no certificate";
            return false;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            Rejection = "the server's certificate is not issued for the host name in JetStreamServer";
            return false;
        }

        if (Authorities.Count == 0)
        {
            Rejection = "the server's certificate is not trusted by this machine";
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        chain.ChainPolicy.ExtraStore.AddRange(Authorities.ToArray());
        var built = chain.Build(new X509Certificate2(certificate));
        var root = chain.ChainElements.Count > 0 ? chain.ChainElements[chain.ChainElements.Count - 1].Certificate : null;
        if (built && root is not null && Authorities.Any(a => string.Equals(a.Thumbprint, root.Thumbprint, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        Rejection = "the server's certificate is not signed by the CA in JetStreamTlsCa";
        return false;
    }

    private static List<X509Certificate2> ReadCertificates(string path)
    {
        var text = ReadFile(path, "JetStreamTlsCa");
        var certificates = new List<X509Certificate2>();
        foreach (Match match in PemCertificate.Matches(text))
        {
            try
            {
                certificates.Add(new X509Certificate2(Convert.FromBase64String(Regex.Replace(match.Groups["body"].Value, @"\s", string.Empty))));
            }
            catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
            {
                throw new LiveCheckException($"JetStreamTlsCa {path} holds a certificate that can't be read", "use a PEM file of CA certificates");
            }
        }

        if (certificates.Count == 0)
        {
            throw new LiveCheckException($"JetStreamTlsCa {path} holds no PEM certificate", "use a PEM file with -----BEGIN CERTIFICATE----- blocks");
        }

        return certificates;
    }

    // X509Certificate2.CreateFromPemFile exists from .NET 5, which is what dotnet build runs on; netstandard2.0 can't name it.
    private static X509Certificate2 ReadClientCertificate(string certPath, string keyPath)
    {
        ReadFile(certPath, "JetStreamTlsCert");
        ReadFile(keyPath, "JetStreamTlsKey");
        var create = typeof(X509Certificate2).GetMethod("CreateFromPemFile", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(string) }, null);
        if (create is null)
        {
            throw new LiveCheckException("PEM client certificates need the .NET build engine", "run the check with 'dotnet build' rather than the .NET Framework MSBuild of Visual Studio");
        }

        try
        {
            using var pem = (X509Certificate2)create.Invoke(null, new object[] { certPath, keyPath })!;

            // Windows' TLS stack can't use the ephemeral key a PEM import gives; a PKCS#12 round trip makes it persistent.
            return new X509Certificate2(pem.Export(X509ContentType.Pkcs12));
        }
        catch (TargetInvocationException e) when (e.InnerException is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new LiveCheckException($"JetStreamTlsCert {certPath} and JetStreamTlsKey {keyPath} are not a matching PEM certificate and key", "use the PEM certificate and its unencrypted private key");
        }
    }

    private static string ReadFile(string path, string property)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LiveCheckException($"{property} {path} can't be read ({e.GetType().Name})", "check that the file exists and the build can read it");
        }
    }
}
