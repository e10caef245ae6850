using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using JetStream.Analyzers.ConfigFiles.EditorConfig;
using JetStream.Analyzers.Tests.Infrastructure;

namespace JetStream.Analyzers.Tests.ConfigFiles.EditorConfig;

/// <summary>
/// The same .editorconfig and global config files go to the SDK's C# compiler (through an analyzer that reports the
/// options it gets for each additional file) and to <see cref="EditorConfigResolver"/>; both must give every file the
/// same keys and values. Section names the compiler crashes on ('[]', '[z-a]') or hangs on ('**a**a…**c' against a
/// long name of 'a's) are left out here; <see cref="SectionGlobTests"/> covers them for the reader.
/// </summary>
public class CompilerEquivalenceTests
{
    private static readonly string[] Files =
    {
        "orders.json", "a.json", "b.yaml", "c.yaml", "file7.yml", "file12.yml", "n-3.json", "n5.json", "x.json", "X.JSON", "v9.json",
        "streams/orders.json", "streams/deep/audit.json", "streams/deep/z.yml", "consumers/proc.json", "consumers/sub/worker.json",
        "a]b.json", "#hash.json", "odd/{x}.json", "odd/q1.json", "rooted/r.json", "rooted/inner/s.json", "aaaaaaaaaaaaaaaaaaaac",
    };

    private const string TopEditorConfig = """
        root = true
        outside_sections = ignored

        [*.json]
        jetstream_min_replicas = 5
        colon_separator: yes
        inline_hash = value # comment
        inline_semicolon = value ; comment
        hash_without_space = a#b
        semicolon_without_space = a;b
        empty =
        Upper_Key = Mixed Value
        unset_value = UNSET
        indent_style = SPACE
        clé_accentuée = 1
        spaces   =    around
        not a key = dropped
        =no key
        [*.{yaml,yml}]
        braces = yes
        [file{1..9}.yml]
        range = yes
        [n{-5..-1}.json]
        negative = yes
        [n{5..3}.json]
        reversed = yes
        [[ab].json]
        class = yes
        [[!a-w].json]
        negated = yes
        [X.*]
        case = upper
        [v?.json]
        question = yes
        [streams/**]
        jetstream_min_replicas = 4
        [/streams/*.json]
        anchored = yes
        [consumers/**/*.json]
        starstar = yes
        [{streams,consumers}/*.json]
        choice_with_folders = yes
        [{a,{b,c}}.*]
        nested = yes
        [{}x.json]
        empty_choice = yes
        [a]b.json]
        bracket_in_name = yes
        [\#hash.json]  # a comment after the header
        escaped_hash = yes
        [odd/\{x\}.json]
        escaped_braces = yes
        [odd/q{1}.json]
        single_choice = yes
        [{1..99999999999}.json]
        overflowing_range = never
        [{٣..٥}.json]
        arabic_digits = never
        [**a**a**a**a**a**a**a**a**a**a**a**a**a**a**c]
        backtracking = never
        [*.json]
        jetstream_min_replicas: 2
        """;

    [Fact]
    public async Task ReaderGivesEveryFileTheCompilersOptions()
    {
        using var repo = new ConfigRepo()
            .With(".editorconfig", TopEditorConfig.Replace("\n", "\r\n"))
            .With("streams/.editorconfig", "[audit.json]\njetstream_min_replicas = 1\n[deep/*]\nin_deep = yes\n")
            .With("streams/deep/.editorconfig", "\uFEFF[*]\ndeepest = yes\n")
            .With("rooted/.editorconfig", "root = TRUE\n[*]\nrooted = yes\n")
            .With(".globalconfig", "is_global = true\nglobal_only = from .globalconfig\njetstream_min_replicas = 9\nlevel_test = 100\n")
            .With("low.globalconfig", "is_global = true\nglobal_level = 5\nlevel_test = 5\nlow_only = yes\nsame_level = low\n")
            .With("other.globalconfig", "is_global = true\nglobal_level = 5\nsame_level = other\n")
            .With("named.globalconfig", "is_global = true\nglobal_level = 1\n[{PATH}]\nby_full_path = yes\njetstream_min_replicas = 8\n[*.json]\nglob_in_global = ignored\n");
        File.WriteAllText(repo.PathOf("named.globalconfig"), File.ReadAllText(repo.PathOf("named.globalconfig")).Replace("{PATH}", repo.PathOf("x.json")));
        foreach (var file in Files)
        {
            repo.With(file, "{}");
        }

        var globalConfigs = new[] { ".globalconfig", "low.globalconfig", "other.globalconfig", "named.globalconfig" }.Select(repo.PathOf).ToList();
        var editorConfigs = new[] { ".editorconfig", "streams/.editorconfig", "streams/deep/.editorconfig", "rooted/.editorconfig" }.Select(repo.PathOf).ToList();
        var paths = Files.Select(repo.PathOf).ToList();

        var compiler = await CompilerOptionsProbe.OptionsAsync(repo.Root, editorConfigs.Concat(globalConfigs), paths);
        var resolver = new EditorConfigResolver(globalConfigs);

        Assert.Equal(paths.Count, compiler.Count);
        foreach (var path in paths)
        {
            var ours = resolver.PropertiesFor(path).Where(p => !IsSeverityKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            var theirs = compiler[path].OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            Assert.True(theirs.SequenceEqual(ours), $"{repo.RelativePath(path)}:\n  compiler: {Show(theirs)}\n  reader:   {Show(ours)}");
        }

        // A few values spelled out, so that a compiler change that both sides missed still shows here.
        var orders = compiler[repo.PathOf("orders.json")];
        Assert.Equal("2", orders["jetstream_min_replicas"]);
        Assert.Equal("value", orders["inline_hash"]);
        Assert.Equal("a", orders["hash_without_space"]);
        Assert.Equal("yes", orders["colon_separator"]);
        Assert.Equal("Mixed Value", orders["upper_key"]);
        Assert.Equal("space", orders["indent_style"]);
        Assert.Equal("unset", orders["unset_value"]);
        Assert.Equal("from .globalconfig", orders["global_only"]);
        Assert.False(orders.ContainsKey("same_level"));
        Assert.Equal("2", compiler[repo.PathOf("x.json")]["jetstream_min_replicas"]); // .editorconfig sections beat global configs
        Assert.Equal("yes", compiler[repo.PathOf("x.json")]["by_full_path"]);
        Assert.Equal("1", compiler[repo.PathOf("streams/deep/audit.json")]["jetstream_min_replicas"]);
    }

    [Fact]
    public void TheAnalyzersFloorCompiler_ReadsTheSameValues()
    {
        // Microsoft.CodeAnalysis 4.8 (VS 17.8 / .NET 8 SDK), the oldest compiler the package supports, in process.
        using var repo = new ConfigRepo().With(".editorconfig", TopEditorConfig).With("orders.json", "{}");
        var config = Microsoft.CodeAnalysis.AnalyzerConfig.Parse(File.ReadAllText(repo.PathOf(".editorconfig")), repo.PathOf(".editorconfig"));
        var theirs = Microsoft.CodeAnalysis.AnalyzerConfigSet.Create(new[] { config }).GetOptionsForSourcePath(repo.PathOf("orders.json")).AnalyzerOptions;

        var ours = new EditorConfigResolver().PropertiesFor(repo.PathOf("orders.json"));

        Assert.Equal(theirs.OrderBy(p => p.Key, StringComparer.Ordinal), ours.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal("a", theirs["hash_without_space"]);
    }

    private static bool IsSeverityKey(string key) =>
        key.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal) && key.EndsWith(".severity", StringComparison.Ordinal);

    private static string Show(IEnumerable<KeyValuePair<string, string>> pairs) => string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"));
}
