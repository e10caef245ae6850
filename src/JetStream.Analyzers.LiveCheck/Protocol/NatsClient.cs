using System;
using System.Diagnostics;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Linq;
using System.Text;
using JetStream.Analyzers.LiveCheck.Connection;

namespace JetStream.Analyzers.LiveCheck.Protocol;

/// <summary>
/// A minimal, synchronous NATS client: connect (TLS, user/password, token, nkey, .creds), then one request at a time.
/// The whole check has one deadline: JetStreamTimeout is the time it may spend waiting for the server, connecting and
/// all requests together (the lint between them doesn't count). Every read is bounded by what is left of it, so a
/// closed, silent or trickling socket ends the check, never the build.
/// </summary>
public sealed class NatsClient : IDisposable
{
    private const string ClientVersion = "0.1.0";

    // nats-server caps max_payload at 64 MiB.
    private const int MaxPayloadBytes = 64 * 1024 * 1024;

    private readonly TcpClient tcp;
    private readonly Stream stream;
    private readonly ProtocolReader reader;
    private readonly ConnectionSettings settings;
    private readonly string inbox;
    private readonly Stopwatch clock;
    private int nextReply;

    private NatsClient(TcpClient tcp, Stream stream, ProtocolReader reader, ConnectionSettings settings, Uri server, ServerInfo info, Stopwatch clock)
    {
        this.clock = clock;
        this.tcp = tcp;
        this.stream = stream;
        this.reader = reader;
        this.settings = settings;
        Server = server;
        Info = info;
        inbox = "_INBOX." + Guid.NewGuid().ToString("N");
    }

    public ServerInfo Info { get; }

    public Uri Server { get; }

    /// <summary>JetStream API requests sent so far.</summary>
    public int Requests { get; private set; }

    /// <summary>Connects to the first server that answers, trying them in order within one timeout for all.</summary>
    /// <exception cref="LiveCheckException">No server could be used; the message says why and what to check.</exception>
    public static NatsClient Connect(ConnectionSettings settings)
    {
        LiveCheckException? last = null;
        var clock = Stopwatch.StartNew();
        foreach (var server in settings.Servers)
        {
            if (clock.Elapsed >= settings.Timeout)
            {
                break;
            }

            try
            {
                var client = ConnectTo(server, settings, clock);
                clock.Stop();
                return client;
            }
            catch (LiveCheckException e)
            {
                last = e;
            }
        }

        throw last ?? new LiveCheckException("no server URL is set", "set JetStreamServer");
    }

    /// <summary>Sends a read-only JetStream API request and returns the reply's JSON.</summary>
    /// <exception cref="LiveCheckException">No reply within the timeout, no JetStream, or a permission error.</exception>
    public string Request(ApiRequest request)
    {
        var subject = request.Subject(settings.ApiPrefix);
        var reply = inbox + "." + (++nextReply).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Requests++;
        var body = Encoding.UTF8.GetBytes(request.Body);
        clock.Start();
        try
        {
            return Exchange(subject, reply, body);
        }
        finally
        {
            clock.Stop();
        }
    }

    private string Exchange(string subject, string reply, byte[] body)
    {
        return Guard(() =>
        {
            SetTimeout(settings.Timeout - clock.Elapsed);
            Write($"PUB {subject} {reply} {body.Length}\r\n", body);
            while (true)
            {
                var line = reader.ReadLine();
                if (TryHandleControl(line))
                {
                    continue;
                }

                if (line.StartsWith("-ERR", StringComparison.Ordinal))
                {
                    throw ServerError(line, subject);
                }

                if (ReadMessage(line) is { } message && message.Subject == reply)
                {
                    if (message.Status == "503")
                    {
                        throw new LiveCheckException($"JetStream is not available at {Shown()} (no responders for {subject})",
                            settings.ApiPrefix == "$JS.API" ? "enable JetStream on the server (nats-server -js) or, for a leaf node or another domain, set JetStreamDomain" : "check JetStreamDomain / JetStreamApiPrefix");
                    }

                    return message.Payload;
                }
            }
        });
    }

    public void Dispose()
    {
        stream.Dispose();
        tcp.Dispose();
    }

    private string Shown() => ConnectionSettings.Redact(Server);

    private static NatsClient ConnectTo(Uri server, ConnectionSettings settings, Stopwatch clock)
    {
        var shown = ConnectionSettings.Redact(server);
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            var connect = tcp.ConnectAsync(server.Host, server.Port);
            var left = settings.Timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero || !connect.Wait(left))
            {
                throw TimedOut(shown, settings, "connecting");
            }

            Stream stream = tcp.GetStream();
            SetTimeout(tcp, settings.Timeout - clock.Elapsed);
            var tls = settings.TlsCaFile is not null || settings.TlsCertFile is not null || server.Scheme == "tls" ? TlsFiles.Load(settings) : null;
            if (settings.TlsFirst)
            {
                stream = Handshake(stream, server, tls ?? TlsFiles.Load(settings), shown);
            }

            void BeforeRead() => SetTimeout(tcp, settings.Timeout - clock.Elapsed);
            var reader = new ProtocolReader(stream, BeforeRead);
            var first = reader.ReadLine();
            var info = first.StartsWith("INFO ", StringComparison.Ordinal) ? ServerInfo.Parse(first.Substring(5)) : null;
            if (info is null)
            {
                throw new LiveCheckException($"{shown} did not answer with a NATS INFO line", "check that JetStreamServer points at a NATS client port (4222 by default), not a monitoring, cluster or websocket port");
            }

            if (!settings.TlsFirst && (info.TlsRequired || tls is not null))
            {
                if (!info.TlsRequired && !info.TlsAvailable)
                {
                    throw new LiveCheckException($"{shown} does not offer TLS", "remove the TLS settings or the tls:// scheme, or enable TLS on the server");
                }

                stream = Handshake(stream, server, tls ?? TlsFiles.Load(settings), shown);
                reader = new ProtocolReader(stream, BeforeRead);
            }

            var client = new NatsClient(tcp, stream, reader, settings, server, info, clock);
            client.Handshake(clock);
            return client;
        }
        catch (LiveCheckException)
        {
            tcp.Dispose();
            throw;
        }
        catch (Exception e) when (e is IOException or SocketException or AggregateException or ObjectDisposedException or InvalidOperationException)
        {
            tcp.Dispose();
            throw Unreachable(e, shown, settings);
        }
    }

    private static Stream Handshake(Stream plain, Uri server, TlsFiles tls, string shown)
    {
        var ssl = new SslStream(plain, leaveInnerStreamOpen: false, (_, certificate, _, errors) => tls.Validate(certificate, errors));
        try
        {
            var clientCertificates = new System.Security.Cryptography.X509Certificates.X509CertificateCollection();
            if (tls.ClientCertificate is { } certificate)
            {
                clientCertificates.Add(certificate);
            }

            ssl.AuthenticateAsClient(server.Host, clientCertificates, SslProtocols.None, checkCertificateRevocation: false);
            return ssl;
        }
        catch (AuthenticationException e)
        {
            ssl.Dispose();
            throw new LiveCheckException($"the TLS handshake with {shown} failed: {tls.Rejection ?? e.Message}",
                "check JetStreamTlsCa (the CA that signed the server's certificate), JetStreamTlsCert and JetStreamTlsKey, and the host name in JetStreamServer");
        }
    }

    private void Handshake(Stopwatch clock)
    {
        var connect = new StringBuilder("{\"verbose\":false,\"pedantic\":false,\"lang\":\".NET JetStream.Analyzers\",\"version\":\"" + ClientVersion + "\",\"protocol\":1,\"echo\":false,\"name\":\"jetstream-analyzers-live-check\"");
        if (Info.Headers)
        {
            connect.Append(",\"headers\":true,\"no_responders\":true");
        }

        AppendAuthentication(connect);
        connect.Append('}');
        Guard(() =>
        {
            Write("CONNECT " + connect + "\r\nPING\r\n", null);
            while (true)
            {
                var line = reader.ReadLine();
                if (line == "PONG")
                {
                    break;
                }

                if (line.StartsWith("-ERR", StringComparison.Ordinal))
                {
                    throw ServerError(line, null);
                }

                TryHandleControl(line);
            }

            Write($"SUB {inbox}.* 1\r\n", null);
            return string.Empty;
        });
    }

    private void AppendAuthentication(StringBuilder connect)
    {
        var nonce = Info.Nonce;
        if (settings.CredsFile is { } creds)
        {
            var (jwt, signature) = Credentials.SignWithCreds(creds, nonce ?? string.Empty);
            connect.Append(",\"jwt\":").Append(Json.Quote(jwt)).Append(",\"sig\":").Append(Json.Quote(signature));
        }
        else if (settings.NKeyFile is { } nkey)
        {
            var (publicKey, signature) = Credentials.SignWithNKey(nkey, nonce ?? string.Empty);
            connect.Append(",\"nkey\":").Append(Json.Quote(publicKey)).Append(",\"sig\":").Append(Json.Quote(signature));
        }

        // nats://user:password@host carries a user, nats://token@host a token.
        var user = settings.User ?? UrlUser(Server);
        var password = settings.Password ?? UrlPassword(Server);
        if (user is not null && password is not null)
        {
            connect.Append(",\"user\":").Append(Json.Quote(user)).Append(",\"pass\":").Append(Json.Quote(password));
        }
        else if ((settings.Token ?? (UrlPassword(Server) is null ? UrlUser(Server) : null)) is { } token)
        {
            connect.Append(",\"auth_token\":").Append(Json.Quote(token));
        }
    }

    private static string? UrlUser(Uri server) =>
        string.IsNullOrEmpty(server.UserInfo) ? null : Uri.UnescapeDataString(server.UserInfo.Split(':')[0]);

    private static string? UrlPassword(Uri server) =>
        server.UserInfo.IndexOf(':') is var colon and >= 0 ? Uri.UnescapeDataString(server.UserInfo.Substring(colon + 1)) : null;

    private bool TryHandleControl(string line)
    {
        switch (line)
        {
            case "PING":
                Write("PONG\r\n", null);
                return true;
            case "PONG":
            case "+OK":
            case "":
                return true;
            default:
                return line.StartsWith("INFO ", StringComparison.Ordinal);
        }
    }

    private (string Subject, string? Status, string Payload)? ReadMessage(string line)
    {
        var parts = line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0 && parts[0] is "MSG" or "HMSG" && int.TryParse(parts[parts.Length - 1], out var announced) && (announced < 0 || announced > MaxPayloadBytes))
        {
            throw new LiveCheckException($"{Shown()} announced a {announced}-byte message, more than any NATS server sends", "check that JetStreamServer points at a NATS server");
        }

        if (parts.Length >= 4 && parts[0] == "MSG" && int.TryParse(parts[parts.Length - 1], out var size) && size >= 0)
        {
            return (parts[1], null, Encoding.UTF8.GetString(reader.ReadPayload(size)));
        }

        if (parts.Length >= 5 && parts[0] == "HMSG" && int.TryParse(parts[parts.Length - 2], out var headerSize) && int.TryParse(parts[parts.Length - 1], out var total)
            && headerSize >= 0 && headerSize <= total)
        {
            var bytes = reader.ReadPayload(total);
            var headers = Encoding.ASCII.GetString(bytes, 0, headerSize);
            var statusLine = headers.Split('\r')[0].Split(' ');
            var status = statusLine.Length > 1 ? statusLine[1] : null;
            return (parts[1], status, Encoding.UTF8.GetString(bytes, headerSize, total - headerSize));
        }

        if (parts.Length > 0 && parts[0] is "MSG" or "HMSG")
        {
            var shownLine = line.Length > 80 ? line.Substring(0, 80) + "…" : line;
            throw new LiveCheckException($"{Shown()} sent a malformed message header ('{shownLine}')", "check that JetStreamServer points at a NATS server");
        }

        return null;
    }

    private LiveCheckException ServerError(string line, string? subject)
    {
        var text = line.Substring(4).Trim().Trim('\'');
        if (text.IndexOf("Authorization Violation", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("Authentication", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new LiveCheckException($"{Shown()} refused the credentials ({text})",
                "check JetStreamCredsFile, JetStreamNKeyFile, JetStreamUser/JetStreamPassword or JetStreamToken (or the JETSTREAM_* environment variables)");
        }

        if (text.IndexOf("Permissions Violation", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new LiveCheckException($"{Shown()} refused a read-only request ({text})",
                $"the user needs publish permission on {settings.ApiPrefix}.INFO, {settings.ApiPrefix}.STREAM.LIST and {settings.ApiPrefix}.CONSUMER.LIST.>, and subscribe permission on _INBOX.>");
        }

        return new LiveCheckException($"{Shown()} reported an error{(subject is null ? string.Empty : " for " + subject)}: {text}", "check the server's log");
    }

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw Unreachable(e, Shown(), settings);
        }
    }

    private void Write(string text, byte[]? payload)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
        if (payload is not null)
        {
            stream.Write(payload, 0, payload.Length);
            stream.Write(CrLf, 0, 2);
        }

        stream.Flush();
    }

    private void SetTimeout(TimeSpan remaining) => SetTimeout(tcp, remaining);

    private static void SetTimeout(TcpClient tcp, TimeSpan remaining)
    {
        if (remaining <= TimeSpan.Zero)
        {
            throw new IOException("timed out", new SocketException((int)SocketError.TimedOut));
        }

        var ms = (int)Math.Min(int.MaxValue, Math.Ceiling(remaining.TotalMilliseconds));
        tcp.ReceiveTimeout = ms;
        tcp.SendTimeout = ms;
    }

    private static LiveCheckException TimedOut(string shown, ConnectionSettings settings, string doing) =>
        new($"no answer from {shown} within {settings.Timeout.TotalSeconds:0.###} s while {doing}",
            "check that the server is up and reachable from this machine (firewall, VPN), or raise JetStreamTimeout");

    private static LiveCheckException Unreachable(Exception e, string shown, ConnectionSettings settings)
    {
        var socket = e as SocketException ?? e.InnerException as SocketException ?? (e as AggregateException)?.Flatten().InnerExceptions.OfType<SocketException>().FirstOrDefault();
        return socket?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => new LiveCheckException($"nothing accepts connections at {shown} (connection refused)", "check that nats-server is running and the host and port in JetStreamServer"),
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => new LiveCheckException($"the host of {shown} can't be resolved", "check the host name in JetStreamServer"),
            SocketError.TimedOut or SocketError.WouldBlock => TimedOut(shown, settings, "waiting for the server"),
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => new LiveCheckException($"{shown} is unreachable from this machine", "check the network path (VPN, firewall) to the server"),
            _ => new LiveCheckException($"the connection to {shown} failed ({(socket is not null ? socket.SocketErrorCode.ToString() : e.Message)})", "check that the server is up; if it requires TLS, set JetStreamTlsCa or use a tls:// URL"),
        };
    }

    private static readonly byte[] CrLf = { (byte)'\r', (byte)'\n' };
}
