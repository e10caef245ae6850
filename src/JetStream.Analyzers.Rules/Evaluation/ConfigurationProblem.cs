using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;

namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>
/// An option, severity or server version whose value is not used (JS0001): what was set, what is accepted, and what
/// applies instead. Both front ends find these the same way and report them, the task at the .editorconfig line.
/// </summary>
public sealed class ConfigurationProblem
{
    public ConfigurationProblem(string key, string value, string expected, string outcome)
    {
        Key = key;
        Value = value;
        Expected = expected;
        Outcome = outcome;
    }

    public string Key { get; }

    public string Value { get; }

    public string Expected { get; }

    public string Outcome { get; }

    /// <param name="where">Appended to the setting, e.g. " (in the .editorconfig options of Orders.cs)".</param>
    public Finding ToFinding(object? origin, string where = "") =>
        new(RuleCatalog.InvalidConfiguration, origin, new object?[] { $"{Key} = '{Value}'{where}", Expected, Outcome });

    public override string ToString() => ToFinding(null).Message;
}

/// <summary>The checks behind <see cref="ConfigurationProblem"/> that are not about jetstream_* options.</summary>
public static class ConfigurationChecks
{
    public const string SeverityValues = "error, warning, suggestion, silent, none or default";

    public const string CategorySeverityKey = "dotnet_analyzer_diagnostic.category-" + RuleCatalog.Category + ".severity";

    public const string AllSeverityKey = "dotnet_analyzer_diagnostic.severity";

    /// <summary>The .editorconfig severity values the compiler accepts; null for any other value, which it ignores.</summary>
    public static RuleSeverity? ParseSeverity(string value, out bool isDefault)
    {
        var text = value.Trim();
        isDefault = text.Equals("default", StringComparison.OrdinalIgnoreCase);
        return text.ToLowerInvariant() switch
        {
            "error" => RuleSeverity.Error,
            "warning" => RuleSeverity.Warning,
            "suggestion" => RuleSeverity.Info,
            "silent" or "refactoring" or "none" => RuleSeverity.Hidden,
            _ => null,
        };
    }

    public static bool IsValidSeverity(string value) => ParseSeverity(value, out var isDefault) is not null || isDefault;

    /// <summary>
    /// A problem with a severity key that configures JetStream rules (a JS rule's own key, the JetStream category or
    /// all analyzers), or null. Like the compiler, an invalid value leaves the rule at the next setting or its default.
    /// </summary>
    public static ConfigurationProblem? Severity(string key, string value)
    {
        if (IsValidSeverity(value) || !ConfiguresJetStream(key, out var ruleId))
        {
            return null;
        }

        var outcome = ruleId is not null && RuleCatalog.TryGet(ruleId, out var rule)
            ? $"{rule.Id} keeps its default severity, {SeverityName(rule.DefaultSeverity)}"
            : "the JetStream rules keep their default severities";
        return new ConfigurationProblem(key, value, SeverityValues, outcome);
    }

    /// <summary>
    /// The target server version: the .editorconfig's jetstream_server_version, else the JetStreamServerVersion
    /// property, else <see cref="ServerVersion.Newest"/>. A value that is set but doesn't parse adds a problem and is
    /// skipped, so that the C# analyzers and the file lint end up at the same version.
    /// </summary>
    public static ServerVersion ResolveServerVersion(string? editorConfigValue, string? buildProperty, ICollection<ConfigurationProblem>? problems)
    {
        var fromProperty = ServerVersion.TryParse(buildProperty, out var property) ? property : (ServerVersion?)null;
        var fallback = fromProperty ?? ServerVersion.Newest;
        if (!string.IsNullOrWhiteSpace(buildProperty) && fromProperty is null)
        {
            problems?.Add(VersionProblem("JetStreamServerVersion", buildProperty!, fallback, "the newest release the rules know"));
        }

        if (editorConfigValue is null)
        {
            return fallback;
        }

        if (ServerVersion.TryParse(editorConfigValue, out var configured))
        {
            return configured;
        }

        problems?.Add(VersionProblem(OptionKeys.ServerVersion, editorConfigValue, fallback, fromProperty is null ? "the newest release the rules know" : "JetStreamServerVersion"));
        return fallback;
    }

    /// <summary>The presets the package ships as global configs (JetStreamAnalysisMode); "default" adds none.</summary>
    public static readonly IReadOnlyList<string> AnalysisModes = new[] { "default", "production", "strict" };

    public const string AnalysisModeProperty = "JetStreamAnalysisMode";

    /// <summary>A problem with $(JetStreamAnalysisMode), or null when it is empty or one of <see cref="AnalysisModes"/>.</summary>
    public static ConfigurationProblem? AnalysisMode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || AnalysisModes.Contains(value!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ConfigurationProblem(AnalysisModeProperty, value, "default, production or strict", "no preset applies, so every rule keeps its default severity");
    }

    private static ConfigurationProblem VersionProblem(string key, string value, ServerVersion used, string source) =>
        new(key, value, "a nats-server release such as 2.10.14 (major.minor or major.minor.patch, an optional 'v')", $"the rules target {used} ({source})");

    private static bool ConfiguresJetStream(string key, out string? ruleId)
    {
        ruleId = null;
        if (key.Equals(CategorySeverityKey, StringComparison.OrdinalIgnoreCase) || key.Equals(AllSeverityKey, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        const string Prefix = "dotnet_diagnostic.", Suffix = ".severity";
        if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) && key.Length > Prefix.Length + Suffix.Length)
        {
            var id = key.Substring(Prefix.Length, key.Length - Prefix.Length - Suffix.Length).ToUpperInvariant();
            ruleId = id;
            return RuleCatalog.TryGet(id, out _);
        }

        return false;
    }

    private static string SeverityName(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "suggestion",
        _ => "silent",
    };
}
