using System.Collections.Generic;

namespace JetStream.Analyzers.Rules.Model;

/// <summary>
/// A stream configuration, normalized from C#, JSON, YAML or a NACK manifest. Durations are nanoseconds,
/// field names in comments are the JetStream API's JSON names.
/// </summary>
public sealed class StreamModel
{
    public StreamKind Kind { get; set; }

    public ConfigOperation Operation { get; set; }

    /// <summary>Where the configuration is created; diagnostics about absent fields go here.</summary>
    public object? Origin { get; set; }

    /// <summary>Bucket name for key-value and object stores; <see cref="Name"/> then holds the derived stream name.</summary>
    public ConfigValue<string> BucketName { get; set; }

    public ConfigValue<string> Name { get; set; }                        // name
    public ConfigValue<string> Description { get; set; }                 // description
    public ConfigValue<IReadOnlyList<string>> Subjects { get; set; }     // subjects
    public ConfigValue<RetentionPolicy> Retention { get; set; }          // retention
    public ConfigValue<long> MaxConsumers { get; set; }                  // max_consumers
    public ConfigValue<long> MaxMsgs { get; set; }                       // max_msgs
    public ConfigValue<long> MaxBytes { get; set; }                      // max_bytes
    public ConfigValue<long> MaxAge { get; set; }                        // max_age (ns)
    public ConfigValue<long> MaxMsgsPerSubject { get; set; }             // max_msgs_per_subject
    public ConfigValue<long> MaxMsgSize { get; set; }                    // max_msg_size
    public ConfigValue<DiscardPolicy> Discard { get; set; }              // discard
    public ConfigValue<StorageType> Storage { get; set; }                // storage
    public ConfigValue<long> NumReplicas { get; set; }                   // num_replicas
    public ConfigValue<bool> NoAck { get; set; }                         // no_ack
    public ConfigValue<long> DuplicateWindow { get; set; }               // duplicate_window (ns)
    public ConfigValue<StreamSourceModel> Mirror { get; set; }           // mirror
    public ConfigValue<IReadOnlyList<StreamSourceModel>> Sources { get; set; } // sources
    public ConfigValue<bool> Sealed { get; set; }                        // sealed
    public ConfigValue<bool> DenyDelete { get; set; }                    // deny_delete
    public ConfigValue<bool> DenyPurge { get; set; }                     // deny_purge
    public ConfigValue<bool> AllowRollupHdrs { get; set; }               // allow_rollup_hdrs
    public ConfigValue<bool> AllowDirect { get; set; }                   // allow_direct
    public ConfigValue<bool> MirrorDirect { get; set; }                  // mirror_direct
    public ConfigValue<bool> DiscardNewPerSubject { get; set; }          // discard_new_per_subject
    public ConfigValue<bool> HasRepublish { get; set; }                  // republish: present (an object)
    public ConfigValue<string> RepublishSource { get; set; }             // republish.src
    public ConfigValue<string> RepublishDestination { get; set; }        // republish.dest
    public ConfigValue<long> MetadataBytes { get; set; }                 // metadata: sum of key and value lengths
    public ConfigValue<long> MetadataServerKeyBytes { get; set; }        // metadata: bytes of _nats.ver, _nats.level, _nats.req.level
    public ConfigValue<string> PlacementCluster { get; set; }            // placement.cluster
    public ConfigValue<IReadOnlyList<string>> PlacementTags { get; set; } // placement.tags
    public ConfigValue<string> PlacementPreferred { get; set; }           // placement.preferred (2.11)
    public ConfigValue<string> TemplateOwner { get; set; }                // template_owner (gone in 2.14)

    // Added after 2.9; JS1101 reports them for older target servers.
    public ConfigValue<bool> Compression { get; set; }                   // compression (2.10): true = s2
    public ConfigValue<long> FirstSequence { get; set; }                 // first_seq (2.10)
    public ConfigValue<bool> HasSubjectTransform { get; set; }           // subject_transform (2.10)
    public ConfigValue<SubjectTransformModel> SubjectTransform { get; set; } // subject_transform (2.10): src, dest
    public ConfigValue<bool> HasConsumerLimits { get; set; }             // consumer_limits (2.10)
    public ConfigValue<long> ConsumerLimitMaxAckPending { get; set; }   // consumer_limits.max_ack_pending (2.10)
    public ConfigValue<long> ConsumerLimitInactiveThreshold { get; set; } // consumer_limits.inactive_threshold (2.10, ns)
    public ConfigValue<bool> AllowMsgTtl { get; set; }                   // allow_msg_ttl (2.11)
    public ConfigValue<long> SubjectDeleteMarkerTtl { get; set; }        // subject_delete_marker_ttl (2.11, ns)
    public ConfigValue<bool> AllowMsgCounter { get; set; }               // allow_msg_counter (2.12)
    public ConfigValue<bool> AllowAtomic { get; set; }                   // allow_atomic (2.12)
    public ConfigValue<bool> AllowMsgSchedules { get; set; }             // allow_msg_schedules (2.12)
    public ConfigValue<bool> AsyncPersist { get; set; }                  // persist_mode: async (2.12)
    public ConfigValue<bool> AllowBatched { get; set; }                  // allow_batched (2.14)

    public bool IsMirror => Mirror.IsKnown;
}
