using System;

namespace JetStream.Analyzers.Benchmarks;

/// <summary>
/// One file of an ordinary service without NATS.Net: the same domain block as <see cref="NatsCode"/> plus a service
/// class of similar size (repositories with CreateAsync/UpdateAsync, channel workers, JSON handlers, caches, options).
/// </summary>
internal static class PlainCode
{
    private static readonly Func<string, int, Random, string>[] Shapes = [Repository, ChannelWorker, JsonHandler, Cache, OptionsAndBuilder];

    public static string File(int n)
    {
        var domain = OrdinaryCode.Domain(n);
        var random = new Random(2_000 + n);
        return $$"""
            using System.Text.Json;
            using System.Threading.Channels;
            {{OrdinaryCode.Usings}}

            namespace Bench.Plain.{{domain}};

            {{OrdinaryCode.Block(n)}}

            {{Shapes[n % Shapes.Length](domain, n, random)}}
            """;
    }

    private static string Repository(string d, int n, Random random) => $$"""
        public sealed class {{d}}Repository{{n}}
        {
            private readonly ConcurrentDictionary<string, {{d}}Item{{n}}> _items = new(StringComparer.Ordinal);

            public Task<{{d}}Item{{n}}> CreateAsync({{d}}Item{{n}} item, CancellationToken cancellationToken = default)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!_items.TryAdd(item.Id, item))
                {
                    throw new InvalidOperationException($"{item.Id} already exists");
                }

                return Task.FromResult(item);
            }

            public Task<{{d}}Item{{n}}?> GetAsync(string id, CancellationToken cancellationToken = default) =>
                Task.FromResult(_items.TryGetValue(id, out var item) ? item : null);

            public async Task<bool> UpdateAsync({{d}}Item{{n}} item, CancellationToken cancellationToken = default)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                return _items.TryGetValue(item.Id, out var current) && _items.TryUpdate(item.Id, item, current);
            }

            public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
                Task.FromResult(_items.TryRemove(id, out _));
        }

        public sealed class {{d}}Service{{n}}
        {
            private readonly {{d}}Repository{{n}} _repository;

            public {{d}}Service{{n}}({{d}}Repository{{n}} repository)
            {
                _repository = repository;
            }

            public async Task<{{d}}Summary{{n}}> ApproveAllAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
            {
                var updated = new List<{{d}}Item{{n}}>();
                foreach (var id in ids.Distinct().Take({{random.Next(10, 200)}}))
                {
                    var item = await _repository.GetAsync(id, cancellationToken);
                    if (item is null)
                    {
                        continue;
                    }

                    var next = item with { Status = {{d}}Rules{{n}}.Next(item.Status, approved: true) };
                    if (await _repository.UpdateAsync(next, cancellationToken))
                    {
                        updated.Add(next);
                    }
                }

                return {{d}}Rules{{n}}.Summarize(updated);
            }
        }
        """;

    private static string ChannelWorker(string d, int n, Random random) => $$"""
        public sealed class {{d}}Worker{{n}}
        {
            private readonly Channel<{{d}}Item{{n}}> _queue = Channel.CreateBounded<{{d}}Item{{n}}>({{random.Next(100, 10_000)}});
            private int _processed;
            private int _failed;

            public int Processed => _processed;

            public int Failed => _failed;

            public ValueTask EnqueueAsync({{d}}Item{{n}} item, CancellationToken cancellationToken = default) =>
                _queue.Writer.WriteAsync(item, cancellationToken);

            public async Task RunAsync(CancellationToken cancellationToken)
            {
                await foreach (var item in _queue.Reader.ReadAllAsync(cancellationToken))
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            if ({{d}}Rules{{n}}.Validate(item).Count > 0)
                            {
                                Interlocked.Increment(ref _failed);
                                break;
                            }

                            Interlocked.Increment(ref _processed);
                            break;
                        }
                        catch (InvalidOperationException) when (attempt < {{random.Next(3, 8)}})
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
                        }
                    }
                }
            }
        }
        """;

    private static string JsonHandler(string d, int n, Random random) => $$"""
        public sealed record {{d}}Request{{n}}(string Id, string Owner, decimal Amount, int Quantity);

        public sealed record {{d}}Response{{n}}(bool Accepted, IReadOnlyList<string> Errors, string? Description);

        public static class {{d}}Handler{{n}}
        {
            private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = {{(random.Next(2) == 0 ? "true" : "false")}} };

            public static string Handle(string body)
            {
                var request = JsonSerializer.Deserialize<{{d}}Request{{n}}>(body, Options);
                if (request is null)
                {
                    return JsonSerializer.Serialize(new {{d}}Response{{n}}(false, ["empty body"], null), Options);
                }

                var item = new {{d}}Item{{n}}(request.Id, request.Owner, request.Amount, request.Quantity, DateTimeOffset.UtcNow, {{d}}Status{{n}}.Pending);
                var errors = {{d}}Rules{{n}}.Validate(item);
                var response = new {{d}}Response{{n}}(errors.Count == 0, errors, errors.Count == 0 ? {{d}}Rules{{n}}.Describe(item) : null);
                return JsonSerializer.Serialize(response, Options);
            }

            public static async Task<int> HandleManyAsync(Stream input, Stream output, CancellationToken cancellationToken)
            {
                var requests = await JsonSerializer.DeserializeAsync<List<{{d}}Request{{n}}>>(input, Options, cancellationToken) ?? [];
                var responses = requests.Select(r => Handle(JsonSerializer.Serialize(r, Options))).ToList();
                await JsonSerializer.SerializeAsync(output, responses, Options, cancellationToken);
                return responses.Count;
            }
        }
        """;

    private static string Cache(string d, int n, Random random) => $$"""
        public sealed class {{d}}Cache{{n}}
        {
            private readonly Dictionary<string, (DateTimeOffset Expires, {{d}}Item{{n}} Item)> _entries = new(StringComparer.Ordinal);
            private readonly Lock _gate = new();
            private readonly TimeProvider _clock;
            private readonly TimeSpan _ttl = TimeSpan.FromSeconds({{random.Next(5, 600)}});

            public {{d}}Cache{{n}}(TimeProvider clock)
            {
                _clock = clock;
            }

            public bool TryGet(string id, out {{d}}Item{{n}}? item)
            {
                lock (_gate)
                {
                    if (_entries.TryGetValue(id, out var entry) && entry.Expires > _clock.GetUtcNow())
                    {
                        item = entry.Item;
                        return true;
                    }

                    _entries.Remove(id);
                    item = null;
                    return false;
                }
            }

            public void Set({{d}}Item{{n}} item)
            {
                lock (_gate)
                {
                    _entries[item.Id] = (_clock.GetUtcNow() + _ttl, item);
                    if (_entries.Count > {{random.Next(100, 5000)}})
                    {
                        foreach (var key in _entries.Where(e => e.Value.Expires <= _clock.GetUtcNow()).Select(e => e.Key).ToList())
                        {
                            _entries.Remove(key);
                        }
                    }
                }
            }

            public async Task<{{d}}Item{{n}}> GetOrCreateAsync(string id, Func<string, CancellationToken, Task<{{d}}Item{{n}}>> factory, CancellationToken cancellationToken)
            {
                if (TryGet(id, out var cached) && cached is not null)
                {
                    return cached;
                }

                var created = await factory(id, cancellationToken);
                Set(created);
                return created;
            }
        }
        """;

    private static string OptionsAndBuilder(string d, int n, Random random) => $$"""
        public sealed record {{d}}Settings{{n}}
        {
            public string Name { get; init; } = "{{d.ToLowerInvariant()}}-{{n}}";
            public int Replicas { get; init; } = {{random.Next(1, 5)}};
            public TimeSpan Retention { get; init; } = TimeSpan.FromDays({{random.Next(1, 90)}});
            public long MaxBytes { get; init; } = 1L << 30;
            public IReadOnlyList<string> Tags { get; init; } = [];
        }

        public sealed class {{d}}SettingsStore{{n}}
        {
            private readonly ConcurrentDictionary<string, {{d}}Settings{{n}}> _settings = new(StringComparer.Ordinal);

            public Task<{{d}}Settings{{n}}> CreateOrUpdateAsync({{d}}Settings{{n}} settings, CancellationToken cancellationToken = default)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Task.FromResult(_settings.AddOrUpdate(settings.Name, settings, (_, _) => settings));
            }

            public async Task<{{d}}Settings{{n}}> UpdateAsync(string name, Func<{{d}}Settings{{n}}, {{d}}Settings{{n}}> change, CancellationToken cancellationToken = default)
            {
                var current = _settings.TryGetValue(name, out var existing) ? existing : new {{d}}Settings{{n}} { Name = name };
                var updated = change(current);
                if (updated.Replicas % 2 == 0)
                {
                    updated = updated with { Replicas = updated.Replicas + 1 };
                }

                return await CreateOrUpdateAsync(updated with { Tags = [.. updated.Tags, "updated"] }, cancellationToken);
            }

            public Task<{{d}}Settings{{n}}> ExtendAsync(string name, CancellationToken cancellationToken) =>
                UpdateAsync(name, s => s with { Retention = s.Retention + TimeSpan.FromDays(1), MaxBytes = s.MaxBytes * 2 }, cancellationToken);
        }
        """;
}
