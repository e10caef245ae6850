using System.Collections.Generic;

namespace JetStream.Analyzers.Rules.Catalog;

/// <summary>Everything both front ends need to report a rule: identity, wording, severity, docs and options.</summary>
public sealed class RuleInfo
{
    public RuleInfo(
        string id,
        string title,
        string messageFormat,
        RuleSeverity defaultSeverity,
        string description,
        IReadOnlyList<string>? optionKeys = null,
        bool hasCodeFix = false)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        DefaultSeverity = defaultSeverity;
        Description = description;
        OptionKeys = optionKeys ?? new string[0];
        HasCodeFix = hasCodeFix;
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>Composite format; argument 0 is always the subject ("stream 'ORDERS'").</summary>
    public string MessageFormat { get; }

    public RuleSeverity DefaultSeverity { get; }

    public string Description { get; }

    public IReadOnlyList<string> OptionKeys { get; }

    public bool HasCodeFix { get; }

    public string Category => RuleCatalog.Category;

    public string HelpLink => RuleCatalog.HelpLinkFor(Id);

    public override string ToString() => Id;
}
