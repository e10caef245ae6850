using System;
using System.Collections.Generic;
using System.Linq;

namespace JetStream.Analyzers.Rules.Catalog;

/// <summary>The one list of rules. The analyzer, the code fixes, the config-file linter and the docs all read it.</summary>
public static class RuleCatalog
{
    public const string Category = "JetStream";
    public const string HelpLinkBase = "https://github.com/jetstream-analyzers/JetStream.Analyzers/blob/main/rules/";

    public static string HelpLinkFor(string id) => HelpLinkBase + id + ".md";

    public static readonly RuleInfo InvalidConfiguration = new(
        RuleIds.InvalidConfiguration,
        "Invalid JetStream option, severity or server version",
        "{0} is not valid: expected {1}; {2}",
        RuleSeverity.Warning,
        "A jetstream_* option, a severity for the JetStream rules or a target server version that doesn't parse, or is out of range, is not used: the rules keep the default and this diagnostic names the setting, the value and what is accepted.");

    public static readonly RuleInfo ReplicasBelowMinimum = new(
        RuleIds.ReplicasBelowMinimum,
        "Stream has fewer replicas than the production minimum",
        "{0} has {1}, below the production minimum of {2}: a single failed server can lose its messages or stop it from accepting writes. Use at least {2} replicas.",
        RuleSeverity.Warning,
        "A stream on one replica loses its acknowledged messages when that server or its disk fails; with two, one failure stops writes. The minimum is configurable (default 3). An unset replica count means 1.",
        new[] { OptionKeys.MinReplicas },
        hasCodeFix: true);

    public static readonly RuleInfo EvenReplicaCount = new(
        RuleIds.EvenReplicaCount,
        "Stream has an even number of replicas",
        "{0} has {1} replicas, which tolerates no more server failures than {2} replicas; use {3} replicas",
        RuleSeverity.Warning,
        "Raft needs a majority: 2 replicas tolerate no failure (like 1) and 4 tolerate one (like 3), while costing more storage and write latency.",
        new[] { OptionKeys.MinReplicas },
        hasCodeFix: true);

    public static readonly RuleInfo NoMaxBytes = new(
        RuleIds.NoMaxBytes,
        "Stream has no max-bytes limit",
        "{0} has no byte limit ({1}); it grows until the server's storage is full. Set a maximum size.",
        RuleSeverity.Warning,
        "Without max_bytes a stream is bounded only by the account or server storage; when that fills, every stream on the server stops accepting messages.",
        new[] { OptionKeys.DefaultMaxBytes },
        hasCodeFix: true);

    public static readonly RuleInfo NoMaxAge = new(
        RuleIds.NoMaxAge,
        "Stream has no max-age limit",
        "{0} has no age limit ({1}); messages are kept forever unless another limit removes them. Set a maximum age.",
        RuleSeverity.Warning,
        "Without max_age old messages stay until a count or byte limit evicts them, which makes storage use and recovery time grow without bound.",
        new[] { OptionKeys.DefaultMaxAge },
        hasCodeFix: true);

    public static readonly RuleInfo MemoryStorage = new(
        RuleIds.MemoryStorage,
        "Stream uses memory storage",
        "{0} uses memory storage{1}; its messages are lost when the servers restart. Use file storage unless the data is disposable.",
        RuleSeverity.Warning,
        "Memory streams are not written to disk: a restart or a crash of every replica loses them, and they compete with the server for RAM.",
        hasCodeFix: true);

    public static readonly RuleInfo DeleteOrPurgeAllowed = new(
        RuleIds.DeleteOrPurgeAllowed,
        "Stream allows message deletion or purge",
        "{0} allows {1}; one API call can erase its messages. Set {2}.",
        RuleSeverity.Info,
        "Streams listed in jetstream_critical_streams are reported as warnings when deny-delete or deny-purge is off; other streams get a suggestion.",
        new[] { OptionKeys.CriticalStreams },
        hasCodeFix: true);

    public static readonly RuleInfo DiscardNew = new(
        RuleIds.DiscardNew,
        "Stream discards new messages at its limits",
        "{0} uses the discard policy 'new': once a limit is reached the server rejects publishes, so every publisher must handle that error",
        RuleSeverity.Info,
        "With discard new, a full stream answers publishes with an error instead of evicting old messages. Publishers that do not check the publish acknowledgement lose messages silently.");

    public static readonly RuleInfo CriticalStreamWithoutCopy = new(
        RuleIds.CriticalStreamWithoutCopy,
        "Critical stream has no copy",
        "{0} is listed in jetstream_critical_streams, but no defined stream{1} mirrors or sources it; when its cluster or its storage is lost, there is no second copy to recover from. Define a mirror of it, ideally in another cluster or domain.",
        RuleSeverity.Warning,
        "Replicas protect a stream against the loss of single servers, not against the loss of its cluster, a bad operator command or a corrupted store. A mirror or a sourcing stream elsewhere is the disaster-recovery copy. Checked across all definitions linted together, or all of a compilation.",
        new[] { OptionKeys.CriticalStreams });

    public static readonly RuleInfo SourceNotDefined = new(
        RuleIds.SourceNotDefined,
        "Mirror or source names a stream no definition provides",
        "{0} {1} stream '{2}', which {3} provides{4}; the server accepts this and keeps retrying, so nothing is copied until a stream of that name exists. Define it, check the name, or set external.api when it lives in another account or domain.",
        RuleSeverity.Warning,
        "A mirror or source of a missing stream is not an error for the server: the stream is created and its mirror or source stays inactive. A misspelled name therefore goes unnoticed until someone looks for the copied messages. Sources with an external API prefix (another account or domain) are provided elsewhere and not checked. A compilation is not every stream there is, so in C# only a name that looks like a typo of a stream the compilation defines is reported.");

    public static readonly RuleInfo DuplicateWindowOffWithSources = new(
        RuleIds.DuplicateWindowOffWithSources,
        "Sourcing stream has no duplicate window",
        "{0} has sources and no {1}; NATS server {2} then sets it to 0, which turns message-ID de-duplication off, for the stream's own publishes as well. Set {1} explicitly, e.g. to 2m.",
        RuleSeverity.Warning,
        "From nats-server 2.14 a stream with sources gets no default duplicate window (it stays 0 instead of 2 minutes), so a publish retried with the same Nats-Msg-Id is stored twice. Older servers give it the 2-minute default.",
        new[] { OptionKeys.ServerVersion },
        hasCodeFix: true);

    public static readonly RuleInfo InterestStreamWithoutConsumer = new(
        RuleIds.InterestStreamWithoutConsumer,
        "Interest stream has no consumer",
        "{0} has interest retention, but {1}{2} reads it (no consumer, mirror or source); the server drops each message as soon as it is stored. Define its consumers, or use limits retention.",
        RuleSeverity.Info,
        "An interest-retention stream keeps a message only while a consumer still has to receive it. With no consumer every message is removed on arrival, so publishers get a successful acknowledgement for messages nobody will ever read. Reported only where the consumers are all known: the files linted together, or a compilation that defines consumers.");

    public static readonly RuleInfo WorkQueueSubjectsNotConsumed = new(
        RuleIds.WorkQueueSubjectsNotConsumed,
        "Work-queue subjects no consumer takes",
        "{0} has subject '{1}', but {2}; those messages are never consumed and pile up until the stream's limits drop them. Add a consumer for them, or narrow the stream's subjects.",
        RuleSeverity.Warning,
        "On a work-queue stream a message is removed only when a consumer acknowledges it. Messages that match no consumer's filter stay until max_msgs, max_bytes or max_age remove them, and when discard is new, the full stream refuses further publishes. Reported only where the consumers are all known: the files linted together, or a compilation that defines consumers.");

    public static readonly RuleInfo StreamSettingRewritten = new(
        RuleIds.StreamSettingRewritten,
        "The server silently rewrites a stream setting",
        "{0} sets {1} without {2}; NATS server {3} silently {4}. {5}",
        RuleSeverity.Warning,
        "From nats-server 2.11.2 a subject delete marker TTL turns message TTLs and roll-ups on, and from 2.12 message schedules turn roll-ups on; turning roll-ups on clears deny_purge. The stream then runs settings the definition does not show: any publisher can purge a subject with a roll-up header.",
        new[] { OptionKeys.ServerVersion },
        hasCodeFix: true);

    public static readonly RuleInfo StreamRejectedByServer = new(
        RuleIds.StreamRejectedByServer,
        "The server rejects this stream configuration",
        "{0} is rejected by NATS server {1}: {2}",
        RuleSeverity.Error,
        "The configuration breaks a rule nats-server checks when the stream is created or updated, so the call fails at run time.",
        new[] { OptionKeys.ServerVersion });

    public static readonly RuleInfo StreamSettingIgnoredByServer = new(
        RuleIds.StreamSettingIgnoredByServer,
        "Stream setting is not supported by the target server version",
        "{0} sets {1}, which NATS server {2} does not know and silently drops (it needs {3} or later)",
        RuleSeverity.Warning,
        "Servers before 2.12 ignore JSON fields they do not know, so a setting added in a later release has no effect on an older server. From 2.12 unknown fields are rejected; a target of 2.12 or later that lacks the setting gets JS1100 instead.",
        new[] { OptionKeys.ServerVersion });

    public static readonly RuleInfo NoBackoff = new(
        RuleIds.NoBackoff,
        "Acknowledging consumer has no backoff",
        "{0} acknowledges messages but has no backoff; a failing message is redelivered every {1}. Set a backoff schedule.",
        RuleSeverity.Warning,
        "Without backoff every redelivery comes after the same ack wait, so a burst of failures turns into a steady redelivery storm.",
        new[] { OptionKeys.DefaultBackoff, OptionKeys.DefaultMaxDeliver, OptionKeys.ServerVersion },
        hasCodeFix: true);

    public static readonly RuleInfo UnlimitedMaxDeliver = new(
        RuleIds.UnlimitedMaxDeliver,
        "Acknowledging consumer redelivers without limit",
        "{0} has no max-deliver limit ({1}); a message that always fails is redelivered forever. Set a maximum number of deliveries.",
        RuleSeverity.Warning,
        "With the server default (-1) a poison message is redelivered until it expires from the stream, blocking work-queue consumers and wasting capacity.",
        new[] { OptionKeys.DefaultMaxDeliver },
        hasCodeFix: true);

    public static readonly RuleInfo ExcessiveFilterSubjects = new(
        RuleIds.ExcessiveFilterSubjects,
        "Consumer has too many filter subjects",
        "{0} has {1} filter subjects (more than {2}); each one adds matching work on the server for every message. Use fewer, broader filters or wildcards.",
        RuleSeverity.Warning,
        "Consumers with many filter subjects are slow to create and to deliver; NATS maintainers advise a handful per consumer.",
        new[] { OptionKeys.MaxFilterSubjects });

    public static readonly RuleInfo PushWithoutHeartbeat = new(
        RuleIds.PushWithoutHeartbeat,
        "Push consumer has no idle heartbeat",
        "{0} is a push consumer without an idle heartbeat; a lost subscription or a stalled consumer goes unnoticed. Set an idle heartbeat.",
        RuleSeverity.Warning,
        "Heartbeats let the client detect that the server stopped delivering (for example after a leader change) and recover.",
        hasCodeFix: true);

    public static readonly RuleInfo PushWithoutFlowControl = new(
        RuleIds.PushWithoutFlowControl,
        "Push consumer has no flow control",
        "{0} is a push consumer without flow control; a slow subscriber is overrun and becomes a slow consumer. Enable flow control.",
        RuleSeverity.Warning,
        "Flow control lets the server pace a push consumer to what the subscriber can take; without it messages are dropped as slow-consumer overflow and redelivered later (or lost, with ack policy none).",
        hasCodeFix: true);

    public static readonly RuleInfo ShortAckWait = new(
        RuleIds.ShortAckWait,
        "Consumer ack wait is implausibly short",
        "{0} redelivers a message that is not acknowledged within {1}, below the minimum of {2}; messages still being processed are delivered again{3}",
        RuleSeverity.Warning,
        "When the ack wait is shorter than the processing time, every message is delivered again while it is still being handled. With backoff the first backoff value is the effective ack wait.",
        new[] { OptionKeys.MinAckWait });

    public static readonly RuleInfo ConsumerLessDurableThanStream = new(
        RuleIds.ConsumerLessDurableThanStream,
        "Durable consumer is less durable than its stream",
        "{0} {1}, while its stream '{2}' {3}; {4}",
        RuleSeverity.Warning,
        "A consumer's delivery state (position, pending acknowledgements, redelivery counts) is only as safe as its own replicas and storage. A consumer with fewer replicas than its replicated stream, or in memory on a file stream, loses that state in failures the stream's messages survive. On interest and work-queue streams the server refuses different replica counts (JS2100).");

    public static readonly RuleInfo UnlimitedAckPending = new(
        RuleIds.UnlimitedAckPending,
        "Acknowledging consumer has no limit on pending acknowledgements",
        "{0} has {1} -1, so the server delivers without limit while earlier messages wait for their acknowledgement; a slow or stuck subscriber holds every message and redeliveries pile up. Set a limit, e.g. {2}.",
        RuleSeverity.Warning,
        "max_ack_pending is the consumer's flow control: once that many messages are unacknowledged, delivery pauses. With -1 nothing pauses it, so one stalled client can take the whole stream and the server tracks every outstanding message.",
        hasCodeFix: true);

    public static readonly RuleInfo UnboundedPullRequests = new(
        RuleIds.UnboundedPullRequests,
        "Pull consumer accepts unbounded pull requests",
        "{0} {1}; every waiting pull request holds memory on the server. {2}",
        RuleSeverity.Warning,
        "A pull consumer keeps up to max_waiting pull requests, each as large as max_batch, max_bytes and max_expires allow. A high max_waiting, or no cap on any of them, lets clients make the server hold arbitrarily many and arbitrarily long requests; nats-server 2.9.10 tries to allocate 16 GiB for max_waiting 2147483648.",
        new[] { OptionKeys.MaxWaiting },
        hasCodeFix: true);

    public static readonly RuleInfo DurableWithInactiveThreshold = new(
        RuleIds.DurableWithInactiveThreshold,
        "Durable consumer is deleted after inactivity",
        "{0} is durable but has {1} {2}: the server deletes it, with its position and its unacknowledged messages, when no client uses it for {2}, for example during an outage. Remove {1} if the consumer must survive outages.",
        RuleSeverity.Warning,
        "A durable consumer is meant to keep its position while no client is connected. With an inactive threshold the server deletes it once nobody has pulled or subscribed for that long, so after an outage longer than the threshold the consumer starts over (or is recreated at its deliver policy) and messages are skipped or delivered again.");

    public static readonly RuleInfo ConsumerSettingWithoutEffect = new(
        RuleIds.ConsumerSettingWithoutEffect,
        "Consumer setting has no effect",
        "{0} sets {1}, which has no effect: {2}",
        RuleSeverity.Info,
        "Settings the server accepts and then ignores or overwrites: a backoff with ack policy none (nothing is redelivered), an ack wait other than the first backoff value (the server replaces it with that value), and a heartbeat under the flow_control ack policy (2.14+, the server uses 1s). The definition then says something the consumer does not do.",
        new[] { OptionKeys.ServerVersion },
        hasCodeFix: true);

    public static readonly RuleInfo LiteralPauseUntil = new(
        RuleIds.LiteralPauseUntil,
        "Consumer definition pauses the consumer until a fixed time",
        "{0} sets {1} to a fixed time; every apply of this definition pauses the consumer again until then (or does nothing once the time has passed). Pause and resume consumers with the pause API instead.",
        RuleSeverity.Info,
        "pause_until in a definition that is applied repeatedly (a deployment, a GitOps sync) pauses the consumer at every apply, long after the pause was meant to end, and the date turns into dead configuration afterwards.");

    public static readonly RuleInfo ConsumerRejectedByServer = new(
        RuleIds.ConsumerRejectedByServer,
        "The server rejects this consumer configuration",
        "{0} is rejected by NATS server {1}: {2}",
        RuleSeverity.Error,
        "The configuration breaks a rule nats-server checks when the consumer is created or updated, so the call fails at run time.",
        new[] { OptionKeys.ServerVersion },
        hasCodeFix: true);

    public static readonly RuleInfo ConsumerSettingIgnoredByServer = new(
        RuleIds.ConsumerSettingIgnoredByServer,
        "Consumer setting is not supported by the target server version",
        "{0} sets {1}, which NATS server {2} does not know and silently drops (it needs {3} or later){4}",
        RuleSeverity.Error,
        "Servers before 2.12 ignore JSON fields they do not know. For consumers this changes behaviour: a consumer whose only filter is in filter_subjects becomes unfiltered on 2.9 and receives every message of the stream.",
        new[] { OptionKeys.ServerVersion });

    public static readonly RuleInfo InfoRequestInLoop = new(
        RuleIds.InfoRequestInLoop,
        "JetStream info request inside a loop",
        "{0} sends a {1} request{2} {3}; repeated API requests load the cluster and start to time out at scale. {4}",
        RuleSeverity.Warning,
        "GetStreamAsync, GetConsumerAsync, RefreshAsync, GetStoreAsync, GetObjectStoreAsync and GetAccountInfoAsync each send a JetStream API request that the stream or consumer leader must answer. Made once per message or loop iteration, these requests pile up on the cluster until they time out. Message metadata carries the consumer's pending and delivery counts.");

    public static readonly RuleInfo ConsumerCreatedInMessageLoop = new(
        RuleIds.ConsumerCreatedInMessageLoop,
        "Consumer created or updated inside a message loop",
        "{0} {1} {2} for every message of the loop over {3}; each call is a CONSUMER.CREATE request the cluster must replicate{4}. Create or update the consumer once, before the loop.",
        RuleSeverity.Warning,
        "Creating or updating a consumer is a replicated JetStream API operation. Done per message it slows every message down, loads the meta leader, and leaves a trail of consumers on the server until they expire.");

    public static readonly RuleInfo UncheckedPublishAck = new(
        RuleIds.UncheckedPublishAck,
        "JetStream publish acknowledgement is not checked",
        "The acknowledgement of {0} is {1}; NATS.Net does not throw when the server answers with an error (wrong expected sequence, stream full, no stream for the subject), so a failed publish goes unnoticed. Call EnsureSuccess() on it, or check IsSuccess(), Error or Duplicate.",
        RuleSeverity.Warning,
        "INatsJSContext.PublishAsync throws only when no answer arrives. An error the server puts in the PubAckResponse (for example a failed expected-sequence check, or a full stream with discard new) and a duplicate are returned, not thrown.",
        hasCodeFix: true);

    public static readonly RuleInfo RetriedPublishWithoutMsgId = new(
        RuleIds.RetriedPublishWithoutMsgId,
        "Retried publish without a stable message ID",
        "{0} is retried by {1} {2}; when an attempt times out after the server stored the message, the retry stores it a second time. {3}",
        RuleSeverity.Warning,
        "A publish that times out may still have been stored. The stream drops a retried message only when it carries the same Nats-Msg-Id (NatsJSPubOpts.MsgId) as the first attempt and arrives within the stream's duplicate window.");

    public static readonly RuleInfo NakWithoutDelay = new(
        RuleIds.NakWithoutDelay,
        "Message negatively acknowledged without a delay",
        "{0} without a delay {1} makes the server redeliver the message at once; the consumer's backoff does not apply to naks, so a message that keeps failing is retried in a tight loop. Pass a delay, e.g. NakAsync(TimeSpan.FromSeconds(5)).",
        RuleSeverity.Warning,
        "A NAK without a delay asks for immediate redelivery. The consumer's backoff and ack wait apply only to messages that are not acknowledged, never to naks, so after a failure the same message comes straight back while the cause (a down dependency, a bad payload) is still there.",
        new[] { OptionKeys.DefaultNakDelay },
        hasCodeFix: true);

    public static readonly RuleInfo UnacknowledgedMessage = new(
        RuleIds.UnacknowledgedMessage,
        "Consumed message is not acknowledged on every path",
        "Message '{0}' from {1} is not acknowledged on {2}; the server redelivers it only after the ack wait (30s unless AckWait says otherwise), and until then it counts against the consumer's max ack pending. Call AckAsync, NakAsync or AckTerminateAsync on every path.",
        RuleSeverity.Warning,
        "With ack policy explicit (NATS.Net's default) every delivered message must be acknowledged, negatively acknowledged or terminated. A message left alone is redelivered after the ack wait, and enough of them stop delivery once max ack pending is reached.");

    public static readonly RuleInfo ConnectionPerIteration = new(
        RuleIds.ConnectionPerIteration,
        "NATS connection created per message or loop iteration",
        "{0} is created {1}; every connection opens a TCP (and TLS) session, authenticates and starts its own reader and writer tasks. Create one connection at startup and share it; it is thread-safe.",
        RuleSeverity.Warning,
        "A NATS connection is meant to live as long as the application and to be shared. Connecting per message multiplies latency, load on the servers and sockets in TIME_WAIT.");

    public static readonly RuleInfo OrderedConsumerAck = new(
        RuleIds.OrderedConsumerAck,
        "Acknowledgement on a message of an ordered consumer",
        "{0} is called on a message of {1}; ordered consumers use ack policy none, so the server ignores it{2}, and after the client has recreated the consumer a double-ack fails with 'no responders'. Remove the call.",
        RuleSeverity.Warning,
        "An ordered consumer is an ephemeral consumer with ack policy none that the client recreates on every gap. Acknowledgements have no effect on it, and code that relies on them (NAK for a retry, terminate to stop redelivery) does not do what it says.",
        hasCodeFix: true);

    public static readonly RuleInfo FileNotParsable = new(
        RuleIds.FileNotParsable,
        "Configuration file can't be parsed",
        "The file can't be parsed: {0}",
        RuleSeverity.Error,
        "A stream or consumer file with a JSON or YAML syntax error, an empty file, a binary or oversized file: nothing in it can be checked, and the tools that apply it will fail.");

    public static readonly RuleInfo UnknownField = new(
        RuleIds.UnknownField,
        "Unknown field in a configuration file",
        "{0} has an unknown field '{1}'{2}; {3}",
        RuleSeverity.Warning,
        "Servers before 2.12 and the nats CLI drop fields they don't know, so a misspelled 'max_bytes' leaves the stream unbounded without any error. From 2.12 the server rejects unknown fields; the finding is then an error.",
        new[] { OptionKeys.ServerVersion });

    public static readonly RuleInfo InvalidValue = new(
        RuleIds.InvalidValue,
        "Value has the wrong type or is not allowed",
        "{0}: '{1}' must be {2}, not {3}",
        RuleSeverity.Error,
        "A value of the wrong JSON type, an enum value the server doesn't know (they are case-sensitive) or a number out of range makes the server answer 'invalid JSON'.");

    public static readonly RuleInfo DuplicateDefinition = new(
        RuleIds.DuplicateDefinition,
        "Stream or consumer defined more than once",
        "{0} is defined more than once: here and in {1}",
        RuleSeverity.Error,
        "Two definitions of the same stream, or of the same consumer on one stream, overwrite each other when applied; which one wins depends on the order in which they are applied. In C#, where code often creates a stream where it uses it, only definitions that differ in a setting known on both sides are reported.");

    public static readonly RuleInfo ConsumerWithoutStream = new(
        RuleIds.ConsumerWithoutStream,
        "Consumer for a stream no definition creates",
        "{0} {1}",
        RuleSeverity.Warning,
        "Creating a consumer fails with 'stream not found' unless the stream exists. When the stream is defined in another file, lint that file too so that the checks across definitions can run; in C#, where other services may create the stream, only a name that is a near miss of a stream the compilation creates is reported.");

    public static readonly RuleInfo OverlappingStreamSubjects = new(
        RuleIds.OverlappingStreamSubjects,
        "Subjects of two streams overlap",
        "{0} has subject '{1}', which overlaps subject '{2}' of {3} in {4}; the server refuses the second stream ('subjects overlap with an existing stream')",
        RuleSeverity.Error,
        "A message subject can be captured by only one stream in an account, so the second stream to be created fails. Key-value buckets own $KV.<bucket>.> and object stores $O.<bucket>.>.");

    public static readonly RuleInfo OverlappingWorkQueueConsumers = new(
        RuleIds.OverlappingWorkQueueConsumers,
        "Work-queue stream consumers overlap",
        "{0} on work-queue stream '{1}' {2}",
        RuleSeverity.Error,
        "On a work-queue stream each message goes to exactly one consumer, so the server refuses a consumer whose filter overlaps another's, and a second unfiltered consumer.");

    public static readonly RuleInfo FilterOutsideStream = new(
        RuleIds.FilterOutsideStream,
        "Consumer filter outside its stream's subjects",
        "{0} filters on '{1}', which no subject of stream '{2}' ({3}) can match; the consumer would never receive a message",
        RuleSeverity.Error,
        "A filter that matches none of the stream's subjects selects nothing: the consumer stays empty forever (servers before 2.10 refuse it outright).");

    public static readonly RuleInfo NotAJetStreamDefinition = new(
        RuleIds.NotAJetStreamDefinition,
        "File is not a stream or consumer definition",
        "The file has no stream or consumer definition the linter recognizes: {0}",
        RuleSeverity.Warning,
        "A file listed for linting that is neither JetStream API JSON/YAML (a stream or consumer config, its info output, or a create request) nor a NACK manifest is reported instead of being skipped silently.");

    public static readonly RuleInfo DurationInSeconds = new(
        RuleIds.DurationInSeconds,
        "Duration looks like seconds but is read as nanoseconds",
        "{0}: '{1}' is {2} nanoseconds ({3}); JetStream API durations are nanoseconds, so for {2} seconds write {4}",
        RuleSeverity.Warning,
        "The JetStream API writes durations as integer nanoseconds. A small value such as 86400 is almost always meant as seconds and makes the setting a million times shorter than intended.");

    public static readonly RuleInfo FindingsNotListed = new(
        RuleIds.FindingsNotListed,
        "More findings of one rule in a file than are listed",
        "{0} more {1} findings in this file are not listed after the first {2}; fix those and build again to see the rest",
        RuleSeverity.Warning,
        "A file that breaks one rule hundreds of times (the same stream pasted into 2,000 documents, a subject list where every entry overlaps every other) would bury the build log; past 100 findings of one rule in one file, one summary counts the rest. It takes the severity of the rule it counts.");

    public static readonly RuleInfo ServerUnreachable = new(
        RuleIds.ServerUnreachable,
        "Live server can't be checked",
        "Can't check the JetStream definitions against {0}: {1}",
        RuleSeverity.Error,
        "The live cross-check (JetStreamServer) couldn't connect, authenticate, reach the JetStream API or get an answer within JetStreamTimeout. Nothing was compared, so drift and limit problems stay hidden until the definitions are applied.");

    public static readonly RuleInfo MissingOnServer = new(
        RuleIds.MissingOnServer,
        "Stream or consumer is not on the server",
        "{0} is not on the server {1}{2}",
        RuleSeverity.Warning,
        "A definition in the repository that the server doesn't have: it was never applied, was deleted by hand, or lives under another name, account or domain.");

    public static readonly RuleInfo DriftFromServer = new(
        RuleIds.DriftFromServer,
        "Definition differs from the server",
        "{0} differs from the server {1}: {2}",
        RuleSeverity.Warning,
        "The server runs settings other than the ones in the file, after the server's defaults are applied to the file. Somebody changed the server by hand, or the file was edited and not applied; applying the file would change the listed fields.");

    public static readonly RuleInfo ReplicasAboveClusterSize = new(
        RuleIds.ReplicasAboveClusterSize,
        "More replicas than the server's cluster can place",
        "{0} asks for {1}, but {2}; the server refuses it ({3})",
        RuleSeverity.Error,
        "Each replica needs its own JetStream server in the stream's cluster. A replica count above the number of servers, or a placement naming another cluster, can't be satisfied, and creating or scaling the stream fails.");

    public static readonly RuleInfo AccountLimitExceeded = new(
        RuleIds.AccountLimitExceeded,
        "Definitions exceed the account's JetStream limits",
        "{0} {1}; the account's limit is {2}, so the server refuses it ('{3}')",
        RuleSeverity.Error,
        "The account the live check connects as has JetStream limits: required max_bytes, a largest stream size, total memory and file storage, a number of streams and of consumers per stream. Definitions beyond them fail when they are applied.");

    public static readonly RuleInfo UnsupportedByServerVersion = new(
        RuleIds.UnsupportedByServerVersion,
        "Setting not supported by the connected server's version",
        "{0} (the server at {1} runs nats-server {2})",
        RuleSeverity.Error,
        "The connected server is older than the release that added a field or value the file uses. Servers before 2.12 drop unknown fields silently, so the definition is applied without the setting: a consumer whose filter is in filter_subjects becomes unfiltered on 2.9.");

    public static readonly RuleInfo OverlapsUndefinedServerStream = new(
        RuleIds.OverlapsUndefinedServerStream,
        "Subjects overlap a stream on the server that no file defines",
        "{0} has subject '{1}', which overlaps subject '{2}' of stream '{3}' on the server {4}, which no file defines; the server refuses the stream ('subjects overlap with an existing stream')",
        RuleSeverity.Error,
        "Within an account a subject can be stored by one stream only. A stream created by hand or by another tool already captures some of the file's subjects, so creating or updating the file's stream fails.");

    public static readonly RuleInfo ServerStreamNotDefined = new(
        RuleIds.ServerStreamNotDefined,
        "Stream on the server is not defined in the repository",
        "Stream '{0}' on the server {1} is not defined by any JetStreamConfig file{2}",
        RuleSeverity.Info,
        "A stream that exists only on the server is unmanaged: it was created by hand, by an application or by another repository, and nothing here reviews its limits. Add its definition or leave it to its owner.");

    public static readonly RuleInfo ImmutableFieldChanged = new(
        RuleIds.ImmutableFieldChanged,
        "Applying the definition changes a field the server can't update",
        "{0} changes {1} from {2} on the server to {3}, which can't change on an existing {4}: the update fails ('{5}'){6}",
        RuleSeverity.Error,
        "Some settings are fixed when a stream or consumer is created: storage, work-queue retention, a mirror, the deny-delete, deny-purge and sealed protections, and a consumer's delivery, ack and replay policies, start position and push or pull mode. Changing them in the file makes the update fail, and the only way through is to delete and recreate the asset, losing its messages or delivery state.");

    public static readonly RuleInfo ConsumerLag = new(
        RuleIds.ConsumerLag,
        "Consumer falls behind its stream",
        "{0} has {1} messages not yet delivered (num_pending), above the threshold of {2}: its subscribers don't keep up with the publishers. Add subscribers or make processing faster, or check that the application is running.",
        RuleSeverity.Warning,
        "num_pending counts the stream's messages that match the consumer and were not delivered yet. A count that stays above the threshold means the consumer's subscribers are slower than the publishers, stopped, or gone. The threshold is configurable (default 10,000).",
        new[] { OptionKeys.MaxConsumerPending });

    public static readonly RuleInfo ConsumerStalled = new(
        RuleIds.ConsumerStalled,
        "Consumer stalled at its max_ack_pending",
        "{0} has {1} messages delivered and not acknowledged, its max_ack_pending of {2}: the server delivers nothing more until some are acknowledged{3}. Find out why messages are not acknowledged (processing errors, a missing ack), then raise ack_wait or max_ack_pending if processing is just slow.",
        RuleSeverity.Warning,
        "A consumer stops delivering once max_ack_pending messages wait for an acknowledgement. Subscribers that fail without acknowledging, or take longer than ack_wait, keep it there: the consumer makes no progress while it looks connected.");

    public static readonly RuleInfo HighRedelivery = new(
        RuleIds.HighRedelivery,
        "Consumer redelivers many of its messages",
        "{0} has {1} redelivered messages waiting for an acknowledgement (num_redelivered), {2} of its {3} deliveries, above the threshold of {4}: messages are negatively acknowledged or not acknowledged within ack_wait. Fix the processing errors, or raise ack_wait if processing takes longer.",
        RuleSeverity.Warning,
        "num_redelivered counts the messages waiting for an acknowledgement that were delivered more than once. A high share of the deliveries means subscribers reject (nak) messages or let ack_wait pass; each redelivery costs the processing again and delays the messages behind it. The threshold is a share of delivered.consumer_seq (default 0.05).",
        new[] { OptionKeys.MaxRedeliveredRatio });

    public static readonly RuleInfo StreamNearLimit = new(
        RuleIds.StreamNearLimit,
        "Stream with discard new is full or nearly full",
        "{0} holds {1} and discards new messages at its limits: {2}. Raise the limit, remove messages that are no longer needed, or switch the discard policy to 'old' if old messages may go.",
        RuleSeverity.Warning,
        "With discard new, a stream that reaches max_msgs or max_bytes answers every further publish with an error ('maximum messages exceeded', 'maximum bytes exceeded'). Reported when the stream holds at least the configured share of a limit (default 0.95). Streams with discard old remove their oldest messages at a limit, which is what they are configured to do, so they are not reported.",
        new[] { OptionKeys.StreamFillWarning });

    public static readonly RuleInfo UpstreamBehind = new(
        RuleIds.UpstreamBehind,
        "Mirror or source falls behind its origin",
        "{0} {1}: {2}. Check that the origin stream exists and that this server can reach it (the domain, API prefix, account export and the connection to the origin's servers).",
        RuleSeverity.Warning,
        "A mirror or sourced stream copies messages from its origin. Reported when it is more messages behind than the threshold (default 10,000), when the server reports an error for the origin, or when the origin was not heard from for longer than the inactivity threshold (default 1m), including never.",
        new[] { OptionKeys.MaxMirrorLag, OptionKeys.MaxMirrorInactive });

    public static readonly RuleInfo ReplicaBehind = new(
        RuleIds.ReplicaBehind,
        "Replica behind, offline or without a leader",
        "{0} {1}. Check that the servers of cluster '{2}' are running and can reach each other, and that they have disk space.",
        RuleSeverity.Warning,
        "A replicated stream or consumer needs a leader to accept writes or acknowledgements, and current replicas to survive the loss of a server. A replica the leader reports offline or not current (with the entries it is behind) lowers the number of failures the asset tolerates; without a leader it is unavailable.");

    public static readonly RuleInfo TooManyConsumers = new(
        RuleIds.TooManyConsumers,
        "Too many consumers on a stream or in the account",
        "{0} has {1}, above the threshold of {2}: info and list requests slow down and every consumer costs the servers memory and Raft traffic. Remove consumers nobody reads from (set inactive_threshold on ephemeral and short-lived ones) or let applications share durable consumers.",
        RuleSeverity.Warning,
        "Each consumer is state the servers keep, replicate and scan. Past a few thousand on one stream, and a hundred thousand in an account, consumer info and list calls slow down. The thresholds are configurable (default 1,000 per stream and 100,000 in the account).",
        new[] { OptionKeys.MaxConsumersPerStream, OptionKeys.MaxConsumersPerAccount });

    public static readonly RuleInfo AccountNearLimit = new(
        RuleIds.AccountNearLimit,
        "Account near its JetStream memory or storage limit",
        "{0} uses {1} of its {2} limit of {3} ({4}), at or above the threshold of {5}: once it is full, streams that grow are refused messages. Raise the account's limit, or lower max_bytes and max_age of its streams.",
        RuleSeverity.Warning,
        "An account's streams share its JetStream memory and storage limits (per replica tier on a tiered account). Reported when the use reaches the configured share of a limit (default 0.9).",
        new[] { OptionKeys.AccountFillWarning });

    public static IReadOnlyList<RuleInfo> All { get; } = new[]
    {
        InvalidConfiguration,
        ReplicasBelowMinimum, EvenReplicaCount, NoMaxBytes, NoMaxAge, MemoryStorage, DeleteOrPurgeAllowed, DiscardNew,
        CriticalStreamWithoutCopy, SourceNotDefined, DuplicateWindowOffWithSources, InterestStreamWithoutConsumer,
        WorkQueueSubjectsNotConsumed, StreamSettingRewritten,
        StreamRejectedByServer, StreamSettingIgnoredByServer,
        NoBackoff, UnlimitedMaxDeliver, ExcessiveFilterSubjects, PushWithoutHeartbeat, PushWithoutFlowControl, ShortAckWait,
        ConsumerLessDurableThanStream, UnlimitedAckPending, UnboundedPullRequests, DurableWithInactiveThreshold, ConsumerSettingWithoutEffect, LiteralPauseUntil,
        ConsumerRejectedByServer, ConsumerSettingIgnoredByServer,
        InfoRequestInLoop, ConsumerCreatedInMessageLoop, UncheckedPublishAck, RetriedPublishWithoutMsgId, NakWithoutDelay,
        UnacknowledgedMessage, ConnectionPerIteration, OrderedConsumerAck,
        FileNotParsable, UnknownField, InvalidValue, DuplicateDefinition, ConsumerWithoutStream, OverlappingStreamSubjects,
        OverlappingWorkQueueConsumers, FilterOutsideStream, NotAJetStreamDefinition, DurationInSeconds, FindingsNotListed,
        ServerUnreachable, MissingOnServer, DriftFromServer, ReplicasAboveClusterSize, AccountLimitExceeded,
        UnsupportedByServerVersion, OverlapsUndefinedServerStream, ServerStreamNotDefined, ImmutableFieldChanged,
        ConsumerLag, ConsumerStalled, HighRedelivery, StreamNearLimit, UpstreamBehind, ReplicaBehind, TooManyConsumers, AccountNearLimit,
    };

    private static readonly Dictionary<string, RuleInfo> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static RuleInfo Get(string id) => ById[id];

    public static bool TryGet(string id, out RuleInfo rule) => ById.TryGetValue(id, out rule!);
}
