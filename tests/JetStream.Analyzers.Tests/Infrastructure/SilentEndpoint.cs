using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>What a <see cref="SilentEndpoint"/> does with a connection it accepts.</summary>
public enum SilentEndpointMode
{
    /// <summary>Accepts and never writes: a client waits for the INFO line in vain.</summary>
    Silent,

    /// <summary>Writes a plausible nats-server INFO line, then never answers (no PONG, no replies).</summary>
    InfoThenSilence,
}

/// <summary>
/// A loopback TCP endpoint that looks alive but never completes the NATS handshake, so tests can prove that a
/// client gives up after its timeout instead of hanging (a firewall black hole, a wedged server). Connections stay
/// open until disposal. <see cref="ClosedPortUrl"/> gives the opposite case: a port that refuses connections.
/// </summary>
public sealed class SilentEndpoint : IDisposable
{
    private readonly TcpListener listener;
    private readonly List<TcpClient> clients = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private int accepted;

    public SilentEndpoint(SilentEndpointMode mode = SilentEndpointMode.Silent)
    {
        Mode = mode;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = Task.Run(AcceptAsync);
    }

    public SilentEndpointMode Mode { get; }

    public int Port { get; }

    public string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>How many connections were accepted so far: proves a client actually got this far.</summary>
    public int AcceptedConnections => Volatile.Read(ref accepted);

    /// <summary>A nats:// URL on a loopback port where nothing listens (connections are refused).</summary>
    public static string ClosedPortUrl() => $"nats://127.0.0.1:{NatsProcess.FreeLoopbackPort()}";

    /// <summary>The INFO line sent in <see cref="SilentEndpointMode.InfoThenSilence"/> mode.</summary>
    public string InfoLine =>
        "INFO {\"server_id\":\"NSILENTENDPOINT\",\"server_name\":\"silent\",\"version\":\"2.9.10\",\"proto\":1,\"go\":\"go1.19.8\"," +
        $"\"host\":\"127.0.0.1\",\"port\":{Port},\"headers\":true,\"max_payload\":1048576,\"jetstream\":true,\"client_id\":1,\"client_ip\":\"127.0.0.1\"}}\r\n";

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            acceptLoop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's exception.
        }

        lock (clients)
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            clients.Clear();
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (clients)
            {
                clients.Add(client);
            }

            Interlocked.Increment(ref accepted);
            if (Mode == SilentEndpointMode.InfoThenSilence)
            {
                try
                {
                    await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(InfoLine), stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or System.IO.IOException or ObjectDisposedException)
                {
                    // The client went away; nothing to answer anyway.
                }
            }
        }
    }
}
