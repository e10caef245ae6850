using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace JetStream.Analyzers.CodeFixes;

/// <summary>C# expressions for the values a fix writes, as a person would write them.</summary>
internal static class ConfigurationValueSyntax
{
    public static ExpressionSyntax? Create(string field, string value, StreamKind kind, bool collectionExpressions) => field switch
    {
        "num_replicas" or "max_deliver" or "max_ack_pending" or "max_waiting" => Integer(value),
        "max_bytes" => Bytes(value),
        "max_age" or "idle_heartbeat" or "duplicate_window" or "ack_wait" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ns) ? TimeSpan(ns) : null,
        "storage" => StorageFile(kind),
        "deny_delete" or "deny_purge" or "flow_control" or "allow_msg_ttl" or "allow_rollup_hdrs" => value == "true" ? LiteralExpression(SyntaxKind.TrueLiteralExpression) : LiteralExpression(SyntaxKind.FalseLiteralExpression),
        "backoff" => Backoff(value, collectionExpressions),
        _ => null,
    };

    /// <summary>How the value reads in the fix title: "3", "1 GiB", "7d", "true".</summary>
    public static string Display(string field, string value) => field switch
    {
        "max_bytes" when long.TryParse(value, out var bytes) => ByteSizes.Format(bytes),
        "max_age" or "idle_heartbeat" or "duplicate_window" or "ack_wait" when long.TryParse(value, out var ns) => Durations.Format(ns),
        "backoff" => "[" + string.Join(", ", value.Split(',').Select(v => long.TryParse(v, out var n) ? Durations.Format(n) : v)) + "]",
        "storage" => "File",
        _ => value,
    };

    private static ExpressionSyntax? Integer(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(n)) : null;

    private static ExpressionSyntax? Bytes(string value)
    {
        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) || bytes <= 0)
        {
            return null;
        }

        // 1073741824 reads better as 1024L * 1024 * 1024.
        var factors = 0;
        while (factors < 3 && bytes % 1024 == 0)
        {
            bytes /= 1024;
            factors++;
        }

        ExpressionSyntax expression = LiteralExpression(SyntaxKind.NumericLiteralExpression, factors == 0 ? Literal(bytes) : Literal(bytes.ToString(CultureInfo.InvariantCulture) + "L", bytes));
        for (var i = 0; i < factors; i++)
        {
            expression = BinaryExpression(SyntaxKind.MultiplyExpression, expression, LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(1024)));
        }

        return expression;
    }

    public static ExpressionSyntax TimeSpan(long nanos)
    {
        var (method, amount) = nanos switch
        {
            _ when nanos % Durations.Day == 0 => ("FromDays", nanos / Durations.Day),
            _ when nanos % Durations.Hour == 0 => ("FromHours", nanos / Durations.Hour),
            _ when nanos % Durations.Minute == 0 => ("FromMinutes", nanos / Durations.Minute),
            _ when nanos % Durations.Second == 0 => ("FromSeconds", nanos / Durations.Second),
            _ => ("FromMilliseconds", nanos / Durations.Millisecond),
        };
        return InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, QualifiedType("System.TimeSpan"), IdentifierName(method)),
                ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal((int)amount))))))
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }

    private static ExpressionSyntax StorageFile(StreamKind kind)
    {
        var type = kind switch
        {
            StreamKind.KeyValue => "NATS.Client.KeyValueStore.NatsKVStorageType",
            StreamKind.ObjectStore => "NATS.Client.ObjectStore.NatsObjStorageType",
            _ => "NATS.Client.JetStream.Models.StreamConfigStorage",
        };
        return MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, QualifiedType(type), IdentifierName("File"))
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary>A fully qualified type in expression position; the simplifier shortens it where a using allows.</summary>
    private static ExpressionSyntax QualifiedType(string name) => ParseExpression(name).WithAdditionalAnnotations(Simplifier.Annotation);

    private static ExpressionSyntax? Backoff(string value, bool collectionExpressions)
    {
        var items = new List<ExpressionSyntax>();
        foreach (var part in value.Split(','))
        {
            if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var nanos))
            {
                return null;
            }

            items.Add(TimeSpan(nanos));
        }

        if (collectionExpressions)
        {
            return CollectionExpression(SeparatedList<CollectionElementSyntax>(items.Select(ExpressionElement)));
        }

        return ArrayCreationExpression(
            ArrayType(ParseTypeName("System.TimeSpan").WithAdditionalAnnotations(Simplifier.Annotation), SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))),
            InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(items)));
    }
}
