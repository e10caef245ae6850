using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>Typed access to the jetstream_* options. A value that doesn't parse falls back to the documented default and is one of <see cref="Problems"/>.</summary>
public sealed class RuleOptions
{
    public const int DefaultMinReplicas = 3;
    public const int DefaultMaxFilterSubjects = 10;
    public const long DefaultMinAckWait = Durations.Second;
    public const long DefaultMaxBytesValue = 1L << 30;
    public const long DefaultMaxAgeValue = 7 * Durations.Day;
    public const long DefaultMaxDeliverValue = 5;
    public const long DefaultNakDelayValue = 5 * Durations.Second;
    public const int DefaultMaxWaitingValue = 512;
    public static readonly IReadOnlyList<long> DefaultBackoffValue = new[] { 1 * Durations.Second, 10 * Durations.Second, 1 * Durations.Minute };

    public static readonly RuleOptions Default = new(_ => null);

    private readonly Func<string, string?> lookup;
    private NameGlob[]? criticalStreams;

    public RuleOptions(Func<string, string?> lookup)
    {
        this.lookup = lookup;
    }

    public int MinReplicas => Get(OptionKeys.MinReplicas, DefaultMinReplicas, TryMinReplicas);

    public int MaxFilterSubjects => Get(OptionKeys.MaxFilterSubjects, DefaultMaxFilterSubjects, TryPositiveInt);

    public long MinAckWait => Get(OptionKeys.MinAckWait, DefaultMinAckWait, TryNonNegativeDuration);

    public long DefaultMaxBytes => Get(OptionKeys.DefaultMaxBytes, DefaultMaxBytesValue, TryPositiveSize);

    public long DefaultMaxAge => Get(OptionKeys.DefaultMaxAge, DefaultMaxAgeValue, TryMaxAge);

    public long DefaultMaxDeliver => Get(OptionKeys.DefaultMaxDeliver, (int)DefaultMaxDeliverValue, TryPositiveInt);

    /// <summary>jetstream_default_nak_delay: the delay the JS3005 code fix passes to NakAsync (positive).</summary>
    public long DefaultNakDelay => Get(OptionKeys.DefaultNakDelay, DefaultNakDelayValue, TryPositiveDuration);

    /// <summary>jetstream_max_waiting: the most waiting pull requests JS2009 accepts on a pull consumer.</summary>
    public int MaxWaiting => Get(OptionKeys.MaxWaiting, DefaultMaxWaitingValue, TryPositiveInt);

    public IReadOnlyList<long> DefaultBackoff => Get(OptionKeys.DefaultBackoff, DefaultBackoffValue, TryBackoff);

    /// <summary>
    /// The options that are set to a value the rules can't use (they use the default instead), one problem each;
    /// jetstream_server_version is checked where the version is resolved (<see cref="ConfigurationChecks.ResolveServerVersion"/>).
    /// </summary>
    public IReadOnlyList<ConfigurationProblem> Problems()
    {
        var problems = new List<ConfigurationProblem>();
        Check<int>(OptionKeys.MinReplicas, TryMinReplicas, "a whole number from 1 to 5", Invariant(DefaultMinReplicas));
        Check<int>(OptionKeys.MaxFilterSubjects, TryPositiveInt, "a whole number from 1 to 2147483647", Invariant(DefaultMaxFilterSubjects));
        Check<long>(OptionKeys.MinAckWait, TryNonNegativeDuration, Duration("0s"), Durations.Format(DefaultMinAckWait));
        Check<long>(OptionKeys.DefaultMaxBytes, TryPositiveSize, "a positive size such as 1073741824, 512MiB or 10GB (up to 8 EiB)", ByteSizes.Format(DefaultMaxBytesValue));
        Check<long>(OptionKeys.DefaultMaxAge, TryMaxAge, Duration("100ms"), Durations.Format(DefaultMaxAgeValue));
        Check<int>(OptionKeys.DefaultMaxDeliver, TryPositiveInt, "a whole number from 1 to 2147483647", Invariant((int)DefaultMaxDeliverValue));
        Check<long>(OptionKeys.DefaultNakDelay, TryPositiveDuration, Duration("1ns"), Durations.Format(DefaultNakDelayValue));
        Check<int>(OptionKeys.MaxWaiting, TryPositiveInt, "a whole number from 1 to 2147483647", Invariant(DefaultMaxWaitingValue));
        Check<IReadOnlyList<long>>(OptionKeys.DefaultBackoff, TryBackoff, "a comma-separated list of positive durations such as 1s, 10s, 1m", string.Join(", ", DefaultBackoffValue.Select(Durations.Format)));
        return problems;

        void Check<T>(string key, TryParser<T> parse, string expected, string fallback)
        {
            if (lookup(key) is { } text && !parse(text, out _))
            {
                problems.Add(new ConfigurationProblem(key, text, expected, $"the rules use the default, {fallback}"));
            }
        }

        static string Duration(string minimum) =>
            $"a duration of at least {minimum} such as 30s, 2m, 1h30m or 7d, or a number of seconds (at most about 292 years)";
    }

    private delegate bool TryParser<T>(string text, out T value);

    private T Get<T>(string key, T fallback, TryParser<T> parse) => lookup(key) is { } text && parse(text, out var value) ? value : fallback;

    private static bool TryMinReplicas(string text, out int value) => TryInt(text, 1, 5, out value);

    private static bool TryPositiveInt(string text, out int value) => TryInt(text, 1, int.MaxValue, out value);

    private static bool TryInt(string text, int min, int max, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static bool TryNonNegativeDuration(string text, out long value) => Durations.TryParse(text, out value) && value >= 0;

    private static bool TryPositiveDuration(string text, out long value) => Durations.TryParse(text, out value) && value > 0;

    private static bool TryMaxAge(string text, out long value) => Durations.TryParse(text, out value) && value >= 100 * Durations.Millisecond;

    private static bool TryPositiveSize(string text, out long value) => ByteSizes.TryParse(text, out value) && value > 0;

    private static bool TryBackoff(string text, out IReadOnlyList<long> value)
    {
        var values = new List<long>();
        value = values;
        foreach (var part in text.Split(','))
        {
            if (!TryPositiveDuration(part, out var v))
            {
                return false;
            }

            values.Add(v);
        }

        return values.Count > 0;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

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
