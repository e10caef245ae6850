using System;
using System.IO;
using System.Text;

namespace JetStream.Analyzers.LiveCheck.Protocol;

/// <summary>Reads NATS protocol lines and payloads from a stream, with a bound on how long a line may be.</summary>
internal sealed class ProtocolReader
{
    // INFO lines of large clusters list every server's client URLs; replies are capped by the server's max_payload.
    private const int MaxLineBytes = 1024 * 1024;

    private readonly Stream stream;
    private readonly Action beforeRead;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    /// <param name="beforeRead">
    /// Called before every read from the socket; it bounds the read by what is left of the check's deadline (or
    /// throws when nothing is), so a server that trickles bytes can't stretch a read timeout without end.
    /// </param>
    public ProtocolReader(Stream stream, Action beforeRead)
    {
        this.stream = stream;
        this.beforeRead = beforeRead;
    }

    /// <summary>The next line without its CR LF.</summary>
    public string ReadLine()
    {
        var line = new MemoryStream();
        while (true)
        {
            for (var i = start; i < end; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                line.Write(buffer, start, i - start);
                start = i + 1;
                var bytes = line.ToArray();
                var length = bytes.Length > 0 && bytes[bytes.Length - 1] == (byte)'\r' ? bytes.Length - 1 : bytes.Length;
                return Encoding.UTF8.GetString(bytes, 0, length);
            }

            line.Write(buffer, start, end - start);
            start = end;
            if (line.Length > MaxLineBytes)
            {
                throw new LiveCheckException("the server sent a protocol line longer than 1 MiB", "check that JetStreamServer points at a NATS client port");
            }

            Fill();
        }
    }

    /// <summary>Exactly <paramref name="count"/> bytes followed by CR LF.</summary>
    public byte[] ReadPayload(int count)
    {
        var payload = new byte[count];
        var copied = 0;
        while (copied < count)
        {
            if (start == end)
            {
                Fill();
            }

            var n = Math.Min(count - copied, end - start);
            Buffer.BlockCopy(buffer, start, payload, copied, n);
            start += n;
            copied += n;
        }

        ReadLine();
        return payload;
    }

    private void Fill()
    {
        start = 0;
        beforeRead();
        end = stream.Read(buffer, 0, buffer.Length);
        if (end <= 0)
        {
            end = 0;
            throw new IOException("the server closed the connection");
        }
    }
}
