namespace JetStream.Analyzers.Rules.Evaluation;

/// <summary>
/// What a cross-definition message needs from the front end that collected the definitions: where another
/// participant is, and what "every definition" means there (the linted files, one compilation, files and a server).
/// </summary>
public class DefinitionSetFrontEnd
{
    public static DefinitionSetFrontEnd Default { get; } = new();

    /// <summary>Where another definition is, inside a message: "streams/orders.json(3,5)", "OrdersSetup.cs(12,9)".</summary>
    public virtual string Display(object? origin) => origin?.ToString() ?? "another definition";

    /// <summary>The subject of "… provides" and "… reads it" in messages: "no linted definition", "no definition in this compilation".</summary>
    public virtual string NoDefinition => "no linted definition";
}
