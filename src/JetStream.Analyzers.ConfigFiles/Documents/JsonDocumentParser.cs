using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace JetStream.Analyzers.ConfigFiles.Documents;

/// <summary>
/// A strict JSON (RFC 8259) reader that keeps the position of every value and key, so findings point at the exact
/// line and column. Syntax errors and duplicate keys become <see cref="ParseProblem"/>s; nesting is bounded.
/// </summary>
public static class JsonDocumentParser
{
    public const int MaxDepth = 64;

    public static ParsedFile Parse(string path, string text)
    {
        var reader = new Reader(path, text);
        try
        {
            reader.SkipWhitespace();
            if (reader.AtEnd)
            {
                return new ParsedFile(path, Array.Empty<ConfigNode>(), new[] { new ParseProblem(SourceSpan.Start(path), "the file is empty") });
            }

            var root = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (!reader.AtEnd)
            {
                throw reader.Fail("unexpected text after the end of the JSON document");
            }

            return new ParsedFile(path, new[] { root }, reader.Problems);
        }
        catch (JsonSyntaxException e)
        {
            // A problem at a line break is an empty span there: the break's second character (LF of CR LF) is past the line.
            var end = e.Offset < text.Length && text[e.Offset] is '\r' or '\n' ? e.Offset : Math.Min(e.Offset + 1, text.Length);
            reader.Problems.Add(new ParseProblem(reader.Positions.Span(e.Offset, end), e.Message));
            return new ParsedFile(path, Array.Empty<ConfigNode>(), reader.Problems);
        }
    }

    internal sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(int offset, string message)
            : base(message)
        {
            Offset = offset;
        }

        public int Offset { get; }
    }

    private sealed class Reader
    {
        private readonly string text;
        private int position;

        public Reader(string path, string text)
        {
            this.text = text;
            Positions = new TextPositions(path, text);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                position = 1;
            }
        }

        public TextPositions Positions { get; }

        public List<ParseProblem> Problems { get; } = new();

        public bool AtEnd => position >= text.Length;

        public void SkipWhitespace()
        {
            while (position < text.Length && text[position] is ' ' or '\t' or '\n' or '\r')
            {
                position++;
            }
        }

        public ConfigNode ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Fail($"the document is nested more than {MaxDepth} levels deep");
            }

            SkipWhitespace();
            if (AtEnd)
            {
                throw Fail("unexpected end of file: the JSON document is incomplete");
            }

            var c = text[position];
            switch (c)
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    var start = position;
                    var value = ReadString();
                    return new ScalarNode(Positions.Span(start, position), value, ScalarKind.String);
                case 't':
                    return ReadLiteral("true", ScalarKind.Boolean);
                case 'f':
                    return ReadLiteral("false", ScalarKind.Boolean);
                case 'n':
                    return ReadLiteral("null", ScalarKind.Null);
                default:
                    if (c == '-' || c >= '0' && c <= '9')
                    {
                        return ReadNumber();
                    }

                    throw Fail(c == '\'' ? "strings must use double quotes in JSON" : $"unexpected character '{Printable(c)}'");
            }
        }

        private MappingNode ReadObject(int depth)
        {
            var start = position++;
            var entries = new List<MappingEntry>();
            var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
            SkipWhitespace();
            if (Peek() == '}')
            {
                position++;
                return new MappingNode(Positions.Span(start, position), entries);
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Fail(Peek() == '}' ? "trailing comma before '}' is not allowed in JSON" : "expected a property name in double quotes");
                }

                var keyStart = position;
                var keyText = ReadString();
                var key = new ScalarNode(Positions.Span(keyStart, position), keyText, ScalarKind.String);
                SkipWhitespace();
                Expect(':', "expected ':' after the property name");
                var value = ReadValue(depth + 1);
                if (seen.TryGetValue(keyText, out var first))
                {
                    Problems.Add(new ParseProblem(key.Span, $"duplicate key \"{keyText}\" (first at line {first.Span.Line}); the server would keep only the last value"));
                }

                seen[keyText] = key;
                entries.Add(new MappingEntry(key, value));
                SkipWhitespace();
                if (Peek() == ',')
                {
                    position++;
                    continue;
                }

                Expect('}', "expected ',' or '}' after a property value");
                return new MappingNode(Positions.Span(start, position), entries);
            }
        }

        private SequenceNode ReadArray(int depth)
        {
            var start = position++;
            var items = new List<ConfigNode>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                position++;
                return new SequenceNode(Positions.Span(start, position), items);
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() == ']')
                {
                    throw Fail("trailing comma before ']' is not allowed in JSON");
                }

                items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                if (Peek() == ',')
                {
                    position++;
                    continue;
                }

                Expect(']', "expected ',' or ']' after a list item");
                return new SequenceNode(Positions.Span(start, position), items);
            }
        }

        private string ReadString()
        {
            var start = position++;
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    position = start;
                    throw Fail("unterminated string");
                }

                var c = text[position++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c == '\\')
                {
                    if (AtEnd)
                    {
                        throw Fail("unterminated escape sequence");
                    }

                    var escape = text[position++];
                    switch (escape)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (position + 4 > text.Length || !IsHex(text[position]) || !IsHex(text[position + 1]) || !IsHex(text[position + 2]) || !IsHex(text[position + 3])
                                || !int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                            {
                                position -= 2;
                                throw Fail("invalid \\u escape: expected four hexadecimal digits");
                            }

                            sb.Append((char)code);
                            position += 4;
                            break;
                        default:
                            position -= 2;
                            throw Fail($"invalid escape sequence '\\{Printable(escape)}'");
                    }
                }
                else if (c < 0x20)
                {
                    position--;
                    throw Fail(c == '\n' || c == '\r' ? "unterminated string (line break inside a string)" : "control character inside a string must be escaped");
                }
                else
                {
                    sb.Append(c);
                }
            }
        }

        private ScalarNode ReadNumber()
        {
            var start = position;
            if (Peek() == '-')
            {
                position++;
            }

            if (Peek() == '0')
            {
                position++;
            }
            else if (IsDigit(Peek()))
            {
                while (IsDigit(Peek()))
                {
                    position++;
                }
            }
            else
            {
                throw Fail("invalid number");
            }

            if (Peek() == '.')
            {
                position++;
                if (!IsDigit(Peek()))
                {
                    throw Fail("invalid number: expected a digit after '.'");
                }

                while (IsDigit(Peek()))
                {
                    position++;
                }
            }

            if (Peek() is 'e' or 'E')
            {
                position++;
                if (Peek() is '+' or '-')
                {
                    position++;
                }

                if (!IsDigit(Peek()))
                {
                    throw Fail("invalid number: expected a digit in the exponent");
                }

                while (IsDigit(Peek()))
                {
                    position++;
                }
            }

            if (char.IsLetter(Peek()))
            {
                throw Fail($"invalid number: unexpected '{Printable(Peek())}' (units such as \"10GB\" or \"1h\" are not JSON numbers)");
            }

            return new ScalarNode(Positions.Span(start, position), text.Substring(start, position - start), ScalarKind.Number);
        }

        private ScalarNode ReadLiteral(string literal, ScalarKind kind)
        {
            var start = position;
            if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0 || position + literal.Length < text.Length && char.IsLetterOrDigit(text[position + literal.Length]))
            {
                throw Fail("unexpected text: strings must be in double quotes");
            }

            position += literal.Length;
            return new ScalarNode(Positions.Span(start, position), literal, kind);
        }

        private void Expect(char expected, string message)
        {
            if (Peek() != expected)
            {
                throw Fail(AtEnd ? "unexpected end of file: the JSON document is incomplete" : message);
            }

            position++;
        }

        private char Peek() => position < text.Length ? text[position] : '\0';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsHex(char c) => IsDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';

        private static string Printable(char c) => c < 0x20 ? $"\\u{(int)c:x4}" : c.ToString();

        /// <summary>
        /// A syntax error at the current position. Past the last line's content (a truncated file), it points at the last
        /// character of that content, never at a line break or beyond the end of the file.
        /// </summary>
        public JsonSyntaxException Fail(string message)
        {
            var contentEnd = text.Length;
            while (contentEnd > 0 && text[contentEnd - 1] is ' ' or '\t' or '\n' or '\r')
            {
                contentEnd--;
            }

            var at = Math.Min(position, Math.Max(0, contentEnd - 1));
            if (at > 0 && at < text.Length && text[at] == '\n' && text[at - 1] == '\r')
            {
                at--;
            }

            return new(at, message);
        }
    }
}
