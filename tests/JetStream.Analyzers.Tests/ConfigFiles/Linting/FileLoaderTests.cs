using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.ConfigFiles.Linting;

/// <summary>Issue 15, items 3 and 4: only regular files are read, and reads are bounded by the bytes actually read.</summary>
public sealed class FileLoaderTests
{
    private const string SiblingWithFinding = """{ "name": "B", "subjects": ["b.>"], "max_bytes": "10GB" }""";

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void SymlinkToADevice_IsReportedAsACharacterDevice(string device)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var repo = new ConfigRepo().With("jetstream/b.json", SiblingWithFinding);
        File.CreateSymbolicLink(repo.PathOf("jetstream/device.json"), device);

        var lines = repo.Lint();

        Assert.Contains("jetstream/device.json(1,1): JS4001: The file can't be parsed: the path is a character device, not a regular file; only regular files are linted", lines);
        Assert.Contains(lines, l => l.StartsWith("jetstream/b.json(1,50): JS4003", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifo_IsReportedWithoutBlocking()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var repo = new ConfigRepo().With("jetstream/b.json", SiblingWithFinding);
        var fifo = repo.PathOf("jetstream/x/pipe.json");
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // The timeout only guards the test run; the lint must finish without a writer ever opening the pipe.
        var lines = await Task.Run(() => repo.Lint()).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Contains("jetstream/x/pipe.json(1,1): JS4001: The file can't be parsed: the path is a FIFO (named pipe), not a regular file; only regular files are linted", lines);
        Assert.Contains(lines, l => l.StartsWith("jetstream/b.json(1,50): JS4003", StringComparison.Ordinal));
    }

    [Fact]
    public void Socket_IsReportedByKind()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var repo = new ConfigRepo();
        var path = repo.PathOf("s.json");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        Assert.Equal(new[] { "s.json(1,1): JS4001: The file can't be parsed: the path is a socket, not a regular file; only regular files are linted" }, repo.Lint(only: "s.json"));
    }

    [Fact]
    public void SymlinkToALargeFile_IsBoundedByTheBytesRead()
    {
        using var repo = new ConfigRepo().With("big/huge.json", "{\"name\":\"A\",\"description\":\"" + new string('x', 9 * 1024 * 1024) + "\"}");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.CreateSymbolicLink(repo.PathOf("link.json"), repo.PathOf("big/huge.json"));

        Assert.Equal(
            new[] { "link.json(1,1): JS4001: The file can't be parsed: the file is larger than the 8 MiB the linter reads; it is not linted" },
            repo.Lint(only: "link.json"));
    }

    [Fact]
    public void Directory_IsReportedAsADirectory()
    {
        using var repo = new ConfigRepo().With("dir.json/inner.txt", "x");
        Assert.Equal(new[] { "dir.json(1,1): JS4001: The file can't be parsed: the path is a directory, not a file" }, repo.Lint(only: "dir.json"));
    }
}
