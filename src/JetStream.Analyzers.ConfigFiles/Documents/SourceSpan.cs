namespace JetStream.Analyzers.ConfigFiles.Documents;

/// <summary>A range in a file, 1-based lines and columns, as MSBuild prints them: file(line,col,endLine,endCol).</summary>
public sealed class SourceSpan
{
    public SourceSpan(string path, int line, int column, int endLine, int endColumn)
    {
        Path = path;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    public string Path { get; }

    public int Line { get; }

    public int Column { get; }

    public int EndLine { get; }

    public int EndColumn { get; }

    public static SourceSpan Start(string path) => new(path, 1, 1, 1, 1);

    public override string ToString() => $"{Path}({Line},{Column},{EndLine},{EndColumn})";
}
