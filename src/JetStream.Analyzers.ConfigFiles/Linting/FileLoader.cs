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
                return Problem(path, "the file does not exist");
            }

            if (info.Length > MaxFileBytes)
            {
                return Problem(path, $"the file is {info.Length / (1024 * 1024)} MiB, larger than the {MaxFileBytes / (1024 * 1024)} MiB the linter reads; it is not linted");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Problem(path, "the file can't be read: " + e.Message);
        }

        return Parse(path, bytes);
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
