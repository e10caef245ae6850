using System;
using System.Collections.Generic;

namespace JetStream.Analyzers.ConfigFiles.Documents;

/// <summary>Maps character offsets to 1-based lines and columns; CRLF, LF and lone CR end a line.</summary>
internal sealed class TextPositions
{
    private readonly string path;
    private readonly List<int> lineStarts = new() { 0 };

    public TextPositions(string path, string text)
    {
        this.path = path;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) At(int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }

    public SourceSpan Span(int start, int end)
    {
        var (line, column) = At(start);
        var (endLine, endColumn) = At(Math.Max(start, end));
        return new SourceSpan(path, line, column, endLine, endColumn);
    }
}
