using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using JetStream.Analyzers.ConfigFiles.Binding;
using JetStream.Analyzers.ConfigFiles.Documents;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.ConfigFiles.Linting;

/// <summary>
/// Lints a set of stream and consumer files: reads each file once (keeping only the rule model, not its text),
/// runs every stream and consumer rule, then the rules across definitions over all files together. Every finding's origin is a <see cref="SourceSpan"/>.
/// </summary>
public sealed class ConfigFileLinter
{
    private readonly Func<string, RuleContext> contextFor;
    private readonly string baseDirectory;

    /// <param name="contextFor">Options and server version for a file (its .editorconfig sections may differ).</param>
    /// <param name="baseDirectory">Paths in messages that name another file are relative to this folder.</param>
    public ConfigFileLinter(Func<string, RuleContext> contextFor, string? baseDirectory = null)
    {
        this.contextFor = contextFor;
        this.baseDirectory = baseDirectory ?? Directory.GetCurrentDirectory();
    }

    public List<Finding> Lint(IEnumerable<string> paths) => LintAll(paths).Findings;

    /// <summary>The findings and the definitions they were found in, for checks that go on from there (the live check).</summary>
    public LintResult LintAll(IEnumerable<string> paths)
    {
        var reporter = new Reporter();
        var streams = new List<StreamDefinition>();
        var consumers = new List<ConsumerDefinition>();
        foreach (var path in paths.Distinct(PathComparer))
        {
            Isolated(reporter, SourceSpan.Start(path), () => ReadFile(path, reporter, streams, consumers));
        }

        new StreamResolver(streams).Resolve(consumers);
        foreach (var stream in streams)
        {
            Isolated(reporter, stream.At, () => reporter.Findings.AddRange(RuleEngine.Evaluate(stream.Model, stream.Context)));
        }

        foreach (var consumer in consumers)
        {
            Isolated(reporter, consumer.At, () => reporter.Findings.AddRange(RuleEngine.Evaluate(consumer.Model, consumer.Context)));
        }

        // The files linted together are the whole set: rules about what no file defines may run.
        var set = new DefinitionSet(streams.ConvertAll(s => (s.Model, s.Context)), consumers.ConvertAll(c => (c.Model, c.Context)), complete: true,
            frontEnd: new LintedFilesFrontEnd(Display));
        reporter.Findings.AddRange(RuleEngine.Evaluate(set));
        return new LintResult(CapPerFileAndRule(reporter.Findings), streams, consumers, Display);
    }

    /// <summary>A defect in the linter costs only the file or definition it met, never the findings of the others.</summary>
    private static void Isolated(Reporter reporter, SourceSpan at, Action action)
    {
        var before = reporter.Findings.Count;
        try
        {
            action();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or AccessViolationException))
        {
            reporter.Findings.RemoveRange(before, reporter.Findings.Count - before);
            reporter.Add(RuleCatalog.FileNotParsable, at,
                $"the linter failed on this file ({e.GetType().Name}: {e.Message}); the other files were linted. Please report this with the file");
        }
    }

    private void ReadFile(string path, Reporter reporter, List<StreamDefinition> streams, List<ConsumerDefinition> consumers)
    {
        var parsed = FileLoader.Load(path);
        foreach (var problem in parsed.Problems)
        {
            reporter.Add(RuleCatalog.FileNotParsable, problem.Span, problem.Message);
        }

        var reader = new DocumentReader(reporter, contextFor(path));
        var recognized = 0;
        foreach (var document in parsed.Documents)
        {
            if (reader.Read(document))
            {
                recognized++;
            }
        }

        if (recognized == 0 && parsed.Problems.Count == 0)
        {
            reporter.Add(RuleCatalog.NotAJetStreamDefinition, SourceSpan.Start(path),
                "expected a stream or consumer configuration (JetStream API JSON or YAML, 'nats ... info --json' output, a consumer create request) or a NACK resource (apiVersion jetstream.nats.io/v1beta2)");
        }

        streams.AddRange(reader.Streams);
        consumers.AddRange(reader.Consumers);
    }

    /// <summary>
    /// The first <see cref="FindingCaps.PerRule"/> findings of each rule in each file; in place of the rest, one
    /// JS4011 at the first one left out, with that rule's severity and its ID in <see cref="SummarizedRule"/>.
    /// </summary>
    public static List<Finding> CapPerFileAndRule(List<Finding> findings)
    {
        var counts = new Dictionary<(string Path, string Rule), int>();
        var kept = new List<Finding>(findings.Count);
        var firstLeftOut = new Dictionary<(string Path, string Rule), Finding>();
        foreach (var finding in findings)
        {
            if (finding.Origin is not SourceSpan span)
            {
                kept.Add(finding);
                continue;
            }

            var key = (span.Path, finding.Rule.Id);
            counts.TryGetValue(key, out var count);
            counts[key] = ++count;
            if (count <= FindingCaps.PerRule)
            {
                kept.Add(finding);
            }
            else if (count == FindingCaps.PerRule + 1)
            {
                firstLeftOut[key] = finding;
            }
        }

        foreach (var pair in firstLeftOut)
        {
            var more = counts[pair.Key] - FindingCaps.PerRule;
            kept.Add(new Finding(RuleCatalog.FindingsNotListed, pair.Value.Origin, new object?[] { more.ToString("N0", CultureInfo.InvariantCulture), pair.Key.Rule, FindingCaps.PerRule },
                pair.Value.Severity, new Dictionary<string, string> { [SummarizedRule] = pair.Key.Rule }));
        }

        return kept;
    }

    /// <summary>The property of a JS4011 finding that names the rule whose findings it counts.</summary>
    public const string SummarizedRule = "rule";

    /// <summary>"path(line,col)" with the path relative to the base folder, for messages that point at another file.</summary>
    public string Display(SourceSpan span)
    {
        var path = span.Path;
        try
        {
            var full = Path.GetFullPath(path);
            var root = Path.GetFullPath(baseDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (full.StartsWith(root, StringComparison.Ordinal))
            {
                path = full.Substring(root.Length);
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
        }

        return $"{path}({span.Line},{span.Column})";
    }

    private static readonly StringComparer PathComparer = Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
