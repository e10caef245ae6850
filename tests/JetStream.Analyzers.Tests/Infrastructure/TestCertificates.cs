using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NATS.Client.Core;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>
/// A throwaway PKI in PEM files, so TLS servers and clients can be tested without checked-in keys: a CA
/// (<c>ca.pem</c>), a server certificate for <c>localhost</c> and <c>127.0.0.1</c> (<c>server-cert.pem</c>,
/// <c>server-key.pem</c>) and a client certificate (<c>client-cert.pem</c>, <c>client-key.pem</c>) both signed by
/// it, and an unrelated CA (<c>other-ca.pem</c>) that trusts neither, for mismatch cases. Keys are ECDSA P-256 in
/// PKCS#8 PEM. Disposing deletes the directory when this instance created it.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    private readonly bool ownsDirectory;

    private TestCertificates(string directory, bool ownsDirectory)
    {
        Directory = directory;
        this.ownsDirectory = ownsDirectory;
    }

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "ca.pem");

    public string ServerCertFile => Path.Combine(Directory, "server-cert.pem");

    public string ServerKeyFile => Path.Combine(Directory, "server-key.pem");

    public string ClientCertFile => Path.Combine(Directory, "client-cert.pem");

    public string ClientKeyFile => Path.Combine(Directory, "client-key.pem");

    /// <summary>A CA certificate that signed nothing here.</summary>
    public string OtherCaFile => Path.Combine(Directory, "other-ca.pem");

    /// <summary>Generates the files into <paramref name="directory"/>, or into a new temp directory when it is null.</summary>
    public static TestCertificates Create(string? directory = null)
    {
        var certificates = new TestCertificates(directory ?? NatsProcess.NewTempDirectory(), ownsDirectory: directory is null);
        try
        {
            certificates.Generate();
            return certificates;
        }
        catch
        {
            certificates.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The server's <c>tls { }</c> block with these files; with <paramref name="verify"/> the server requires a
    /// client certificate signed by the CA.
    /// </summary>
    public string ServerTlsBlock(bool verify = true) => $$"""
        tls {
          cert_file: {{NatsProcess.Quote(ServerCertFile)}}
          key_file: {{NatsProcess.Quote(ServerKeyFile)}}
          ca_file: {{NatsProcess.Quote(CaFile)}}
          verify: {{(verify ? "true" : "false")}}
          timeout: 2
        }
        """;

    /// <summary>Client TLS options trusting <paramref name="caFile"/> (default: the CA), with or without the client certificate.</summary>
    public NatsTlsOpts ClientTlsOpts(string? caFile = null, bool clientCertificate = true) => new()
    {
        Mode = TlsMode.Require,
        CaFile = caFile ?? CaFile,
        CertFile = clientCertificate ? ClientCertFile : null,
        KeyFile = clientCertificate ? ClientKeyFile : null,
    };

    public void Dispose()
    {
        if (ownsDirectory)
        {
            NatsProcess.DeleteDirectory(Directory);
        }
    }

    private void Generate()
    {
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(30);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = CreateCa("JetStream.Analyzers test CA", caKey, notBefore, notAfter);
        File.WriteAllText(CaFile, ca.ExportCertificatePem());

        var server = new SubjectAlternativeNameBuilder();
        server.AddDnsName("localhost");
        server.AddIpAddress(IPAddress.Loopback);
        WriteLeaf("localhost", ca, ServerAuth, server, notBefore, notAfter.AddMinutes(-1), ServerCertFile, ServerKeyFile);
        WriteLeaf("jetstream-analyzers-test-client", ca, ClientAuth, san: null, notBefore, notAfter.AddMinutes(-1), ClientCertFile, ClientKeyFile);

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = CreateCa("Unrelated test CA", otherKey, notBefore, notAfter);
        File.WriteAllText(OtherCaFile, other.ExportCertificatePem());
    }

    private static X509Certificate2 CreateCa(string name, ECDsa key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    private static void WriteLeaf(
        string commonName,
        X509Certificate2 ca,
        Oid usage,
        SubjectAlternativeNameBuilder? san,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        string certFile,
        string keyFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { usage }, critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(ca, notBefore, notAfter, serial);
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    }
}
