using System;

namespace JetStream.Analyzers.Benchmarks;

/// <summary>
/// One file of a JetStream service: the ordinary domain block plus one service class that uses NATS.Net 3.3.2 the
/// way real code does (csharp-api.md §4): StreamConfig/ConsumerConfig built inline with initializers, locals
/// mutated before the call, helper methods, readonly fields and <c>with</c> copies, options-driven values, KV and
/// object stores, fetch-modify-update, publishers and consume loops. About two files in three send a
/// configuration; roughly half of those configurations are unsafe, so the analyzers report.
/// </summary>
internal static class NatsCode
{
    /// <summary>Twelve shapes, cycled by file number; publishers and workers appear twice as often.</summary>
    private static readonly Func<Names, Random, string>[] Shapes =
    [
        InlineTopology, DocsStyleSetup, MutatedLocal, Helpers, OptionsDriven, FieldAndWith,
        Publisher, Worker, FetchModifyUpdate, Stores, Publisher, Worker,
    ];

    public static string File(int n)
    {
        var names = new Names(n);
        var random = new Random(1_000 + n);
        return $$"""
            using NATS.Client.Core;
            using NATS.Client.JetStream;
            using NATS.Client.JetStream.Models;
            using NATS.Client.KeyValueStore;
            using NATS.Client.ObjectStore;
            {{OrdinaryCode.Usings}}

            namespace Bench.Nats.{{names.Domain}};

            {{OrdinaryCode.Block(n)}}

            {{Shapes[n % Shapes.Length](names, random)}}
            """;
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    private static string InlineTopology(Names x, Random random) => $$"""
        public sealed class {{x.Domain}}Topology{{x.N}}
        {
            public const string StreamName = "{{x.Stream}}";
            private readonly INatsJSContext _js;

            public {{x.Domain}}Topology{{x.N}}(INatsJSContext js)
            {
                _js = js;
            }

            public async Task EnsureAsync(CancellationToken cancellationToken = default)
            {
                await _js.CreateOrUpdateStreamAsync(new StreamConfig(StreamName, ["{{x.Subject}}.>"])
                {
                    NumReplicas = {{Pick(random, "3", "3", "5", "1")}},
                    MaxAge = TimeSpan.FromDays({{random.Next(1, 60)}}),
                    MaxBytes = {{random.Next(1, 64)}}L * 1024 * 1024 * 1024,
                    DuplicateWindow = TimeSpan.FromMinutes(2),
                    DenyDelete = true,
                    DenyPurge = true,
                }, cancellationToken);

                await _js.CreateOrUpdateConsumerAsync(StreamName, new ConsumerConfig("{{x.Subject}}-processor")
                {
                    AckPolicy = ConsumerConfigAckPolicy.Explicit,
                    AckWait = TimeSpan.FromSeconds({{random.Next(10, 120)}}),
                    MaxDeliver = {{random.Next(4, 10)}},
                    Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)],
                    MaxAckPending = 1000,
                    FilterSubject = "{{x.Subject}}.created",
                }, cancellationToken);
            }
        }
        """;

    private static string DocsStyleSetup(Names x, Random random) => $$"""
        public static class {{x.Domain}}Setup{{x.N}}
        {
            public static async Task<INatsJSConsumer> SetupAsync(INatsJSContext js, CancellationToken cancellationToken)
            {
                await js.CreateStreamAsync(new StreamConfig(name: "{{x.Stream}}", subjects: ["{{x.Subject}}.*"]){{Pick(random, "", " { MaxAge = TimeSpan.FromHours(6) }", " { Storage = StreamConfigStorage.Memory }")}}, cancellationToken);
                var consumer = await js.CreateOrUpdateConsumerAsync("{{x.Stream}}", new ConsumerConfig("{{x.Subject}}-audit"), cancellationToken);
                return consumer;
            }

            public static async Task<long> CountAsync(INatsJSContext js, CancellationToken cancellationToken)
            {
                var count = 0L;
                await foreach (var name in js.ListStreamNamesAsync(cancellationToken: cancellationToken))
                {
                    if (name.StartsWith("{{x.Stream}}", StringComparison.Ordinal))
                    {
                        count++;
                    }
                }

                return count;
            }
        }
        """;

    private static string MutatedLocal(Names x, Random random) => $$"""
        public sealed class {{x.Domain}}StreamProvisioner{{x.N}}
        {
            private readonly INatsJSContext _js;
            private readonly bool _compress;

            public {{x.Domain}}StreamProvisioner{{x.N}}(INatsJSContext js, bool compress)
            {
                _js = js;
                _compress = compress;
            }

            public async Task<INatsJSStream> ProvisionAsync(CancellationToken cancellationToken)
            {
                var config = new StreamConfig
                {
                    Name = "{{x.Stream}}",
                    Subjects = ["{{x.Subject}}.>"],
                    Description = "{{x.Domain}} events",
                };
                config.NumReplicas = {{Pick(random, "3", "3", "1")}};
                config.MaxAge = TimeSpan.FromHours({{random.Next(1, 200)}});
                config.MaxBytes = {{random.Next(64, 4096)}}L * 1024 * 1024;
                config.Storage = StreamConfigStorage.{{Pick(random, "File", "File", "Memory")}};
                if (_compress)
                {
                    config.Compression = StreamConfigCompression.S2;
                }

                return await _js.CreateOrUpdateStreamAsync(config, cancellationToken);
            }
        }
        """;

    private static string Helpers(Names x, Random random) => $$"""
        public sealed class {{x.Domain}}Bootstrap{{x.N}}
        {
            private const string StreamName = "{{x.Stream}}";
            private readonly INatsJSContext _js;

            public {{x.Domain}}Bootstrap{{x.N}}(INatsJSContext js)
            {
                _js = js;
            }

            public async Task RunAsync(CancellationToken cancellationToken)
            {
                await _js.CreateOrUpdateStreamAsync(BuildStreamConfig(), cancellationToken);
                await _js.CreateOrUpdateConsumerAsync(StreamName, BuildConsumerConfig("{{x.Subject}}-worker"), cancellationToken);
            }

            private static StreamConfig BuildStreamConfig() => new(StreamName, ["{{x.Subject}}.>"])
            {
                NumReplicas = {{Pick(random, "3", "2")}},
                MaxAge = TimeSpan.FromDays(30),
                MaxBytes = 2L * 1024 * 1024 * 1024,
                Retention = StreamConfigRetention.Workqueue,
            };

            private static ConsumerConfig BuildConsumerConfig(string durable)
            {
                var config = new ConsumerConfig(durable)
                {
                    AckWait = TimeSpan.FromSeconds({{random.Next(20, 90)}}),
                    MaxDeliver = 10,
                };
                config.MaxAckPending = 200;
                return config;
            }
        }
        """;

    private static string OptionsDriven(Names x, Random random) => $$"""
        public sealed class {{x.Domain}}Options{{x.N}}
        {
            public string StreamName { get; set; } = "{{x.Stream}}";
            public string Subject { get; set; } = "{{x.Subject}}.>";
            public int Replicas { get; set; } = 3;
            public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);
            public long MaxBytes { get; set; } = 1L << 30;
            public long MaxDeliver { get; set; } = 5;
            public string Bucket { get; set; } = "{{x.Subject}}-settings";
        }

        public sealed class {{x.Domain}}Infrastructure{{x.N}}
        {
            private readonly INatsJSContext _js;
            private readonly {{x.Domain}}Options{{x.N}} _options;

            public {{x.Domain}}Infrastructure{{x.N}}(INatsJSContext js, {{x.Domain}}Options{{x.N}} options)
            {
                _js = js;
                _options = options;
            }

            public async Task<INatsKVStore> InitializeAsync(CancellationToken cancellationToken)
            {
                await _js.CreateOrUpdateStreamAsync(new StreamConfig(_options.StreamName, [_options.Subject])
                {
                    NumReplicas = _options.Replicas,
                    MaxAge = _options.MaxAge,
                    MaxBytes = _options.MaxBytes,
                }, cancellationToken);

                await _js.CreateOrUpdateConsumerAsync(_options.StreamName, new ConsumerConfig("{{x.Subject}}-handler")
                {
                    MaxDeliver = _options.MaxDeliver,
                    AckWait = TimeSpan.FromSeconds(30),
                    Backoff = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20)],
                }, cancellationToken);

                var kv = new NatsKVContext(_js);
                var store = await kv.CreateOrUpdateStoreAsync(new NatsKVConfig(_options.Bucket)
                {
                    History = {{random.Next(1, 10)}},
                    NumberOfReplicas = {{Pick(random, "3", "1")}},
                    MaxBytes = 64L * 1024 * 1024,
                    MaxAge = TimeSpan.FromDays(1),
                }, cancellationToken);
                await store.PutAsync("schema-version", {{x.N}}, cancellationToken: cancellationToken);
                return store;
            }
        }
        """;

    private static string FieldAndWith(Names x, Random random)
    {
        var pushExtras = random.Next(2) == 0
            ? "IdleHeartbeat = TimeSpan.FromSeconds(5),\n                FlowControl = true,"
            : "HeadersOnly = false,";
        return $$"""
            public sealed class {{x.Domain}}Subscriptions{{x.N}}
            {
                private const string StreamName = "{{x.Stream}}";
                private readonly INatsJSContext _js;
                private readonly ConsumerConfig _processor = new("{{x.Subject}}-shipper")
                {
                    AckWait = TimeSpan.FromMinutes(2),
                    MaxDeliver = 4,
                    Backoff = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)],
                    FilterSubjects = ["{{x.Subject}}.created", "{{x.Subject}}.updated"],
                };

                public {{x.Domain}}Subscriptions{{x.N}}(INatsJSContext js)
                {
                    _js = js;
                }

                public async Task<IReadOnlyList<INatsJSConsumer>> EnsureAsync(CancellationToken cancellationToken)
                {
                    var primary = await _js.CreateOrUpdateConsumerAsync(StreamName, _processor, cancellationToken);
                    var replay = await _js.CreateOrUpdateConsumerAsync(StreamName, _processor with
                    {
                        Name = "{{x.Subject}}-replay",
                        DurableName = "{{x.Subject}}-replay",
                        DeliverPolicy = ConsumerConfigDeliverPolicy.New,
                    }, cancellationToken);
                    var push = await _js.CreateOrUpdateConsumerAsync(StreamName, new ConsumerConfig("{{x.Subject}}-push")
                    {
                        DeliverSubject = "deliver.{{x.Subject}}",
                        MaxDeliver = 3,
                        AckWait = TimeSpan.FromSeconds(20),
                        {{pushExtras}}
                    }, cancellationToken);
                    return [primary, replay, push];
                }
            }
            """;
    }

    private static string Publisher(Names x, Random random) => $$"""
        public sealed class {{x.Domain}}Publisher{{x.N}}
        {
            private readonly INatsJSContext _js;
            private readonly INatsKVStore _state;

            public {{x.Domain}}Publisher{{x.N}}(INatsJSContext js, INatsKVStore state)
            {
                _js = js;
                _state = state;
            }

            public async Task<ulong> PublishAsync({{x.Domain}}Item{{x.N}} item, CancellationToken cancellationToken = default)
            {
                var errors = {{x.Domain}}Rules{{x.N}}.Validate(item);
                if (errors.Count > 0)
                {
                    throw new ArgumentException(string.Join("; ", errors), nameof(item));
                }

                var ack = await _js.PublishAsync($"{{x.Subject}}.created.{item.Owner}", item, opts: new NatsJSPubOpts { MsgId = item.Id }, cancellationToken: cancellationToken);
                ack.EnsureSuccess();
                var entry = await _state.GetEntryAsync<long>("published", cancellationToken: cancellationToken);
                await _state.UpdateAsync("published", entry.Value + 1, entry.Revision, cancellationToken: cancellationToken);
                return ack.Seq;
            }

            public async Task<int> PublishBatchAsync(IReadOnlyList<{{x.Domain}}Item{{x.N}}> items, CancellationToken cancellationToken = default)
            {
                var published = 0;
                foreach (var item in items.Where(i => i.Status == {{x.Domain}}Status{{x.N}}.Active).Take({{random.Next(10, 100)}}))
                {
                    var result = await _js.TryPublishAsync("{{x.Subject}}.batch", {{x.Domain}}Rules{{x.N}}.Describe(item), cancellationToken: cancellationToken);
                    if (result.Success && result.Value.IsSuccess())
                    {
                        published++;
                    }
                }

                return published;
            }
        }
        """;

    private static string Worker(Names x, Random random) => $$"""
        public sealed class {{x.Domain}}Worker{{x.N}}
        {
            private readonly INatsJSContext _js;
            private int _processed;

            public {{x.Domain}}Worker{{x.N}}(INatsJSContext js)
            {
                _js = js;
            }

            public int Processed => _processed;

            public async Task RunAsync(CancellationToken cancellationToken)
            {
                var consumer = await _js.GetConsumerAsync("{{x.Stream}}", "{{x.Subject}}-processor", cancellationToken);
                await foreach (var msg in consumer.ConsumeAsync<{{x.Domain}}Item{{x.N}}>(opts: new NatsJSConsumeOpts { MaxMsgs = {{random.Next(50, 500)}}, Expires = TimeSpan.FromSeconds(30) }, cancellationToken: cancellationToken))
                {
                    if (msg.Data is not { } item)
                    {
                        await msg.AckTerminateAsync(cancellationToken: cancellationToken);
                        continue;
                    }

                    try
                    {
                        if ({{x.Domain}}Rules{{x.N}}.Validate(item).Count > 0)
                        {
                            await msg.AckTerminateAsync(cancellationToken: cancellationToken);
                            continue;
                        }

                        Interlocked.Increment(ref _processed);
                        await msg.AckAsync(cancellationToken: cancellationToken);
                    }
                    catch (InvalidOperationException) when (!cancellationToken.IsCancellationRequested)
                    {
                        await msg.NakAsync(new AckOpts { NakDelay = TimeSpan.FromSeconds(5) }, cancellationToken);
                    }
                }
            }

            public async Task<int> DrainAsync(CancellationToken cancellationToken)
            {
                var consumer = await _js.GetConsumerAsync("{{x.Stream}}", "{{x.Subject}}-batch", cancellationToken);
                var count = 0;
                await foreach (var msg in consumer.FetchAsync<{{x.Domain}}Item{{x.N}}>(new NatsJSFetchOpts { MaxMsgs = 50, Expires = TimeSpan.FromSeconds(5) }, cancellationToken: cancellationToken))
                {
                    count++;
                    await msg.AckAsync(cancellationToken: cancellationToken);
                }

                return count;
            }
        }
        """;

    private static string FetchModifyUpdate(Names x, Random random) => $$"""
        public sealed class {{x.Domain}}Maintenance{{x.N}}
        {
            private readonly INatsJSContext _js;

            public {{x.Domain}}Maintenance{{x.N}}(INatsJSContext js)
            {
                _js = js;
            }

            public async Task ExtendRetentionAsync(TimeSpan maxAge, CancellationToken cancellationToken)
            {
                var stream = await _js.GetStreamAsync("{{x.Stream}}", cancellationToken: cancellationToken);
                var config = stream.Info.Config;
                config.MaxAge = maxAge;
                config.MaxMsgsPerSubject = {{random.Next(10, 1000)}};
                await _js.UpdateStreamAsync(config, cancellationToken);
            }

            public async Task<long> ResizeAsync(long megabytes, CancellationToken cancellationToken)
            {
                var stream = await _js.GetStreamAsync("{{x.Stream}}", cancellationToken: cancellationToken);
                var updated = stream.Info.Config with { MaxBytes = megabytes * 1024 * 1024 };
                await stream.UpdateAsync(updated, cancellationToken);
                return updated.MaxBytes;
            }

            public async Task PauseAsync(string consumer, CancellationToken cancellationToken)
            {
                await _js.PauseConsumerAsync("{{x.Stream}}", consumer, DateTimeOffset.UtcNow.AddMinutes({{random.Next(1, 30)}}), cancellationToken);
            }
        }
        """;

    private static string Stores(Names x, Random random) => $$"""
        public sealed class {{x.Domain}}Storage{{x.N}}
        {
            private readonly INatsJSContext _js;

            public {{x.Domain}}Storage{{x.N}}(INatsJSContext js)
            {
                _js = js;
            }

            public async Task<INatsObjStore> OpenArtifactsAsync(CancellationToken cancellationToken)
            {
                var objects = new NatsObjContext(_js);
                return await objects.CreateObjectStoreAsync(new NatsObjConfig("{{x.Subject}}-artifacts")
                {
                    NumberOfReplicas = {{Pick(random, "3", "1")}},
                    MaxBytes = 10L * 1024 * 1024 * 1024,
                    MaxAge = TimeSpan.FromDays(90),
                    Storage = NatsObjStorageType.File,
                }, cancellationToken);
            }

            public async Task<INatsKVStore> OpenCacheAsync(CancellationToken cancellationToken)
            {
                var kv = new NatsKVContext(_js);
                return await kv.CreateStoreAsync("{{x.Subject}}-cache", cancellationToken);
            }

            public async Task<int> ReplayAsync(CancellationToken cancellationToken)
            {
                var consumer = await _js.CreateOrderedConsumerAsync("{{x.Stream}}", new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.LastPerSubject }, cancellationToken);
                var count = 0;
                await foreach (var msg in consumer.ConsumeAsync<{{x.Domain}}Item{{x.N}}>(cancellationToken: cancellationToken))
                {
                    if (msg.Data is null)
                    {
                        break;
                    }

                    count++;
                }

                return count;
            }
        }
        """;

    private sealed class Names
    {
        public Names(int n)
        {
            N = n;
            Domain = OrdinaryCode.Domain(n);
            Subject = Domain.ToLowerInvariant() + n;
            Stream = Domain.ToUpperInvariant() + "_" + n;
        }

        public int N { get; }

        public string Domain { get; }

        public string Subject { get; }

        public string Stream { get; }
    }
}
