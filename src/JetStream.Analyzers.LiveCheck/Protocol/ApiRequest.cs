using System.Globalization;

namespace JetStream.Analyzers.LiveCheck.Protocol;

/// <summary>
/// The only requests the live check can send: account info and the paged stream and consumer lists, all read-only.
/// There is no way to build a create, update, delete or purge request, so the check can't change the server.
/// </summary>
public sealed class ApiRequest
{
    private ApiRequest(string operation, string body)
    {
        Operation = operation;
        Body = body;
    }

    /// <summary>The subject after the API prefix, e.g. "STREAM.LIST".</summary>
    public string Operation { get; }

    public string Body { get; }

    public static ApiRequest AccountInfo() => new("INFO", string.Empty);

    public static ApiRequest StreamList(int offset) => new("STREAM.LIST", Offset(offset));

    /// <summary>Null when the name can't be a subject token, which also means no such stream can exist.</summary>
    public static ApiRequest? ConsumerList(string stream, int offset) =>
        IsToken(stream) ? new ApiRequest("CONSUMER.LIST." + stream, Offset(offset)) : null;

    public string Subject(string apiPrefix) => apiPrefix + "." + Operation;

    public override string ToString() => Operation;

    private static string Offset(int offset) => "{\"offset\":" + offset.ToString(CultureInfo.InvariantCulture) + "}";

    private static bool IsToken(string name) =>
        name.Length > 0 && name.IndexOfAny(new[] { '.', '*', '>', ' ', '\t', '\r', '\n' }) < 0;
}
