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
    public const long DefaultMaxConsumerPending = 10_000;
    public const double DefaultMaxRedeliveredRatio = 0.05;
    public const double DefaultStreamFillWarning = 0.95;
    public const long DefaultMaxMirrorLag = 10_000;
    public const long DefaultMaxMirrorInactive = Durations.Minute;
    public const long DefaultMaxConsumersPerStream = 1_000;
    public const long DefaultMaxConsumersPerAccount = 100_000;
    public const double DefaultAccountFillWarning = 0.9;
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

    /// <summary>jetstream_max_consumer_pending (JS6001): num_pending above this is lag.</summary>
    public long MaxConsumerPending => Get(OptionKeys.MaxConsumerPending, DefaultMaxConsumerPending, TryNonNegativeLong);

    /// <summary>jetstream_max_redelivered_ratio (JS6003): num_redelivered above this share of the deliveries.</summary>
    public double MaxRedeliveredRatio => Get(OptionKeys.MaxRedeliveredRatio, DefaultMaxRedeliveredRatio, TryShare);

    /// <summary>jetstream_stream_fill_warning (JS6004): the share of a limit at which a discard-new stream is nearly full.</summary>
    public double StreamFillWarning => Get(OptionKeys.StreamFillWarning, DefaultStreamFillWarning, TryShare);

    /// <summary>jetstream_max_mirror_lag (JS6005): messages a mirror or source may be behind its origin.</summary>
    public long MaxMirrorLag => Get(OptionKeys.MaxMirrorLag, DefaultMaxMirrorLag, TryNonNegativeLong);

    /// <summary>jetstream_max_mirror_inactive (JS6005): how long a mirror or source may go without hearing from its origin.</summary>
    public long MaxMirrorInactive => Get(OptionKeys.MaxMirrorInactive, DefaultMaxMirrorInactive, TryPositiveDuration);

    /// <summary>jetstream_max_consumers_per_stream (JS6007).</summary>
    public long MaxConsumersPerStream => Get(OptionKeys.MaxConsumersPerStream, DefaultMaxConsumersPerStream, TryNonNegativeLong);

    /// <summary>jetstream_max_consumers_per_account (JS6007).</summary>
    public long MaxConsumersPerAccount => Get(OptionKeys.MaxConsumersPerAccount, DefaultMaxConsumersPerAccount, TryNonNegativeLong);

    /// <summary>jetstream_account_fill_warning (JS6008): the share of the account's memory or storage limit that is nearly full.</summary>
    public double AccountFillWarning => Get(OptionKeys.AccountFillWarning, DefaultAccountFillWarning, TryShare);

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
        Check<long>(OptionKeys.MaxConsumerPending, TryNonNegativeLong, CountExpected, Count(DefaultMaxConsumerPending));
        Check<double>(OptionKeys.MaxRedeliveredRatio, TryShare, ShareExpected, Share(DefaultMaxRedeliveredRatio));
        Check<double>(OptionKeys.StreamFillWarning, TryShare, ShareExpected, Share(DefaultStreamFillWarning));
        Check<long>(OptionKeys.MaxMirrorLag, TryNonNegativeLong, CountExpected, Count(DefaultMaxMirrorLag));
        Check<long>(OptionKeys.MaxMirrorInactive, TryPositiveDuration, Duration("1ns"), Durations.Format(DefaultMaxMirrorInactive));
        Check<long>(OptionKeys.MaxConsumersPerStream, TryNonNegativeLong, CountExpected, Count(DefaultMaxConsumersPerStream));
        Check<long>(OptionKeys.MaxConsumersPerAccount, TryNonNegativeLong, CountExpected, Count(DefaultMaxConsumersPerAccount));
        Check<double>(OptionKeys.AccountFillWarning, TryShare, ShareExpected, Share(DefaultAccountFillWarning));
        Check<IReadOnlyList<long>>(OptionKeys.DefaultBackoff, TryBackoff, "a comma-separated list of positive durations such as 1s, 10s, 1m", string.Join(", ", DefaultBackoffValue.Select(Durations.Format)));
        return problems;

        void Check<T>(string key, TryParser<T> parse, string expected, string fallback)
        {
            if (lookup(key) is { } text && !parse(text, out _))
            {
                problems.Add(new ConfigurationProblem(key, text, expected, $"the rules use the default, {fallback}"));
            }
        }

        static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

        static string Share(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        static string Duration(string minimum) =>
            $"a duration of at least {minimum} such as 30s, 2m, 1h30m or 7d, or a number of seconds (at most about 292 years)";
    }

    private const string CountExpected = "a whole number of at least 0 such as 10000";
    private const string ShareExpected = "a share from 0 to 1 such as 0.9, or a percentage such as 90%";

    private delegate bool TryParser<T>(string text, out T value);

    private T Get<T>(string key, T fallback, TryParser<T> parse) => lookup(key) is { } text && parse(text, out var value) ? value : fallback;

    private static bool TryMinReplicas(string text, out int value) => TryInt(text, 1, 5, out value);

    private static bool TryPositiveInt(string text, out int value) => TryInt(text, 1, int.MaxValue, out value);

    private static bool TryInt(string text, int min, int max, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static bool TryNonNegativeLong(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0;

    /// <summary>A share of a whole: "0.9" or "90%", from 0 to 1.</summary>
    private static bool TryShare(string text, out double value)
    {
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith("%", StringComparison.Ordinal);
        var number = percent ? trimmed.Substring(0, trimmed.Length - 1).TrimEnd() : trimmed;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        value = percent ? value / 100 : value;
        return value >= 0 && value <= 1;
    }

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
