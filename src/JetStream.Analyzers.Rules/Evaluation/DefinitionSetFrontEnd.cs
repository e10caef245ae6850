using System.Collections.Generic;
using System.Linq;

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
    public virtual string NoDefinition => "no definition";

    /// <summary>
    /// What follows "Consumer 'x' is for stream 'S', which" when no definition creates S (JS4005): "no linted file
    /// defines", "is not created or updated in this compilation". <paramref name="anyStreamDefined"/> is false when
    /// the set has no stream at all, where advice about adding the stream's definition would be noise.
    /// </summary>
    public virtual string StreamNotDefined(bool anyStreamDefined) => $"{NoDefinition} provides";

    /// <summary>
    /// JS4005's text for a consumer whose definition names no stream (a bare consumer file), after "Consumer 'x'";
    /// null where a consumer always names its stream, and the case is not reported.
    /// </summary>
    public virtual string? ConsumerNamesNoStream => null;

    /// <summary>
    /// True where defining the same stream or consumer twice is normal as long as both say the same (C# code that
    /// creates a stream where it is used): JS4004 then reports only definitions whose known settings differ.
    /// </summary>
    public virtual bool DuplicatesOnlyWhenSettingsDiffer => false;

    /// <summary>
    /// The <paramref name="count"/> places of other definitions for a message, up to
    /// <see cref="FindingCaps.RelatedLocations"/> ("and 1,997 more"); only the listed ones are enumerated.
    /// </summary>
    public string DisplayAll(IEnumerable<object?> origins, int count)
    {
        var listed = string.Join(", ", origins.Take(FindingCaps.RelatedLocations).Select(Display));
        return count > FindingCaps.RelatedLocations ? $"{listed} and {FindingCaps.Count(count - FindingCaps.RelatedLocations)} more" : listed;
    }
}
