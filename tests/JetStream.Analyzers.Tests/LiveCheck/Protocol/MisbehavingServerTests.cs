using System;
using System.IO;
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

    /// <summary>Sends a greeting, answers PING with PONG, and answers the first PUB with a scripted line ({reply} is its reply subject).</summary>
    private sealed class ScriptedServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly Task serving;

        public ScriptedServer(string greeting, string? reply)
        {
            listener.Start();
            Url = $"nats://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
            serving = Task.Run(() => ServeAsync(greeting, reply));
        }

        public string Url { get; }

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

        private async Task ServeAsync(string greeting, string? reply)
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(greeting), stop.Token);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            while (!stop.IsCancellationRequested && await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (line == "PING")
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("PONG\r\n"), stop.Token);
                }
                else if (line.StartsWith("PUB ", StringComparison.Ordinal) && reply is not null)
                {
                    var subject = line.Split(' ')[2];
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(reply.Replace("{reply}", subject, StringComparison.Ordinal)), stop.Token);
                }
            }
        }
    }
}
