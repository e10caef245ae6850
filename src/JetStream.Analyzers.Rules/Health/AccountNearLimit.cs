using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Health;

/// <summary>JS6008: memory or storage use at or above jetstream_account_fill_warning of the account's (or a tier's) limit.</summary>
internal static class AccountNearLimit
{
    public static void Check(HealthContext context, AccountUsage account)
    {
        var threshold = context.AccountOptions.AccountFillWarning;
        foreach (var budget in account.Budgets)
        {
            var who = $"The account at {context.Snapshot.Server}" + (budget.Tier is null ? string.Empty : $" (tier {budget.Tier})");
            Report(context, who, budget.Memory, budget.MaxMemory, "memory", threshold);
            Report(context, who, budget.Storage, budget.MaxStorage, "file storage", threshold);
        }
    }

    private static void Report(HealthContext context, string who, long used, long limit, string what, double threshold)
    {
        if (limit <= 0)
        {
            return;
        }

        var fill = (double)used / limit;
        if (fill >= threshold)
        {
            context.ReportAccount(RuleCatalog.AccountNearLimit, who, ByteSizes.Format(used), what, ByteSizes.Format(limit), HealthContext.Percent(fill), HealthContext.Percent(threshold));
        }
    }
}
