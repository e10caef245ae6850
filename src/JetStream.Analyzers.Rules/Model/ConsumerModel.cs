using System.Collections.Generic;

namespace JetStream.Analyzers.Rules.Model;

/// <summary>A consumer configuration, normalized like <see cref="StreamModel"/>. Durations are nanoseconds.</summary>
public sealed class ConsumerModel
{
    public ConfigOperation Operation { get; set; }

    public object? Origin { get; set; }

    /// <summary>The stream the consumer is created on, when the front end knows it.</summary>
    public ConfigValue<string> StreamName { get; set; }

    /// <summary>The stream's configuration, when the front end knows it (config files do; C# usually not).</summary>
    public StreamModel? Stream { get; set; }

    public ConfigValue<string> Name { get; set; }                        // name
    public ConfigValue<string> DurableName { get; set; }                 // durable_name
    public ConfigValue<string> Description { get; set; }                 // description
    public ConfigValue<DeliverPolicy> DeliverPolicy { get; set; }        // deliver_policy
    public ConfigValue<ulong> OptStartSeq { get; set; }                  // opt_start_seq
    public ConfigValue<bool> HasOptStartTime { get; set; }               // opt_start_time
    public ConfigValue<string> OptStartTime { get; set; }                // opt_start_time, as UTC text (files and the server; C# sets only HasOptStartTime)
    public ConfigValue<AckPolicy> AckPolicy { get; set; }                // ack_policy
    public ConfigValue<long> AckWait { get; set; }                       // ack_wait (ns)
    public ConfigValue<long> MaxDeliver { get; set; }                    // max_deliver
    public ConfigValue<IReadOnlyList<long>> Backoff { get; set; }        // backoff (ns each)
    public ConfigValue<string> FilterSubject { get; set; }               // filter_subject
    public ConfigValue<IReadOnlyList<string>> FilterSubjects { get; set; } // filter_subjects (2.10)
    public ConfigValue<ReplayPolicy> ReplayPolicy { get; set; }          // replay_policy
    public ConfigValue<long> RateLimitBps { get; set; }                  // rate_limit_bps
    public ConfigValue<string> SampleFrequency { get; set; }             // sample_freq
    public ConfigValue<long> MaxWaiting { get; set; }                    // max_waiting
    public ConfigValue<long> MaxAckPending { get; set; }                 // max_ack_pending
    public ConfigValue<bool> FlowControl { get; set; }                   // flow_control
    public ConfigValue<long> MaxBatch { get; set; }                      // max_batch
    public ConfigValue<long> MaxExpires { get; set; }                    // max_expires (ns)
    public ConfigValue<long> MaxBytes { get; set; }                      // max_bytes
    public ConfigValue<string> DeliverSubject { get; set; }              // deliver_subject
    public ConfigValue<string> DeliverGroup { get; set; }                // deliver_group
    public ConfigValue<long> IdleHeartbeat { get; set; }                 // idle_heartbeat (ns)
    public ConfigValue<long> InactiveThreshold { get; set; }             // inactive_threshold (ns)
    public ConfigValue<long> NumReplicas { get; set; }                   // num_replicas
    public ConfigValue<bool> MemStorage { get; set; }                    // mem_storage
    public ConfigValue<bool> Direct { get; set; }                        // direct (internal: mirror/source consumers)
    public ConfigValue<long> MetadataBytes { get; set; }                 // metadata
    public ConfigValue<long> MetadataServerKeyBytes { get; set; }        // metadata: bytes of _nats.ver, _nats.level, _nats.req.level
    public ConfigValue<bool> HasPauseUntil { get; set; }                 // pause_until (2.11)
    public ConfigValue<bool> FixedPauseUntil { get; set; }               // pause_until written as a fixed time (a file, a C# constant)
    public ConfigValue<bool> HasPriorityPolicy { get; set; }             // priority_policy other than none (2.11)
    public ConfigValue<IReadOnlyList<string>> PriorityGroups { get; set; } // priority_groups (2.11)
    public ConfigValue<long> PriorityTimeout { get; set; }               // priority_timeout (2.11, ns)

    /// <summary>True for push, false for pull, null when the deliver subject is computed at run time.</summary>
    public bool? IsPush => DeliverSubject.Kind switch
    {
        ValueKind.Absent => false,
        ValueKind.Known => !string.IsNullOrEmpty(DeliverSubject.Value),
        _ => null,
    };

    /// <summary>Durable name if set, else name; null when neither is known.</summary>
    public string? DisplayName => DurableName.IsKnown && !string.IsNullOrEmpty(DurableName.Value)
        ? DurableName.Value
        : Name.IsKnown && !string.IsNullOrEmpty(Name.Value) ? Name.Value : null;
}
