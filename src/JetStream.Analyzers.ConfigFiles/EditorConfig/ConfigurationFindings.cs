using System;
using System.Collections.Generic;
using System.Linq;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.ConfigFiles.EditorConfig;

/// <summary>
/// JS0001 for the file lint: every option, severity and server version that applies to a linted file but can't be
/// used, reported once at its line in the .editorconfig or global config, and section headers that are not globs.
/// </summary>
public static class ConfigurationFindings
{
    public const string SectionExpected = "a glob such as *.json, streams/**/*.yaml, {orders,audit}.json or file{1..3}.yml";

    /// <param name="serverVersionProperty">$(JetStreamServerVersion); a problem with it is reported at <paramref name="origin"/> (null: the project).</param>
    /// <param name="analysisMode">$(JetStreamAnalysisMode), reported at <paramref name="origin"/> when it names no preset.</param>
    public static List<Finding> For(EditorConfigResolver resolver, IEnumerable<string> paths, string? serverVersionProperty, object? origin, string? analysisMode = null)
    {
        var findings = new List<Finding>();
        if (ConfigurationChecks.AnalysisMode(analysisMode) is { } mode)
        {
            findings.Add(mode.ToFinding(origin));
        }

        var seen = new HashSet<(string, int, string)>();
        var propertyProblems = new List<ConfigurationProblem>();
        ConfigurationChecks.ResolveServerVersion(null, serverVersionProperty, propertyProblems);
        findings.AddRange(propertyProblems.Select(p => p.ToFinding(origin)));

        foreach (var path in paths)
        {
            var properties = resolver.PropertiesFor(path);
            var problems = new List<ConfigurationProblem>(new RuleOptions(key => properties.TryGetValue(key, out var v) ? v : null).Problems());
            if (properties.TryGetValue(OptionKeys.ServerVersion, out var version))
            {
                ConfigurationChecks.ResolveServerVersion(version, serverVersionProperty, problems);
            }

            foreach (var entry in properties.Entries)
            {
                if (ConfigurationChecks.Severity(entry.Key, entry.Value) is { } severity)
                {
                    problems.Add(severity);
                }
            }

            foreach (var problem in problems)
            {
                if (properties.TryGetEntry(problem.Key, out var entry) && seen.Add((entry.Path, entry.Line, entry.Key)))
                {
                    findings.Add(problem.ToFinding(entry.Span));
                }
            }
        }

        foreach (var (path, line, name) in resolver.InvalidSections)
        {
            var problem = new ConfigurationProblem("section", "[" + name + "]", SectionExpected, "the section applies to no file");
            findings.Add(problem.ToFinding(new Documents.SourceSpan(path, line, 1, line, name.Length + 3)));
        }

        return findings;
    }
}
