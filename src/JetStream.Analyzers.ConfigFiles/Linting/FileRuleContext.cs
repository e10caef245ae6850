using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.ConfigFiles.Linting;

/// <summary>The rule context of one definition file, the same for the MSBuild task and jetstream-lint.</summary>
public static class FileRuleContext
{
    /// <summary>
    /// Options from the file's .editorconfig <paramref name="properties"/>; the server version from the connected
    /// server, else the file's jetstream_server_version, else <paramref name="buildVersion"/>, else the newest release.
    /// </summary>
    public static RuleContext For(IReadOnlyDictionary<string, string> properties, string? buildVersion, ServerVersion? connected)
    {
        string? Lookup(string key) => properties.TryGetValue(key, out var value) ? value : null;
        var version = connected ?? ConfigurationChecks.ResolveServerVersion(Lookup(OptionKeys.ServerVersion), buildVersion, problems: null);
        return new RuleContext(new RuleOptions(Lookup), version);
    }
}
