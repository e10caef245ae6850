using System;
using System.Collections.Generic;
using System.Globalization;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>Typed access to the jetstream_* options. Values that don't parse fall back to the documented default.</summary>
public sealed class RuleOptions
{
    public const int DefaultMinReplicas = 3;
    public const int DefaultMaxFilterSubjects = 10;
    public const long DefaultMinAckWait = Durations.Second;
    public const long DefaultMaxBytesValue = 1L << 30;
    public const long DefaultMaxAgeValue = 7 * Durations.Day;
    public const long DefaultMaxDeliverValue = 5;
    public const long DefaultNakDelayValue = 5 * Durations.Second;
    public static readonly IReadOnlyList<long> DefaultBackoffValue = new[] { 1 * Durations.Second, 10 * Durations.Second, 1 * Durations.Minute };

    public static readonly RuleOptions Default = new(_ => null);

    private readonly Func<string, string?> lookup;
    private NameGlob[]? criticalStreams;

    public RuleOptions(Func<string, string?> lookup)
    {
        this.lookup = lookup;
    }

    public int MinReplicas => Int(OptionKeys.MinReplicas, DefaultMinReplicas, min: 1, max: 5);

    public int MaxFilterSubjects => Int(OptionKeys.MaxFilterSubjects, DefaultMaxFilterSubjects, min: 1, max: int.MaxValue);

    public long MinAckWait => Durations.TryParse(lookup(OptionKeys.MinAckWait), out var v) && v >= 0 ? v : DefaultMinAckWait;

    public long DefaultMaxBytes => ByteSizes.TryParse(lookup(OptionKeys.DefaultMaxBytes), out var v) && v > 0 ? v : DefaultMaxBytesValue;

    public long DefaultMaxAge => Durations.TryParse(lookup(OptionKeys.DefaultMaxAge), out var v) && v >= 100 * Durations.Millisecond ? v : DefaultMaxAgeValue;

    public long DefaultMaxDeliver => Int(OptionKeys.DefaultMaxDeliver, (int)DefaultMaxDeliverValue, min: 1, max: int.MaxValue);

    /// <summary>jetstream_default_nak_delay: the delay the JS3005 code fix passes to NakAsync (positive).</summary>
    public long DefaultNakDelay => Durations.TryParse(lookup(OptionKeys.DefaultNakDelay), out var v) && v > 0 ? v : DefaultNakDelayValue;

    public IReadOnlyList<long> DefaultBackoff
    {
        get
        {
            var text = lookup(OptionKeys.DefaultBackoff);
            if (string.IsNullOrWhiteSpace(text))
            {
                return DefaultBackoffValue;
            }

            var values = new List<long>();
            foreach (var part in text!.Split(','))
            {
                if (!Durations.TryParse(part, out var v) || v <= 0)
                {
                    return DefaultBackoffValue;
                }

                values.Add(v);
            }

            return values;
        }
    }

    /// <summary>jetstream_critical_streams: comma-separated names or globs ('*' any run of characters, '?' one).</summary>
    public bool IsCriticalStream(string? name)
    {
        if (name is null)
        {
            return false;
        }

        criticalStreams ??= ParseGlobs(lookup(OptionKeys.CriticalStreams));
        foreach (var glob in criticalStreams)
        {
            if (glob.IsMatch(name))
            {
                return true;
            }
        }

        return false;
    }

    private int Int(string key, int fallback, int min, int max) =>
        int.TryParse(lookup(key)?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : fallback;

    private static NameGlob[] ParseGlobs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new NameGlob[0];
        }

        var list = new List<NameGlob>();
        foreach (var part in text!.Split(','))
        {
            var glob = part.Trim();
            if (glob.Length > 0)
            {
                list.Add(new NameGlob(glob));
            }
        }

        return list.ToArray();
    }
}
