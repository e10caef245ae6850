using System;

namespace JetStream.Lint;

/// <summary>A usage or I/O problem: one line on stderr and exit code 2, never a stack trace.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
