using System;
using System.Collections.Generic;
using System.Globalization;

namespace JetStream.Analyzers.ConfigFiles.EditorConfig;

/// <summary>
/// An .editorconfig section name compiled to a matcher with the compiler's grammar: '*' a run without '/', '**' any
/// run, '?' any one character, [abc] / [!a-z] with '\' escapes, {a,b} choices (nested), {1..3} integer ranges, and
/// '\' escaping the next character. A name without '/' matches the file name in any folder; one with '/' is relative
/// to the .editorconfig's folder.
/// Matching runs over sets of positions, one pass per glob element, so no name makes it backtrack (the compiler's
/// regular expressions can: '**a**a…**c' against a long name). Names the compiler can't compile, or compiles to a
/// regular expression that throws ('[]', '[!]', '[z-a]', '{1..99999999999}', digits other than 0-9), give null.
/// </summary>
internal sealed class SectionGlob
{
    private readonly Sequence root;

    private SectionGlob(Sequence root)
    {
        this.root = root;
    }

    public static SectionGlob? TryCompile(string sectionName)
    {
        var items = new List<Element>();
        if (!sectionName.Contains("/"))
        {
            items.Add(new AnyRun(crossesFolders: true));
            items.Add(new CharSet(c => c == '/'));
        }
        else if (sectionName[0] != '/')
        {
            items.Add(new CharSet(c => c == '/'));
        }

        var parser = new Parser(sectionName);
        return parser.TryParseList(items, inChoice: false) && parser.Done ? new SectionGlob(new Sequence(items)) : null;
    }

    /// <summary>Matches a path relative to the .editorconfig's folder that starts with '/' ("/streams/orders.json").</summary>
    public bool IsMatch(string relativePath)
    {
        var starts = new bool[relativePath.Length + 1];
        starts[0] = true;
        return root.Advance(relativePath, starts)[relativePath.Length];
    }

    private abstract class Element
    {
        /// <summary>Given the positions where this element may start, the positions where it may end.</summary>
        public abstract bool[] Advance(string text, bool[] starts);
    }

    private sealed class Sequence : Element
    {
        private readonly List<Element> items;

        public Sequence(List<Element> items)
        {
            this.items = items;
        }

        public override bool[] Advance(string text, bool[] starts)
        {
            foreach (var item in items)
            {
                starts = item.Advance(text, starts);
            }

            return starts;
        }
    }

    private sealed class CharSet : Element
    {
        private readonly Func<char, bool> accepts;

        public CharSet(Func<char, bool> accepts)
        {
            this.accepts = accepts;
        }

        public override bool[] Advance(string text, bool[] starts)
        {
            var ends = new bool[starts.Length];
            for (var i = 0; i < text.Length; i++)
            {
                ends[i + 1] = starts[i] && accepts(text[i]);
            }

            return ends;
        }
    }

    private sealed class AnyRun : Element
    {
        private readonly bool crossesFolders;

        public AnyRun(bool crossesFolders)
        {
            this.crossesFolders = crossesFolders;
        }

        public override bool[] Advance(string text, bool[] starts)
        {
            var ends = new bool[starts.Length];
            var open = false;
            for (var i = 0; i <= text.Length; i++)
            {
                open |= starts[i];
                ends[i] = open;
                if (!crossesFolders && i < text.Length && text[i] == '/')
                {
                    open = false;
                }
            }

            return ends;
        }
    }

    private sealed class Choice : Element
    {
        private readonly List<Sequence> alternatives;

        public Choice(List<Sequence> alternatives)
        {
            this.alternatives = alternatives;
        }

        public override bool[] Advance(string text, bool[] starts)
        {
            var ends = new bool[starts.Length];
            foreach (var alternative in alternatives)
            {
                var reached = alternative.Advance(text, starts);
                for (var i = 0; i < ends.Length; i++)
                {
                    ends[i] |= reached[i];
                }
            }

            return ends;
        }
    }

    /// <summary>An optional '-' and ASCII digits whose value lies in the range, as the compiler checks after matching.</summary>
    private sealed class NumberRange : Element
    {
        private const int MaxDigits = 10;
        private readonly long min;
        private readonly long max;

        public NumberRange(long min, long max)
        {
            this.min = min;
            this.max = max;
        }

        public override bool[] Advance(string text, bool[] starts)
        {
            var ends = new bool[starts.Length];
            for (var i = 0; i < text.Length; i++)
            {
                if (!starts[i])
                {
                    continue;
                }

                var j = i;
                var negative = j < text.Length && text[j] == '-';
                if (negative)
                {
                    j++;
                }

                long value = 0;
                for (var digits = 0; j < text.Length && text[j] is >= '0' and <= '9' && digits < MaxDigits; j++, digits++)
                {
                    value = value * 10 + (text[j] - '0');
                    var signed = negative ? -value : value;
                    ends[j + 1] |= signed >= min && signed <= max;
                }
            }

            return ends;
        }
    }

    private sealed class Parser
    {
        private readonly string text;
        private int position;

        public Parser(string text)
        {
            this.text = text;
        }

        public bool Done => position >= text.Length;

        /// <summary>Parses elements up to the end, or in a choice up to and including the ',' or '}' that ends the alternative.</summary>
        public bool TryParseList(List<Element> items, bool inChoice)
        {
            while (!Done)
            {
                var c = text[position++];
                switch (c)
                {
                    case '*' when !Done && text[position] == '*':
                        position++;
                        items.Add(new AnyRun(crossesFolders: true));
                        break;
                    case '*':
                        items.Add(new AnyRun(crossesFolders: false));
                        break;
                    case '?':
                        items.Add(new CharSet(_ => true));
                        break;
                    case ',' or '}':
                        return inChoice;
                    case '[':
                        if (TryParseClass() is not { } set)
                        {
                            return false;
                        }

                        items.Add(set);
                        break;
                    case '{':
                        if (TryParseRange(out var outOfRange) is { } range)
                        {
                            items.Add(range);
                        }
                        else if (!outOfRange && TryParseChoice() is { } choice)
                        {
                            items.Add(choice);
                        }
                        else
                        {
                            return false;
                        }

                        break;
                    case '\\':
                        if (Done)
                        {
                            return false;
                        }

                        var escaped = text[position++];
                        items.Add(new CharSet(x => x == escaped));
                        break;
                    default:
                        items.Add(new CharSet(x => x == c));
                        break;
                }
            }

            return !inChoice;
        }

        private Choice? TryParseChoice()
        {
            var alternatives = new List<Sequence>();
            while (true)
            {
                var items = new List<Element>();
                if (!TryParseList(items, inChoice: true))
                {
                    return null;
                }

                alternatives.Add(new Sequence(items));
                if (text[position - 1] == '}')
                {
                    return new Choice(alternatives);
                }
            }
        }

        /// <summary>{from..to} with optional '-' signs; integers outside int's range make the section invalid, as in the compiler.</summary>
        private NumberRange? TryParseRange(out bool invalid)
        {
            var saved = position;
            invalid = false;
            if (TryNumber(out var from, out var fromValid) && Eat('.') && Eat('.') && TryNumber(out var to, out var toValid) && Eat('}'))
            {
                invalid = !fromValid || !toValid;
                return invalid ? null : new NumberRange(Math.Min(from, to), Math.Max(from, to));
            }

            position = saved;
            return null;
        }

        private bool TryNumber(out long value, out bool valid)
        {
            value = 0;
            var start = position;
            if (!Done && text[position] == '-')
            {
                position++;
            }

            var digitsStart = position;
            valid = true;
            while (!Done && char.IsDigit(text[position]))
            {
                valid &= text[position] is >= '0' and <= '9';
                position++;
            }

            if (position == digitsStart)
            {
                position = start;
                return false;
            }

            if (valid && int.TryParse(text.Substring(start, position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed;
            }
            else
            {
                valid = false;
            }

            return true;
        }

        private bool Eat(char expected)
        {
            if (!Done && text[position] == expected)
            {
                position++;
                return true;
            }

            return false;
        }

        /// <summary>[...] after the '[': '!' negates, '\' escapes, a-z ranges. Empty and reversed classes are invalid.</summary>
        private CharSet? TryParseClass()
        {
            var negated = Eat('!');
            var ranges = new List<(char From, char To)>();
            while (!Done)
            {
                var c = text[position++];
                if (c == ']')
                {
                    if (ranges.Count == 0)
                    {
                        return null;
                    }

                    return new CharSet(x => Contains(ranges, x) != negated);
                }

                if (c == '\\')
                {
                    if (Done)
                    {
                        return null;
                    }

                    c = text[position++];
                }

                if (position + 1 < text.Length && text[position] == '-' && text[position + 1] != ']')
                {
                    var to = text[position + 1];
                    position += 2;
                    if (to == '\\')
                    {
                        if (Done)
                        {
                            return null;
                        }

                        to = text[position++];
                    }

                    if (to < c)
                    {
                        return null;
                    }

                    ranges.Add((c, to));
                }
                else
                {
                    ranges.Add((c, c));
                }
            }

            return null;
        }

        private static bool Contains(List<(char From, char To)> ranges, char c)
        {
            foreach (var (from, to) in ranges)
            {
                if (c >= from && c <= to)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
