using System;
using System.IO;
using JetStream.Lint;

return LintCommand.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable, interactive: !Console.IsErrorRedirected);
