using System;

namespace JetStream.Analyzers.LiveCheck.Protocol;

/// <summary>Why the live check couldn't talk to the server, and what the user should check. Never carries a secret.</summary>
public sealed class LiveCheckException : Exception
{
    public LiveCheckException(string problem, string whatToCheck)
        : base(problem + "; " + whatToCheck)
    {
        Problem = problem;
        WhatToCheck = whatToCheck;
    }

    public string Problem { get; }

    public string WhatToCheck { get; }
}
