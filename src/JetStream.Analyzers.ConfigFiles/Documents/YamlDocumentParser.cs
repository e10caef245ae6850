using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace JetStream.Analyzers.ConfigFiles.Documents;

/// <summary>
/// Reads YAML (any number of documents per file) into positioned nodes with YamlDotNet's event parser. Aliases
/// share the anchored node instead of copying it, and a document whose aliases would expand past
/// <see cref="MaxExpandedNodes"/> nodes is rejected, so alias bombs cost neither memory nor time.
/// </summary>
public static class YamlDocumentParser
{
    public const int MaxDepth = 64;
    public const long MaxExpandedNodes = 100_000;

    // YAML 1.2 core schema for plain scalars.
    private static readonly Regex Number = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$", RegexOptions.CultureInvariant);

    public static ParsedFile Parse(string path, string text)
    {
        // YamlDotNet reads a byte order mark as content (the first key would start with U+FEFF); editors don't count it.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        var documents = new List<ConfigNode>();
        var problems = new List<ParseProblem>();
        var positions = new Lazy<TextPositions>(() => new TextPositions(path, text));
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                var builder = new DocumentBuilder(path, parser, text.Length, positions);
                var root = parser.Accept<DocumentEnd>(out _) ? null : builder.Read(0);
                parser.Consume<DocumentEnd>();
                if (root is null)
                {
                    continue;
                }

                if (builder.Size(root) > MaxExpandedNodes)
                {
                    problems.Add(new ParseProblem(root.Span, $"the document's aliases expand to more than {MaxExpandedNodes} values; it is not linted"));
                    continue;
                }

                problems.AddRange(builder.Problems);
                documents.Add(root);
            }
        }
        catch (YamlException e)
        {
            problems.Add(new ParseProblem(InFile(e.Start, e.End), "YAML syntax error: " + Clean(e.Message)));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed input; report where parsing stopped.
            var at = parser.Current?.End ?? Mark.Empty;
            problems.Add(new ParseProblem(InFile(at, at), "YAML syntax error: the document is malformed after this point (an unclosed bracket or quote?)"));
        }

        if (documents.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ParseProblem(SourceSpan.Start(path), "the file is empty"));
        }

        return new ParsedFile(path, documents, problems);

        // YamlDotNet puts errors at the end of input on the line after a final line break; clamp them to the content.
        SourceSpan InFile(Mark start, Mark end)
        {
            var contentEnd = text.Length;
            while (contentEnd > 0 && char.IsWhiteSpace(text[contentEnd - 1]))
            {
                contentEnd--;
            }

            if (start.Index >= contentEnd && start.Line >= 1)
            {
                return positions.Value.Span(contentEnd, contentEnd);
            }

            var last = end.Index > contentEnd ? positions.Value.At(contentEnd) : ((int)end.Line, (int)end.Column);
            return new SourceSpan(path, (int)Math.Max(1, start.Line), (int)Math.Max(1, start.Column), Math.Max(1, last.Item1), Math.Max(1, last.Item2));
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is in the diagnostic already.
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(index + 3) : message;
    }

    private sealed class DocumentBuilder
    {
        private readonly string path;
        private readonly IParser parser;
        private readonly Dictionary<string, ConfigNode> anchors = new(StringComparer.Ordinal);
        private readonly Dictionary<ConfigNode, long> sizes = new();

        private readonly int length;
        private readonly Lazy<TextPositions> positions;

        public DocumentBuilder(string path, IParser parser, int length, Lazy<TextPositions> positions)
        {
            this.path = path;
            this.parser = parser;
            this.length = length;
            this.positions = positions;
        }

        public List<ParseProblem> Problems { get; } = new();

        public ConfigNode Read(int depth)
        {
            if (depth > MaxDepth)
            {
                var current = parser.Current!;
                throw new YamlException(current.Start, current.End, $"the document is nested more than {MaxDepth} levels deep");
            }

            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (!anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} refers to no anchor");
                }

                return target;
            }

            ConfigNode node;
            string anchor;
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                anchor = scalar.Anchor.IsEmpty ? string.Empty : scalar.Anchor.Value;
                node = new ScalarNode(Span(scalar.Start, scalar.End), scalar.Value, KindOf(scalar));
            }
            else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                anchor = sequenceStart.Anchor.IsEmpty ? string.Empty : sequenceStart.Anchor.Value;
                var items = new List<ConfigNode>();
                SequenceEnd? end;
                while (!parser.TryConsume<SequenceEnd>(out end))
                {
                    items.Add(Read(depth + 1));
                }

                // A flow list ends at its ']'; a block list's end event sits where the next content starts.
                node = new SequenceNode(Span(sequenceStart.Start, sequenceStart.Style == SequenceStyle.Flow ? AfterBracket(end!) : parser.Current?.Start ?? sequenceStart.End), items);
            }
            else if (parser.TryConsume<MappingStart>(out var mappingStart))
            {
                anchor = mappingStart.Anchor.IsEmpty ? string.Empty : mappingStart.Anchor.Value;
                var entries = new List<MappingEntry>();
                var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
                MappingEnd? mappingEnd;
                while (!parser.TryConsume<MappingEnd>(out mappingEnd))
                {
                    var keyNode = Read(depth + 1);
                    var value = Read(depth + 1);
                    if (keyNode is not ScalarNode key)
                    {
                        Problems.Add(new ParseProblem(keyNode.Span, "mapping keys must be plain values, not lists or mappings"));
                        continue;
                    }

                    if (key.Text == "<<")
                    {
                        // Merge key: take the merged mapping's entries that this mapping doesn't set itself.
                        foreach (var merged in MergeSources(value))
                        {
                            foreach (var entry in merged.Entries)
                            {
                                if (!seen.ContainsKey(entry.Key.Text))
                                {
                                    entries.Add(entry);
                                }
                            }
                        }

                        continue;
                    }

                    if (seen.TryGetValue(key.Text, out var first))
                    {
                        Problems.Add(new ParseProblem(key.Span, $"duplicate key \"{key.Text}\" (first at line {first.Span.Line}); only the last value would be used"));
                    }

                    seen[key.Text] = key;
                    entries.Add(new MappingEntry(key, value));
                }

                node = new MappingNode(Span(mappingStart.Start, mappingStart.Style == MappingStyle.Flow ? AfterBracket(mappingEnd!) : parser.Current?.Start ?? mappingStart.End), entries);
            }
            else
            {
                var current = parser.Current!;
                throw new YamlException(current.Start, current.End, "unexpected YAML content");
            }

            if (anchor.Length > 0)
            {
                anchors[anchor] = node;
            }

            return node;
        }

        /// <summary>The number of values the node stands for once every alias is expanded (memoized per node).</summary>
        public long Size(ConfigNode node)
        {
            if (sizes.TryGetValue(node, out var known))
            {
                return known;
            }

            long size = 1;
            switch (node)
            {
                case SequenceNode sequence:
                    foreach (var item in sequence.Items)
                    {
                        size = Math.Min(long.MaxValue / 2, size + Size(item));
                    }

                    break;
                case MappingNode mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        size = Math.Min(long.MaxValue / 2, size + 1 + Size(entry.Value));
                    }

                    break;
            }

            sizes[node] = size;
            return size;
        }

        private static IEnumerable<MappingNode> MergeSources(ConfigNode value) => value switch
        {
            MappingNode mapping => new[] { mapping },
            SequenceNode sequence => FilterMappings(sequence.Items),
            _ => Array.Empty<MappingNode>(),
        };

        private static IEnumerable<MappingNode> FilterMappings(IReadOnlyList<ConfigNode> items)
        {
            foreach (var item in items)
            {
                if (item is MappingNode mapping)
                {
                    yield return mapping;
                }
            }
        }

        // YamlDotNet puts a flow collection's end event on its closing bracket, not after it.
        private static Mark AfterBracket(ParsingEvent end) => new(end.Start.Index + 1, end.Start.Line, end.Start.Column + 1);

        // A block collection that runs to the end of the input ends at YamlDotNet's stream end, which can sit on a line
        // past the last; the end of the text is where it ends.
        private SourceSpan Span(Mark start, Mark end)
        {
            var (endLine, endColumn) = end.Index >= length ? positions.Value.At(length) : ((int)end.Line, (int)end.Column);
            return new(path, (int)start.Line, (int)start.Column, endLine, endColumn);
        }

        private static ScalarKind KindOf(Scalar scalar)
        {
            if (scalar.Style != ScalarStyle.Plain)
            {
                return ScalarKind.String;
            }

            return scalar.Value switch
            {
                "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
                "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
                _ when Number.IsMatch(scalar.Value) => ScalarKind.Number,
                _ => ScalarKind.String,
            };
        }
    }
}
