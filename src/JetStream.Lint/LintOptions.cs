using System;
using System.Collections.Generic;
using JetStream.Analyzers.LiveCheck.Connection;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;

namespace JetStream.Lint;

public enum OutputFormat
{
    Text,
    Sarif,
    GitHub,
    Json,
}

/// <summary>The command line, checked: every value that doesn't parse is a <see cref="UsageException"/>, never a default.</summary>
public sealed class LintOptions
{
    public const string Usage = """
        Usage: jetstream-lint [PATH...] [options]
               jetstream-lint report --server URL [--format table|json] [--output FILE] [connection options]

        Lints JetStream stream and consumer definitions (JSON, YAML, NACK manifests) with the rules of JetStream.Analyzers.
        A folder is searched with the default globs (jetstream/**, streams/**, consumers/**, **/*.stream.*, **/*.consumer.*;
        .json, .yaml, .yml; never bin/, obj/, node_modules/, appsettings*.json); a file is linted as given. Default: '.'.

        Options:
          --include GLOB          lint the files under each folder that match GLOB instead of the defaults (repeatable)
          --exclude GLOB          also leave out files that match GLOB (repeatable)
          --server-version V      target nats-server version (an .editorconfig jetstream_server_version wins)
          --analysis-mode MODE    default, production (guideline rules warnings, server rejections errors) or strict
                                  (warnings as errors): the package's JetStreamAnalysisMode presets
          --warnaserror           report warnings as errors
          --severity ID=LEVEL     error, warning, suggestion or none for a rule (JS1004=none), for every JetStream rule
                                  (JetStream=warning) or for all (all=error), over .editorconfig (repeatable)
          --format FORMAT         text (default), sarif, github (workflow annotations) or json
          --output FILE           write the report to FILE instead of stdout
          --server URL            check the files against a live server, read-only (nats://host:4222, comma-separated)
          --health                with --server: the health rules (JS6xxx) look at every stream of the account, not
                                  only the streams the files define
          --context NAME          a nats CLI context for whatever the options leave unset
          --creds FILE, --nkey FILE, --user NAME, --password P, --token T
                                  credentials; prefer JETSTREAM_CREDS, JETSTREAM_NKEY, JETSTREAM_USER,
                                  JETSTREAM_PASSWORD and JETSTREAM_TOKEN in the environment
          --tls-ca FILE, --tls-cert FILE, --tls-key FILE
          --domain NAME, --api-prefix PREFIX
          --timeout SECONDS       connection and request timeout (default 10)
          --version, --help

        report writes the state of every stream and consumer of the account (messages, bytes, fill, replicas,
        consumers; pending, ack pending, redelivered, last delivery, waiting pulls) as a table (default) or JSON.

        Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error (report: the server couldn't be read).
        """;

    public List<string> Paths { get; } = new();

    public List<string> Includes { get; } = new();

    public List<string> Excludes { get; } = new();

    public ServerVersion? ServerVersion { get; private set; }

    public bool WarningsAsErrors { get; private set; }

    /// <summary>The JetStreamAnalysisMode preset: default (none), production or strict.</summary>
    public string AnalysisMode { get; private set; } = "default";

    /// <summary>dotnet_diagnostic.ID.severity values that override .editorconfig.</summary>
    public Dictionary<string, string> Severities { get; } = new(StringComparer.OrdinalIgnoreCase);

    public OutputFormat Format { get; private set; } = OutputFormat.Text;

    public string? Output { get; private set; }

    public LiveCheckProperties Live { get; } = new();

    public bool LiveCheckRequested => !string.IsNullOrWhiteSpace(Live.Server) || !string.IsNullOrWhiteSpace(Live.Context);

    /// <summary>--health: the health rules look at every stream of the account.</summary>
    public bool Health { get; private set; }

    /// <summary>The report verb: write the consumer report instead of linting.</summary>
    public bool Report { get; private set; }

    public bool ShowHelp { get; private set; }

    public bool ShowVersion { get; private set; }

    public static LintOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LintOptions();
        var onlyPaths = false;
        var start = 0;
        if (args.Count > 0 && args[0] == "report")
        {
            options.Report = true;
            start = 1;
        }

        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPaths || !arg.StartsWith("-", StringComparison.Ordinal) || arg == "-")
            {
                options.Paths.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPaths = true;
                continue;
            }

            string name = arg, inline = string.Empty;
            var hasInline = false;
            var equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg.Substring(0, equals);
                inline = arg.Substring(equals + 1);
                hasInline = true;
            }

            string Value()
            {
                if (hasInline)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"{name} needs a value (see --help)");
                }

                return args[++i];
            }

            switch (name)
            {
                case "-h" or "--help" or "-?":
                    options.ShowHelp = true;
                    break;
                case "--version":
                    options.ShowVersion = true;
                    break;
                case "--include":
                    options.Includes.Add(Value());
                    break;
                case "--exclude":
                    options.Excludes.Add(Value());
                    break;
                case "--server-version":
                    var version = Value();
                    options.ServerVersion = Analyzers.Rules.Evaluation.ServerVersion.TryParse(version, out var parsed)
                        ? parsed
                        : throw new UsageException($"--server-version '{version}' is not a nats-server version; write it as 2.10.14");
                    break;
                case "--analysis-mode":
                    var mode = Value();
                    options.AnalysisMode = ConfigurationChecks.AnalysisMode(mode) is null && !string.IsNullOrWhiteSpace(mode)
                        ? mode.Trim().ToLowerInvariant()
                        : throw new UsageException($"--analysis-mode '{mode}' is not a mode; use default, production or strict");
                    break;
                case "--warnaserror":
                    options.WarningsAsErrors = true;
                    break;
                case "--severity":
                    options.AddSeverity(Value());
                    break;
                case "--format":
                    var format = Value();
                    options.Format = format.ToLowerInvariant() switch
                    {
                        "text" when !options.Report => OutputFormat.Text,
                        "table" when options.Report => OutputFormat.Text,
                        "json" when options.Report => OutputFormat.Json,
                        _ when options.Report => throw new UsageException($"--format '{format}' is not a report format; use table or json"),
                        "text" => OutputFormat.Text,
                        "sarif" => OutputFormat.Sarif,
                        "github" => OutputFormat.GitHub,
                        "json" => OutputFormat.Json,
                        _ => throw new UsageException($"--format '{format}' is not a format; use text, sarif, github or json"),
                    };
                    break;
                case "--output" or "-o":
                    options.Output = Value();
                    break;
                case "--health":
                    options.Health = true;
                    break;
                case "--server":
                    options.Live.Server = Value();
                    break;
                case "--context":
                    options.Live.Context = Value();
                    break;
                case "--creds":
                    options.Live.CredsFile = Value();
                    break;
                case "--nkey":
                    options.Live.NKeyFile = Value();
                    break;
                case "--user":
                    options.Live.User = Value();
                    break;
                case "--password":
                    options.Live.Password = Value();
                    break;
                case "--token":
                    options.Live.Token = Value();
                    break;
                case "--tls-ca":
                    options.Live.TlsCaFile = Value();
                    break;
                case "--tls-cert":
                    options.Live.TlsCertFile = Value();
                    break;
                case "--tls-key":
                    options.Live.TlsKeyFile = Value();
                    break;
                case "--domain":
                    options.Live.Domain = Value();
                    break;
                case "--api-prefix":
                    options.Live.ApiPrefix = Value();
                    break;
                case "--timeout":
                    options.Live.Timeout = Value();
                    break;
                default:
                    throw new UsageException($"unknown option '{name}' (see --help)");
            }
        }

        if (options.Report && !options.LiveCheckRequested)
        {
            throw new UsageException("report needs a server: --server URL or --context NAME");
        }

        if (options.Report && options.Paths.Count > 0)
        {
            throw new UsageException($"report reads the server only; '{options.Paths[0]}' is not an option of report (see --help)");
        }

        if (options.Paths.Count == 0)
        {
            options.Paths.Add(".");
        }

        return options;
    }

    private void AddSeverity(string text)
    {
        var equals = text.IndexOf('=');
        var target = equals > 0 ? text.Substring(0, equals).Trim() : text;
        var level = equals > 0 ? text.Substring(equals + 1).Trim().ToLowerInvariant() : string.Empty;
        string? key = null;
        if (equals > 0)
        {
            if (target.Equals(RuleCatalog.Category, StringComparison.OrdinalIgnoreCase))
            {
                key = ConfigurationChecks.CategorySeverityKey;
            }
            else if (target.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                key = ConfigurationChecks.AllSeverityKey;
            }
            else if (RuleCatalog.TryGet(target.ToUpperInvariant(), out var rule))
            {
                key = $"dotnet_diagnostic.{rule.Id}.severity";
            }
        }

        if (key is null)
        {
            throw new UsageException($"--severity '{text}' does not name a rule; write it as JS1004=suggestion (a rule ID), {RuleCatalog.Category}=warning (every JetStream rule) or all=error");
        }

        if (level is not ("error" or "warning" or "suggestion" or "none" or "silent" or "default"))
        {
            throw new UsageException($"--severity '{text}': '{level}' is not a severity; use error, warning, suggestion, none or default");
        }

        Severities[key] = level;
    }
}
