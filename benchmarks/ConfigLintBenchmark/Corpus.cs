using System.Globalization;
using System.Text;

/// <summary>Writes a repository of typical definitions: one stream folder per ten files, a stream and its consumers.</summary>
internal static class Corpus
{
    public static List<string> Write(string root, int count, bool yaml)
    {
        var random = new Random(20261126);
        var paths = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var group = i / 10;
            var stream = $"S{group:D5}";
            var folder = Path.Combine(root, stream);
            Directory.CreateDirectory(folder);
            var isStream = i % 10 == 0;
            var name = isStream ? "stream" : $"consumer{i % 10}";
            var path = Path.Combine(folder, name + (yaml ? ".yaml" : ".json"));
            var fields = isStream ? StreamFields(stream, group, random) : ConsumerFields(i, random);
            File.WriteAllText(path, yaml ? Yaml(fields) : Json(fields));
            paths.Add(path);
        }

        return paths;
    }

    private static List<(string Key, object Value)> StreamFields(string name, int group, Random random) => new()
    {
        ("name", name),
        ("description", "Orders and their lifecycle events for tenant " + group),
        ("subjects", new[] { $"t{group}.orders.>", $"t{group}.events.*" }),
        ("retention", random.Next(4) == 0 ? "workqueue" : "limits"),
        ("max_consumers", -1),
        ("max_msgs", -1),
        ("max_bytes", random.Next(3) == 0 ? -1L : 10L * 1024 * 1024 * 1024),
        ("max_age", 7L * 24 * 3600 * 1_000_000_000),
        ("max_msgs_per_subject", -1),
        ("max_msg_size", -1),
        ("discard", "old"),
        ("storage", random.Next(10) == 0 ? "memory" : "file"),
        ("num_replicas", random.Next(5) == 0 ? 1 : 3),
        ("duplicate_window", 120_000_000_000L),
        ("allow_direct", true),
        ("deny_delete", true),
        ("deny_purge", random.Next(2) == 0),
    };

    private static List<(string Key, object Value)> ConsumerFields(int i, Random random)
    {
        var fields = new List<(string, object)>
        {
            ("durable_name", $"worker-{i}"),
            ("deliver_policy", "all"),
            ("ack_policy", "explicit"),
            ("ack_wait", 30_000_000_000L),
            ("max_deliver", random.Next(4) == 0 ? -1 : 5),
            ("filter_subject", $"t{i / 10}.orders.{i % 10}"),
            ("replay_policy", "instant"),
            ("max_ack_pending", 1000),
        };
        if (random.Next(3) > 0)
        {
            fields.Add(("backoff", new[] { 1_000_000_000L, 10_000_000_000L, 60_000_000_000L }));
        }

        return fields;
    }

    private static string Json(List<(string Key, object Value)> fields)
    {
        var sb = new StringBuilder("{\n");
        for (var i = 0; i < fields.Count; i++)
        {
            sb.Append("  \"").Append(fields[i].Key).Append("\": ").Append(JsonValue(fields[i].Value)).Append(i < fields.Count - 1 ? ",\n" : "\n");
        }

        return sb.Append("}\n").ToString();
    }

    private static string Yaml(List<(string Key, object Value)> fields)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in fields)
        {
            sb.Append(key).Append(':');
            switch (value)
            {
                case string[] items:
                    sb.Append('\n');
                    foreach (var item in items)
                    {
                        sb.Append("  - ").Append(item).Append('\n');
                    }

                    break;
                case long[] numbers:
                    sb.Append(" [").Append(string.Join(", ", numbers)).Append("]\n");
                    break;
                default:
                    sb.Append(' ').Append(value is bool b ? (b ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
                    break;
            }
        }

        return sb.ToString();
    }

    private static string JsonValue(object value) => value switch
    {
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        string[] items => "[" + string.Join(", ", items.Select(JsonValue)) + "]",
        long[] numbers => "[" + string.Join(", ", numbers) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
