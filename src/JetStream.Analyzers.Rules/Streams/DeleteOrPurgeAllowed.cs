using System.Collections.Generic;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;

namespace JetStream.Analyzers.Rules.Streams;

/// <summary>
/// JS1006: deny_delete / deny_purge off. A warning for streams named in jetstream_critical_streams, a suggestion
/// otherwise. Buckets are exempt: NATS.Net fixes these flags for them. Purge is not suggested when roll-ups are on,
/// because the server rejects deny_purge together with roll-ups.
/// </summary>
public sealed class DeleteOrPurgeAllowed : StreamRule
{
    public override RuleInfo Rule => RuleCatalog.DeleteOrPurgeAllowed;

    public override void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        if (stream.Kind != StreamKind.Stream || stream.IsMirror)
        {
            return;
        }

        var deleteAllowed = IsOff(stream.DenyDelete);
        var purgeAllowed = IsOff(stream.DenyPurge) && !stream.AllowRollupHdrs.Is(true) && !stream.AllowRollupHdrs.IsUnknown;
        if (!deleteAllowed && !purgeAllowed)
        {
            return;
        }

        var deleteField = context.Field("deny_delete");
        var purgeField = context.Field("deny_purge");
        var critical = stream.Name.IsKnown && context.Options.IsCriticalStream(stream.Name.Value);
        var (allows, set, origin, properties) = (deleteAllowed, purgeAllowed) switch
        {
            (true, true) => ("message deletion and purge", $"{deleteField} and {purgeField}", stream.Origin, Fix("deny_delete", "true", "deny_purge")),
            (true, false) => ("message deletion", deleteField, stream.DenyDelete.Origin ?? stream.Origin, Fix("deny_delete", "true")),
            _ => ("purge", purgeField, stream.DenyPurge.Origin ?? stream.Origin, Fix("deny_purge", "true")),
        };
        findings.Add(new Finding(
            Rule,
            origin,
            new object?[] { Describe.Stream(stream) + (critical ? " is critical but" : string.Empty), allows, set },
            critical ? RuleSeverity.Warning : RuleSeverity.Info,
            properties));
    }

    private static bool IsOff(ConfigValue<bool> flag) => flag.IsAbsent || flag.Is(false);
}
