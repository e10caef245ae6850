namespace JetStream.Analyzers.Tests.Infrastructure;

/// <summary>Wraps statements in a compilable method with NATS.Net contexts in scope.</summary>
public static class Code
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using NATS.Client.Core;
        using NATS.Client.JetStream;
        using NATS.Client.JetStream.Models;
        using NATS.Client.KeyValueStore;
        using NATS.Client.ObjectStore;

        """;

    public static string InMethod(string body) => Usings + $$"""
        class Test
        {
            async Task Run(INatsJSContext js, INatsKVContext kv, INatsObjContext obj, INatsJSStream stream)
            {
        {{body}}
            }
        }
        """;

    public static string InClass(string members) => Usings + $$"""
        class Test
        {
        {{members}}
        }
        """;
}
