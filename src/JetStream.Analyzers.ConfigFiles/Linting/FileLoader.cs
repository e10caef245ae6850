using System;
using System.IO;
using System.Text;
using JetStream.Analyzers.ConfigFiles.Documents;

namespace JetStream.Analyzers.ConfigFiles.Linting;

/// <summary>Reads a file into documents, turning unreadable, binary, oversized and malformed files into problems.</summary>
public static class FileLoader
{
    public const long MaxFileBytes = 8L * 1024 * 1024;

    public static ParsedFile Load(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Problem(path, Directory.Exists(path) ? "the path is a directory, not a file" : "the file does not exist");
            }

            if (FileKind.NotRegular(path) is { } kind)
            {
                return Problem(path, $"the path is {kind}, not a regular file; only regular files are linted");
            }

            if (info.Length > MaxFileBytes)
            {
                return Problem(path, $"the file is {info.Length / (1024 * 1024)} MiB, larger than the {MaxFileBytes / (1024 * 1024)} MiB the linter reads; it is not linted");
            }

            // A symlink's FileInfo.Length is the link's own, and special files report 0: the read itself is bounded.
            if (!TryReadAtMost(path, MaxFileBytes, out bytes))
            {
                return Problem(path, $"the file is larger than the {MaxFileBytes / (1024 * 1024)} MiB the linter reads; it is not linted");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Problem(path, "the file can't be read: " + e.Message);
        }

        return Parse(path, bytes);
    }

    private static bool TryReadAtMost(string path, long limit, out byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                bytes = Array.Empty<byte>();
                return false;
            }
        }

        bytes = buffer.ToArray();
        return true;
    }

    public static ParsedFile Parse(string path, byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return Problem(path, "the file is binary (it contains NUL bytes), not JSON or YAML text");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Problem(path, "the file is not valid UTF-8 text");
        }

        if (text.Trim('\uFEFF', ' ', '\t', '\r', '\n').Length == 0)
        {
            return Problem(path, "the file is empty");
        }

        return IsJson(path, text) ? JsonDocumentParser.Parse(path, text) : YamlDocumentParser.Parse(path, text);
    }

    private static bool IsJson(string path, string text)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c == '{' || c == '[';
            }
        }

        return false;
    }

    private static ParsedFile Problem(string path, string message) =>
        new(path, Array.Empty<ConfigNode>(), new[] { new ParseProblem(SourceSpan.Start(path), message) });
}
