using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>
/// JS5006: when the check is connected, the file lint ran with the server's real version, and its "setting not
/// supported by the target version" findings (JS1101, JS2101) become errors about this server.
/// </summary>
internal static class UnsupportedByServerVersion
{
    public static void Run(LiveContext context)
    {
        var findings = context.Repository.Findings;
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].Rule.Id is RuleIds.StreamSettingIgnoredByServer or RuleIds.ConsumerSettingIgnoredByServer)
            {
                findings[i] = new Finding(RuleCatalog.UnsupportedByServerVersion, findings[i].Origin,
                    new object?[] { findings[i].Message, Connection.ConnectionSettings.Redact(context.Server.Server), context.Server.Version });
            }
        }
    }
}
