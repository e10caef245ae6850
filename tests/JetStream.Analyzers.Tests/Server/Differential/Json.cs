using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JetStream.Analyzers.Tests.Server.Differential;

/// <summary>
/// A JSON value for the differential corpus, kept as written so that the same value can be emitted as JSON (what the
/// server gets) and as YAML (a copy for the linter): numbers stay raw text ("1e3", "1.5", "18446744073709551616").
/// </summary>
public abstract class JNode
{
    public static JNode Str(string value) => new JScalar(Quote(value), value);

    public static JNode Num(long value) => new JScalar(value.ToString(CultureInfo.InvariantCulture), null);

    public static JNode Num(ulong value) => new JScalar(value.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>A raw JSON literal: a number in any notation, true, false, null.</summary>
    public static JNode Raw(string json) => new JScalar(json, null);

    public static JNode Bool(bool value) => new JScalar(value ? "true" : "false", null);

    public static JNode Null { get; } = new JScalar("null", null);

    public static JArray Arr(params JNode[] items) => new(items.ToList());

    public static JArray Strs(params string[] items) => new(items.Select(Str).ToList());

    public static JObject Obj(params (string Key, JNode Value)[] entries)
    {
        var obj = new JObject();
        foreach (var (key, value) in entries)
        {
            obj[key] = value;
        }

        return obj;
    }

    public string ToJson()
    {
        var text = new StringBuilder();
        WriteJson(text, 0);
        return text.ToString();
    }

    public string ToYaml()
    {
        var text = new StringBuilder();
        if (this is JObject obj)
        {
            obj.WriteYamlBlock(text, 0);
        }
        else
        {
            text.Append(YamlInline()).Append('\n');
        }

        return text.ToString();
    }

    internal abstract void WriteJson(StringBuilder text, int indent);

    /// <summary>The value on one line, in YAML flow style (JSON scalars are valid YAML scalars).</summary>
    internal abstract string YamlInline();

    internal static string Pad(int indent) => new(' ', indent * 2);

    /// <summary>A JSON string literal; only quotes, backslashes and control characters are escaped.</summary>
    internal static string Quote(string value) => JsonSerializer.Serialize(value, QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

public sealed class JScalar : JNode
{
    // Plain YAML scalars only for text no YAML reader mistakes for anything but a string.
    private static readonly Regex PlainSafe = new("^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> YamlWords = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "yes", "no", "on", "off", "y", "n",
    };

    public JScalar(string json, string? text)
    {
        Json = json;
        Text = text;
    }

    /// <summary>The literal as JSON writes it.</summary>
    public string Json { get; }

    /// <summary>The string's value, or null for numbers, booleans and null.</summary>
    public string? Text { get; }

    /// <summary>Set by the generator for some strings: write them unquoted in YAML.</summary>
    public bool PreferPlain { get; set; }

    internal override void WriteJson(StringBuilder text, int indent) => text.Append(Json);

    internal override string YamlInline() =>
        PreferPlain && Text is { } s && PlainSafe.IsMatch(s) && !YamlWords.Contains(s) ? s : Json;
}

public sealed class JArray : JNode
{
    public JArray(List<JNode> items)
    {
        Items = items;
    }

    public List<JNode> Items { get; }

    internal override void WriteJson(StringBuilder text, int indent)
    {
        text.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            Items[i].WriteJson(text, indent);
        }

        text.Append(']');
    }

    internal override string YamlInline() => "[" + string.Join(", ", Items.Select(i => i.YamlInline())) + "]";

    internal bool IsBlockWorthy => Items.Count > 0 && Items.Any(i => i is JObject or JArray);
}

public sealed class JObject : JNode
{
    private readonly List<KeyValuePair<string, JNode>> entries = new();

    public IReadOnlyList<KeyValuePair<string, JNode>> Entries => entries;

    public JNode? this[string key]
    {
        get => entries.FirstOrDefault(e => e.Key == key).Value;
        set
        {
            var at = entries.FindIndex(e => e.Key == key);
            if (value is null)
            {
                if (at >= 0)
                {
                    entries.RemoveAt(at);
                }
            }
            else if (at >= 0)
            {
                entries[at] = new(key, value);
            }
            else
            {
                entries.Add(new(key, value));
            }
        }
    }

    public bool Has(string key) => entries.Any(e => e.Key == key);

    public void Remove(string key) => this[key] = null;

    internal override void WriteJson(StringBuilder text, int indent)
    {
        if (entries.Count == 0)
        {
            text.Append("{}");
            return;
        }

        text.Append("{\n");
        for (var i = 0; i < entries.Count; i++)
        {
            text.Append(Pad(indent + 1)).Append(Quote(entries[i].Key)).Append(": ");
            entries[i].Value.WriteJson(text, indent + 1);
            text.Append(i + 1 < entries.Count ? ",\n" : "\n");
        }

        text.Append(Pad(indent)).Append('}');
    }

    internal override string YamlInline() =>
        "{" + string.Join(", ", entries.Select(e => Quote(e.Key) + ": " + e.Value.YamlInline())) + "}";

    internal void WriteYamlBlock(StringBuilder text, int indent)
    {
        if (entries.Count == 0)
        {
            text.Append(Pad(indent)).Append("{}\n");
            return;
        }

        foreach (var (key, value) in entries)
        {
            text.Append(Pad(indent)).Append(YamlKey(key)).Append(':');
            switch (value)
            {
                case JObject { entries.Count: > 0 } nested:
                    text.Append('\n');
                    nested.WriteYamlBlock(text, indent + 1);
                    break;
                case JArray { IsBlockWorthy: true } list:
                    text.Append('\n');
                    foreach (var item in list.Items)
                    {
                        if (item is JObject { entries.Count: > 0 } itemObject)
                        {
                            // "- first: x" then the other keys aligned under "first".
                            var block = new StringBuilder();
                            itemObject.WriteYamlBlock(block, indent + 2);
                            var lines = block.ToString().TrimEnd('\n').Split('\n');
                            text.Append(Pad(indent + 1)).Append("- ").Append(lines[0].TrimStart()).Append('\n');
                            foreach (var line in lines.Skip(1))
                            {
                                text.Append(line).Append('\n');
                            }
                        }
                        else
                        {
                            text.Append(Pad(indent + 1)).Append("- ").Append(item.YamlInline()).Append('\n');
                        }
                    }

                    break;
                default:
                    text.Append(' ').Append(value.YamlInline()).Append('\n');
                    break;
            }
        }
    }

    private static string YamlKey(string key) =>
        Regex.IsMatch(key, "^[A-Za-z_][A-Za-z0-9_]*$") ? key : Quote(key);
}
