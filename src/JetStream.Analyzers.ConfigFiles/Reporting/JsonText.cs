using System.Globalization;
using System.Text;

namespace JetStream.Analyzers.ConfigFiles.Reporting;

/// <summary>JSON string literals for the few JSON documents written without a serializer (netstandard2.0, inside MSBuild).</summary>
public static class JsonText
{
    public static string Quote(string value) => Append(new StringBuilder(value.Length + 2), value).ToString();

    public static StringBuilder Append(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"');
    }
}
