using System.Collections.Generic;
using JetStream.Analyzers.Infrastructure;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Consumers;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace JetStream.Analyzers.CodeFixes;

/// <summary>
/// What one diagnostic's fix changes: property values to set on a configuration, either by rewriting an existing
/// assignment or by adding to the object initializer of the creation expression (or, for a configuration built
/// with statements, by a new statement after the reported one).
/// </summary>
internal sealed class ConfigurationEdit
{
    private ConfigurationEdit(string title)
    {
        Title = title;
    }

    public string Title { get; }

    /// <summary>Assignments whose right-hand side is replaced.</summary>
    public List<(AssignmentExpressionSyntax Assignment, ExpressionSyntax Value)> Replacements { get; } = new();

    /// <summary>The creation whose initializer receives <see cref="Additions"/>.</summary>
    public BaseObjectCreationExpressionSyntax? Creation { get; private set; }

    /// <summary>A <c>cfg.X = …;</c> statement after which <see cref="Additions"/> are inserted as statements.</summary>
    public ExpressionStatementSyntax? Statement { get; private set; }

    public List<(string Property, ExpressionSyntax Value)> Additions { get; } = new();

    public static ConfigurationEdit? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        if (!properties.TryGetValue(FixProperties.Field, out var field) || field is null
            || !properties.TryGetValue(FixProperties.Value, out var value) || value is null
            || diagnostic.Id == RuleIds.ConsumerRejectedByServer
                && (!properties.TryGetValue("reason", out var reason) || reason != ServerRejectsConsumer.BackoffReason))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var assignment = node as AssignmentExpressionSyntax;
        var creation = assignment is null ? node as BaseObjectCreationExpressionSyntax : ContainingCreation(assignment);
        var statement = assignment?.Parent as ExpressionStatementSyntax;
        var kind = KindOf(model, creation, assignment);
        if (kind is null || creation is null && statement is null)
        {
            return null;
        }

        var collectionExpressions = ((CSharpParseOptions)root.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp12;
        var changes = new List<(string Property, ExpressionSyntax Value, string Display)>();
        Add(changes, field, value, kind.Value, collectionExpressions);
        if (properties.TryGetValue(FixProperties.SecondField, out var field2) && field2 is not null
            && properties.TryGetValue(FixProperties.SecondValue, out var value2) && value2 is not null)
        {
            Add(changes, field2, value2, kind.Value, collectionExpressions);
        }

        if (changes.Count == 0)
        {
            return null;
        }

        var edit = new ConfigurationEdit(BuildTitle(changes));
        foreach (var (property, expression, _) in changes)
        {
            var existing = assignment is not null && AssignedProperty(assignment) == property ? assignment : FindAssignment(creation, property);
            if (existing is not null)
            {
                edit.Replacements.Add((existing, expression));
            }
            else
            {
                edit.Additions.Add((property, expression));
            }
        }

        edit.Creation = creation;
        edit.Statement = creation is null ? statement : null;
        return edit;
    }

    private static void Add(List<(string, ExpressionSyntax, string)> changes, string field, string value, StreamKind kind, bool collectionExpressions)
    {
        if (ConfigurationValueSyntax.Create(field, value, kind, collectionExpressions) is { } expression)
        {
            changes.Add((CSharpNames.Property(field, kind), expression, ConfigurationValueSyntax.Display(field, value)));
        }
    }

    private static string BuildTitle(List<(string Property, ExpressionSyntax Value, string Display)> changes) =>
        changes.Count == 2 && changes[0].Display == changes[1].Display
            ? $"Set {changes[0].Property} and {changes[1].Property} to {changes[0].Display}"
            : "Set " + string.Join(" and ", changes.ConvertAll(c => $"{c.Property} to {c.Display}"));

    private static BaseObjectCreationExpressionSyntax? ContainingCreation(AssignmentExpressionSyntax assignment) =>
        assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation } ? creation : null;

    public static string? AssignedProperty(AssignmentExpressionSyntax assignment) => assignment.Left switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private static AssignmentExpressionSyntax? FindAssignment(BaseObjectCreationExpressionSyntax? creation, string property)
    {
        if (creation?.Initializer is null)
        {
            return null;
        }

        foreach (var expression in creation.Initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax assignment && AssignedProperty(assignment) == property)
            {
                return assignment;
            }
        }

        return null;
    }

    private static StreamKind? KindOf(SemanticModel model, BaseObjectCreationExpressionSyntax? creation, AssignmentExpressionSyntax? assignment)
    {
        var type = creation is not null ? model.GetTypeInfo(creation).Type
            : assignment?.Left is MemberAccessExpressionSyntax access ? model.GetTypeInfo(access.Expression).Type
            : null;
        return type?.Name switch
        {
            "NatsKVConfig" => StreamKind.KeyValue,
            "NatsObjConfig" => StreamKind.ObjectStore,
            "StreamConfig" or "ConsumerConfig" => StreamKind.Stream,
            _ => null,
        };
    }
}
