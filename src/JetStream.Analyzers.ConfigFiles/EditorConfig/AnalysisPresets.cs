using System;
using System.Linq;
using System.Text;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.ConfigFiles.EditorConfig;

/// <summary>
/// The JetStreamAnalysisMode presets as global configs, generated from the rule catalog. The package ships them as
/// files for the compiler and the build's lint; jetstream-lint reads the same text from here.
/// </summary>
public static class AnalysisPresets
{
    /// <summary>Below a .globalconfig's default level of 100, so a user's global config and .editorconfig sections win.</summary>
    public const int GlobalLevel = -50;

    /// <summary>The preset's global config, or null for "default" (no preset) and anything that is not a mode.</summary>
    /// <remarks>production: the guideline rules (JS1xxx–JS3xxx) at least warnings, errors stay errors; strict: their warnings errors too.</remarks>
    public static string? Text(string? mode)
    {
        var normalized = mode?.Trim().ToLowerInvariant();
        if (normalized is not ("production" or "strict"))
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append("# JetStreamAnalysisMode=").Append(normalized).Append(": a preset of JetStream.Analyzers, generated from its rule catalog.\n");
        text.Append("# A global config at a low level: a .globalconfig of yours (level 100) and .editorconfig sections override it.\n");
        text.Append("is_global = true\nglobal_level = ").Append(GlobalLevel).Append("\n\n");
        foreach (var rule in RuleCatalog.All.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var guideline = rule.Id[2] is '1' or '2' or '3';
            var severity = rule.DefaultSeverity;
            if (guideline && severity == RuleSeverity.Info)
            {
                severity = RuleSeverity.Warning;
            }

            if (normalized == "strict" && severity == RuleSeverity.Warning)
            {
                severity = RuleSeverity.Error;
            }

            var name = severity switch { RuleSeverity.Error => "error", RuleSeverity.Warning => "warning", RuleSeverity.Info => "suggestion", _ => "silent" };
            text.Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(name).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Above the presets (a test project in production mode keeps these off), below a user's .globalconfig.</summary>
    public const int TestProjectGlobalLevel = -40;

    /// <summary>
    /// The global config the package adds when IsTestProject=true: the production-guideline rules (JS10xx streams,
    /// JS20xx consumers) off, since streams and consumers in tests are throwaway, and the checks across definitions
    /// (<see cref="IsOffInTests"/>).
    /// </summary>
    public static string TestProjectText()
    {
        var text = new StringBuilder();
        text.Append("# IsTestProject=true: JetStream.Analyzers turns its production-guideline rules off (generated from its rule catalog).\n");
        text.Append("# Streams and consumers in tests are throwaway, and a suite's many streams never all exist at once, so the checks across\n");
        text.Append("# definitions are off too; server rejections, client usage and the other file rules keep their severities.\n");
        text.Append("# A global config above the JetStreamAnalysisMode presets: a .globalconfig of yours (level 100) and .editorconfig sections override it.\n");
        text.Append("is_global = true\nglobal_level = ").Append(TestProjectGlobalLevel).Append("\n\n");
        foreach (var rule in RuleCatalog.All.Where(IsOffInTests).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            text.Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = none\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Off in a test project: the production guidelines, and the checks across definitions (JS4004–JS4008 too). A test
    /// suite creates the same stream with different settings, or overlapping streams, in tests that run one after the
    /// other and delete what they create; the compilation-wide pass would take them for one deployment.
    /// </summary>
    public static bool IsOffInTests(RuleInfo rule) => IsProductionGuideline(rule) || RuleEngine.DefinitionSetRules.Any(r => r.Rule.Id == rule.Id);

    /// <summary>A stream or consumer guideline (JS10xx, JS20xx), not a server rejection (JS11xx, JS21xx).</summary>
    public static bool IsProductionGuideline(RuleInfo rule) => rule.Id[2] is '1' or '2' && rule.Id[3] == '0';

    /// <summary>The file name the package ships the preset under (build/config/), also the name jetstream-lint gives it in findings.</summary>
    public static string FileName(string mode) => $"jetstream-{mode.Trim().ToLowerInvariant()}.globalconfig";
}
