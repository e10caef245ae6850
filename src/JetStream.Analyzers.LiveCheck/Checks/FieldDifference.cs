namespace JetStream.Analyzers.LiveCheck.Checks;

/// <summary>One field whose effective value in the file differs from the server's.</summary>
internal sealed class FieldDifference
{
    public FieldDifference(string field, string fileValue, string serverValue, string? updateError)
    {
        Field = field;
        FileValue = fileValue;
        ServerValue = serverValue;
        UpdateError = updateError;
    }

    /// <summary>JSON name, e.g. "max_age".</summary>
    public string Field { get; }

    public string FileValue { get; }

    public string ServerValue { get; }

    /// <summary>The server's error when an update can't make this change (JS5009); null when the update may.</summary>
    public string? UpdateError { get; }
}
