using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.LiveCheck.Protocol;
using JetStream.Analyzers.LiveCheck.Server;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.LiveCheck.Protocol;

/// <summary>Endpoints that speak something other than well-formed NATS: the check ends with a message, never a crash or a hang.</summary>
public sealed class MisbehavingServerTests
{
    private const string Info = "INFO {\"server_id\":\"FAKE\",\"version\":\"2.10.0\",\"headers\":true,\"max_payload\":1048576}\r\n";

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\n\r\n", null, "did not answer with a NATS INFO line")]
    [InlineData("INFO not-json\r\n", null, "did not answer with a NATS INFO line")]
    [InlineData(Info, "MSG {reply} 1 8\r\nnot json\r\n", "is not JSON")]
    [InlineData(Info, "MSG {reply} 1 99999999999\r\n", "malformed message header")]
    [InlineData(Info, "MSG {reply} 1 2000000000\r\n", "announced a 2000000000-byte message")]
    [InlineData(Info, "HMSG {reply} 1 -1 10\r\n0123456789\r\n", "sent a malformed message header ('HMSG _INBOX.")]
    [InlineData(Info, "HMSG {reply} 1 12 10\r\n0123456789\r\n", "sent a malformed message header")]
    [InlineData(Info, "-ERR 'Unknown Protocol Operation'\r\n", "reported an error for $JS.API.INFO: Unknown Protocol Operation")]
    [InlineData(Info, "MSG {reply} 1 35\r\n{\"error\":{\"code\":500,\"err_code\":1}}\r\n", "answered INFO with an error: unknown error (code 1)")]
    public async Task Garbage_ends_the_check_with_a_message(string greeting, string? reply, string problem)
    {
        using var fake = new ScriptedServer(greeting, reply);
        var settings = ConfigRepo.Server(fake.Url, 2);

        var e = Assert.Throws<LiveCheckException>(() =>
        {
            using var client = NatsClient.Connect(settings);
            ServerSnapshot.Read(client);
        });

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        await fake.StopAsync();
    }

    [Fact]
    public async Task Info_sent_a_byte_a_second_is_bounded_by_one_deadline()
    {
        using var fake = new ScriptedServer(Info, reply: null, greetingDelay: TimeSpan.FromSeconds(1));
        var settings = ConfigRepo.Server(fake.Url, 3);

        // Per-read timeouts let this run for minutes (122 s with a 3 s timeout); the guard only keeps a failure short.
        var e = await Task.Run(() => Assert.Throws<LiveCheckException>(() => NatsClient.Connect(settings).Dispose())).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains("within 3 s", e.Message, StringComparison.Ordinal);
        await fake.StopAsync();
    }

    [Fact]
    public async Task Stream_list_claiming_an_endless_total_is_refused_not_paged()
    {
        const string account = "{\"memory\":0,\"storage\":0,\"streams\":1,\"consumers\":0,\"limits\":{}}";
        const string page = "{\"total\":1000000000000000,\"offset\":0,\"limit\":1,\"streams\":[{\"config\":{\"name\":\"S\"},\"state\":{}}]}";
        using var fake = new ScriptedServer(Info, subject => subject.Contains("STREAM.LIST", StringComparison.Ordinal) ? page : account);
        var settings = ConfigRepo.Server(fake.Url, 5);

        var e = await Task.Run(() => Assert.Throws<LiveCheckException>(() =>
        {
            using var client = NatsClient.Connect(settings);
            ServerSnapshot.Read(client);
        })).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains("reports 1000000000000000 streams, more than the 100,000 the live check reads", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, fake.Requests);
        await fake.StopAsync();
    }

    [Fact]
    public async Task Stream_list_whose_total_grows_stops_at_the_first_total()
    {
        const string account = "{\"memory\":0,\"storage\":0,\"streams\":1,\"consumers\":0,\"limits\":{}}";
        var pages = 0;
        using var fake = new ScriptedServer(Info, subject =>
        {
            if (!subject.Contains("STREAM.LIST", StringComparison.Ordinal))
            {
                return account;
            }

            var n = Interlocked.Increment(ref pages);
            return $"{{\"total\":{n + 2},\"offset\":{n - 1},\"limit\":1,\"streams\":[{{\"config\":{{\"name\":\"S{n}\"}},\"state\":{{}}}}]}}";
        });
        var settings = ConfigRepo.Server(fake.Url, 5);

        using (var client = NatsClient.Connect(settings))
        {
            Assert.Equal(3, ServerSnapshot.Read(client).Streams.Count);
        }

        Assert.Equal(3, pages);
        await fake.StopAsync();
    }

    /// <summary>Sends a greeting, answers PING with PONG, and answers the first PUB with a scripted line ({reply} is its reply subject).</summary>
    private sealed class ScriptedServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly Task serving;

        private readonly Func<string, string?> answer;
        private int requests;

        public ScriptedServer(string greeting, string? reply, TimeSpan? greetingDelay = null)
            : this(greeting, _ => reply, greetingDelay, raw: true)
        {
        }

        /// <param name="payload">The JSON payload answering a request to the given API subject.</param>
        public ScriptedServer(string greeting, Func<string, string> payload)
            : this(greeting, subject => payload(subject), null, raw: false)
        {
        }

        private ScriptedServer(string greeting, Func<string, string?> answer, TimeSpan? greetingDelay, bool raw)
        {
            this.answer = raw ? answer : subject => answer(subject) is { } json ? $"MSG {{reply}} 1 {Encoding.UTF8.GetByteCount(json)}\r\n{json}\r\n" : null;
            listener.Start();
            Url = $"nats://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
            serving = Task.Run(() => ServeAsync(greeting, greetingDelay));
        }

        public string Url { get; }

        public int Requests => Volatile.Read(ref requests);

        public async Task StopAsync()
        {
            stop.Cancel();
            listener.Stop();
            try
            {
                await serving;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            stop.Dispose();
        }

        private async Task ServeAsync(string greeting, TimeSpan? greetingDelay)
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            var stream = client.GetStream();
            foreach (var b in greetingDelay is null ? new[] { greeting } : greeting.Select(c => c.ToString()))
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(b), stop.Token);
                if (greetingDelay is { } delay)
                {
                    await Task.Delay(delay, stop.Token);
                }
            }

            using var reader = new StreamReader(stream, Encoding.ASCII);
            while (!stop.IsCancellationRequested && await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (line == "PING")
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("PONG\r\n"), stop.Token);
                }
                else if (line.StartsWith("PUB ", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref requests);
                    var parts = line.Split(' ');
                    if (answer(parts[1]) is { } reply)
                    {
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply.Replace("{reply}", parts[2], StringComparison.Ordinal)), stop.Token);
                    }
                }
            }
        }
    }
}
