using System.Collections.Generic;
using System.Linq;
using System.Text;
using JetStream.Analyzers.Rules.Catalog;
using JetStream.Analyzers.Rules.Evaluation;
using JetStream.Analyzers.Rules.Model;
using JetStream.Analyzers.Rules.Text;

namespace JetStream.Analyzers.Rules.Streams;

/// <summary>
/// JS1100: the checks nats-server applies to a stream configuration on its own (no other stream, account or
/// cluster involved), for the target server version. Reasons quote the server's error text.
/// </summary>
public sealed class ServerRejectsStream : StreamRule
{
    private const int MaxNameLength = 255;
    private const int MaxDescriptionLength = 4096;
    private const int MaxMetadataBytes = 128 * 1024;
    private const int MaxReplicas = 5;

    public override RuleInfo Rule => RuleCatalog.StreamRejectedByServer;

    public override void Evaluate(StreamModel stream, RuleContext context, ICollection<Finding> findings)
    {
        var checker = new Checker(this, stream, context, findings);
        checker.Name();
        checker.Sizes();
        checker.Replicas();
        checker.Durations();
        checker.Flags();
        checker.Mirror();
        checker.CreateOnly();
        checker.SubjectList();
        checker.Republish();
        checker.Sources();
        checker.ExternalPrefixes();
        checker.Cycles();
        checker.NewerFeatures();
    }

    private readonly struct Checker
    {
        private readonly ServerRejectsStream rule;
        private readonly StreamModel s;
        private readonly ServerVersion v;
        private readonly ICollection<Finding> findings;
        private readonly string subject;

        public Checker(ServerRejectsStream rule, StreamModel stream, RuleContext context, ICollection<Finding> findings)
        {
            this.rule = rule;
            s = stream;
            v = context.ServerVersion;
            this.findings = findings;
            subject = Describe.Stream(stream);
        }

        public void Name()
        {
            if (!s.Name.TryGet(out var name))
            {
                return;
            }

            var withSeparators = v.AtLeast(2, 12, 8);
            if (string.IsNullOrEmpty(name) || name.IndexOfAny(new[] { '.', '*', '>', ' ', '\t', '\r', '\n', '\f' }) >= 0
                || withSeparators && name.IndexOfAny(new[] { '\\', '/' }) >= 0)
            {
                Reject(s.Name, withSeparators
                    ? "stream name is required and can not contain '.', '*', '>', '\\', '/'"
                    : "stream name is required and can not contain '.', '*', '>'");
            }
            else if (name.IndexOfAny(new[] { '\\', '/' }) >= 0)
            {
                Reject(s.Name, "Stream name can not contain path separators");
            }

            if (Encoding.UTF8.GetByteCount(name ?? string.Empty) > MaxNameLength)
            {
                Reject(s.Name, $"stream name is too long, maximum allowed is {MaxNameLength}");
            }
        }

        public void Sizes()
        {
            if (s.Description.TryGet(out var description) && description is not null && Encoding.UTF8.GetByteCount(description) > MaxDescriptionLength)
            {
                Reject(s.Description, $"stream description is too long, maximum allowed is {MaxDescriptionLength}");
            }

            if (v.AtLeast(2, 10) && Describe.ServerMetadataBytes(s.MetadataBytes, s.MetadataServerKeyBytes, v) is { } metadata && metadata > MaxMetadataBytes)
            {
                Reject(s.MetadataBytes, $"stream metadata exceeds maximum size of {MaxMetadataBytes} bytes ({metadata} bytes as the server counts them)");
            }
        }

        public void Replicas()
        {
            if (!s.NumReplicas.TryGet(out var replicas))
            {
                return;
            }

            if (replicas > MaxReplicas)
            {
                Reject(s.NumReplicas, $"maximum replicas is {MaxReplicas} (this stream asks for {replicas})");
            }
            else if (replicas < 0)
            {
                Reject(s.NumReplicas, "replicas count cannot be negative");
            }
        }

        public void Durations()
        {
            var maxAge = s.MaxAge.Effective(0);
            var window = s.DuplicateWindow.Effective(0);
            if (maxAge is { } age)
            {
                if (age < 0)
                {
                    Reject(s.MaxAge, NegativeMaxAge(window));
                }
                else if (age > 0 && age < 100 * Text.Durations.Millisecond)
                {
                    Reject(s.MaxAge, $"max age needs to be >= 100ms (is {Text.Durations.Format(age)})");
                }
            }

            if (window is not { } w || s.DuplicateWindow.IsAbsent)
            {
                return;
            }

            if (w < 0)
            {
                Reject(s.DuplicateWindow, "duplicates window can not be negative");
            }
            else if (maxAge is > 0 && w > maxAge)
            {
                Reject(s.DuplicateWindow, $"duplicates window can not be larger then max age ({Text.Durations.Format(w)} > {Text.Durations.Format(maxAge.Value)})");
            }
            else if (w > 0 && w < 100 * Text.Durations.Millisecond)
            {
                Reject(s.DuplicateWindow, $"duplicates window needs to be >= 100ms (is {Text.Durations.Format(w)})");
            }
        }

        // Before 2.12 a negative max age surfaces through the duplicate-window checks.
        private string NegativeMaxAge(long? window)
        {
            if (v.AtLeast(2, 12))
            {
                return "max age can not be negative";
            }

            return window is 0 && !s.IsMirror
                ? "duplicates window can not be negative"
                : "duplicates window can not be larger then max age";
        }

        public void Flags()
        {
            if (s.DenyPurge.Is(true) && s.AllowRollupHdrs.Is(true))
            {
                Reject(s.AllowRollupHdrs, "roll-ups require the purge permission");
            }

            if (!s.DiscardNewPerSubject.Is(true) || v.Before(2, 9, 1))
            {
                return;
            }

            if (s.Discard.IsAbsent || s.Discard.Is(DiscardPolicy.Old))
            {
                Reject(s.DiscardNewPerSubject, "discard new per subject requires discard new policy to be set");
            }

            if (s.MaxMsgsPerSubject.IsAbsent || s.MaxMsgsPerSubject.IsKnown && s.MaxMsgsPerSubject.Value <= 0)
            {
                Reject(s.DiscardNewPerSubject, "discard new per subject requires max msgs per subject > 0");
            }
        }

        public void Mirror()
        {
            if (!s.Mirror.TryGet(out var mirror))
            {
                return;
            }

            if (s.Subjects.TryGet(out var subjects) && subjects is { Count: > 0 })
            {
                Reject(s.Subjects, "stream mirrors can not contain subjects");
            }

            if (s.Sources.TryGet(out var sources) && sources is { Count: > 0 })
            {
                Reject(s.Sources, "stream mirrors can not also contain other sources");
            }

            if (v.AtLeast(2, 10) && s.FirstSequence.TryGet(out var first) && first > 0)
            {
                Reject(s.FirstSequence, "stream mirrors can not have first sequence configured");
            }

            if (v.AtLeast(2, 10) && mirror.FilterSubject.TryGet(out var filter) && !string.IsNullOrEmpty(filter) && mirror.HasSubjectTransforms.Is(true))
            {
                RejectAt(mirror.Origin, "mirror with multiple subject transforms cannot also have a single subject filter");
            }

            if (v.AtLeast(2, 10))
            {
                OriginFilters(mirror, "mirror", local: false);
                if (mirror.IsExternal.Is(false) && mirror.Name.TryGet(out var origin) && !IsValidOriginName(origin))
                {
                    Reject(mirror.Name, $"mirrored stream name is invalid ('{origin}')");
                }
            }

            if (v.AtLeast(2, 12))
            {
                RejectIf(s.AllowMsgCounter, "stream mirrors can not also calculate counters");
                RejectIf(s.AllowAtomic, "stream mirrors can not also use atomic publishing");
                RejectIf(s.AllowMsgSchedules, "stream mirrors can not also schedule messages");
            }

            if (v.AtLeast(2, 14))
            {
                RejectIf(s.AllowBatched, "stream mirrors can not also use batch publishing");
                if (OriginConsumerIsInvalid(mirror))
                {
                    RejectAt(mirror.Origin, "stream mirror consumer config is invalid");
                }
            }
        }

        /// <summary>
        /// A durable origin consumer (2.14): a valid name, a literal deliver subject, and no start position or filter of
        /// its own. False when a value it depends on is unknown.
        /// </summary>
        private bool OriginConsumerIsInvalid(StreamSourceModel origin)
        {
            if (!origin.ConsumerName.TryGet(out var name))
            {
                return false;
            }

            var deliver = origin.ConsumerDeliverSubject.TryGet(out var subject) ? subject
                : origin.ConsumerDeliverSubject.IsAbsent ? string.Empty
                : null;
            return !IsValidOriginName(name)
                || deliver is not null && (!Subjects.IsValid(deliver) || Subjects.HasWildcard(deliver))
                || origin.OptStartSeq.TryGet(out var seq) && seq != 0
                || origin.HasOptStartTime.Is(true)
                || Given(origin.FilterSubject) is not null;
        }

        // Create-only checks: certain only for an explicit create (create-or-update may take the update path).
        public void CreateOnly()
        {
            if (s.Operation != ConfigOperation.Create)
            {
                return;
            }

            RejectIf(s.Sealed, "stream configuration for create can not be sealed");
            if (s.MirrorDirect.Is(true) && s.Mirror.IsAbsent)
            {
                Reject(s.MirrorDirect, "stream has no mirror but does have mirror direct");
            }
        }

        public void SubjectList()
        {
            if (!s.Subjects.TryGet(out var subjects) || subjects is null)
            {
                return;
            }

            var seen = new HashSet<string>();
            var noAck = s.NoAck.Is(true);
            foreach (var subj in subjects)
            {
                if (!Subjects.IsValid(subj))
                {
                    Reject(s.Subjects, $"invalid subject '{subj}'");
                    continue;
                }

                if (!seen.Add(subj))
                {
                    Reject(s.Subjects, $"duplicate subjects detected ('{subj}')");
                    continue;
                }

                ApiOverlap(subj, noAck);
            }

            OverlappingSubjects(seen.ToList());
        }

        /// <summary>Overlapping pairs through a subject trie; past <see cref="FindingCaps.PerRule"/> pairs, one reason counts the rest.</summary>
        private void OverlappingSubjects(List<string> valid)
        {
            var listed = 0;
            var more = 0;
            foreach (var (i, j) in new SubjectIndex(valid).CollidingPairs())
            {
                if (listed++ < FindingCaps.PerRule)
                {
                    Reject(s.Subjects, $"subject \"{valid[i]}\" overlaps with \"{valid[j]}\"");
                }
                else if (++more >= FindingCaps.Counted)
                {
                    break;
                }
            }

            if (more > 0)
            {
                Reject(s.Subjects, $"{FindingCaps.Count(more)} more pairs of subjects overlap");
            }
        }

        private void ApiOverlap(string subj, bool noAck)
        {
            if (v.Before(2, 10, 17))
            {
                if (Subjects.IsSubsetOf(subj, "$JS.API.>"))
                {
                    Reject(s.Subjects, $"subjects overlap with jetstream api ('{subj}')");
                }

                return;
            }

            if (subj == ">")
            {
                if (!noAck)
                {
                    Reject(s.Subjects, "capturing all subjects requires no-ack to be true");
                }

                if (s.NumReplicas.TryGet(out var r) && r > 1)
                {
                    Reject(s.Subjects, "capturing all subjects requires replicas of 1");
                }

                return;
            }

            if (noAck)
            {
                return;
            }

            // Collision matching (and $NRG.>) arrived in 2.10.28 and 2.11.2; 2.10.17-2.10.27 and 2.11.0-2.11.1 match subsets.
            if (v.Before(2, 10, 28) || v.AtLeast(2, 11) && v.Before(2, 11, 2))
            {
                if ((Subjects.IsSubsetOf(subj, "$JS.>") || Subjects.IsSubsetOf(subj, "$JSC.>")) && !Subjects.IsSubsetOf(subj, "$JS.EVENT.>"))
                {
                    Reject(s.Subjects, $"subjects that overlap with jetstream api require no-ack to be true ('{subj}')");
                }
                else if (Subjects.IsSubsetOf(subj, "$SYS.>") && !Subjects.IsSubsetOf(subj, "$SYS.ACCOUNT.>"))
                {
                    Reject(s.Subjects, $"subjects that overlap with system api require no-ack to be true ('{subj}')");
                }

                return;
            }

            if (!Subjects.IsSubsetOf(subj, "$JS.EVENT.>")
                && (Subjects.Collide(subj, "$JS.>") || Subjects.Collide(subj, "$JSC.>") || Subjects.Collide(subj, "$NRG.>")))
            {
                Reject(s.Subjects, $"subjects that overlap with jetstream api require no-ack to be true ('{subj}')");
            }
            else if (Subjects.Collide(subj, "$SYS.>") && !Subjects.IsSubsetOf(subj, "$SYS.ACCOUNT.>"))
            {
                Reject(s.Subjects, $"subjects that overlap with system api require no-ack to be true ('{subj}')");
            }
        }

        public void Republish()
        {
            if (!s.HasRepublish.Is(true) && !s.RepublishDestination.IsKnown)
            {
                return;
            }

            // The server reads a missing or empty source as ">".
            var src = s.RepublishSource.IsAbsent || s.RepublishSource.Is(string.Empty) || s.RepublishSource.Is(null!) ? ">" : s.RepublishSource.TryGet(out var given) ? given : null;
            var dest = s.RepublishDestination.IsAbsent || s.RepublishDestination.Is(null!) ? string.Empty : s.RepublishDestination.TryGet(out var d) ? d : null;
            if (EffectiveSubjects() is not { } subjects)
            {
                return;
            }

            // From 2.12.2, ">" to ">" on a stream whose one subject is its subject_transform's source republishes
            // the transformed subjects: an implicit republish, not a cycle.
            if (v.AtLeast(2, 12, 2) && src == ">" && dest == ">" && s.Subjects.TryGet(out var own) && own is { Count: 1 }
                && s.SubjectTransform.TryGet(out var transform) && transform is not null && Given(transform.Source) is { } from && from == own[0]
                && Given(transform.Destination) is { } to)
            {
                src = dest = to;
            }
            else if (v.AtLeast(2, 12, 2) && src == ">" && dest == ">" && !s.HasSubjectTransform.IsAbsent && !s.HasSubjectTransform.Is(false) && !s.SubjectTransform.IsKnown)
            {
                return;
            }

            if (v.Before(2, 10) && src is not null && !subjects.Any(subj => subj == src || Subjects.IsValid(subj) && Subjects.IsValid(src) && Subjects.Collide(subj, src)))
            {
                RejectAt(s.RepublishSource.Origin ?? s.RepublishDestination.Origin ?? s.HasRepublish.Origin, subjects.Count == 0
                    ? "stream configuration for republish source is not valid subset of subjects (the stream has no subjects of its own)"
                    : "stream configuration for republish source is not valid subset of subjects");
                return;
            }

            // From 2.10 an empty destination is compared too: a subject of ">" or "*" matches it.
            if (!string.IsNullOrEmpty(dest) && Subjects.IsValid(dest) && subjects.Any(subj => Subjects.IsValid(subj) && Subjects.Collide(subj, dest!))
                || dest == string.Empty && v.AtLeast(2, 10) && subjects.Any(subj => subj is ">" or "*"))
            {
                Reject(s.RepublishDestination, $"stream configuration for republish destination forms a cycle ('{dest}' is captured by the stream)");
                return;
            }

            // 2.9 builds the transform even without a destination (and fails); later releases skip an empty one.
            if (src is not null && dest is not null && (dest.Length > 0 || v.Before(2, 10)) && !SubjectTransforms.IsValid(src, dest, v))
            {
                RejectAt(s.RepublishDestination.Origin ?? s.HasRepublish.Origin, v.Before(2, 10)
                    ? $"stream configuration for republish not valid (from '{src}' to '{dest}')"
                    : $"stream configuration for republish with transform from '{src}' to '{dest}' not valid");
            }
        }

        public void Sources()
        {
            if (v.Before(2, 10) || !s.Sources.TryGet(out var sources) || sources is null)
            {
                return;
            }

            var identities = new HashSet<string>();
            var consumers = new HashSet<string>();
            foreach (var source in sources)
            {
                if (!source.Name.TryGet(out var name))
                {
                    continue;
                }

                if (!IsValidOriginName(name))
                {
                    RejectAt(source.Origin, "sourced stream name is invalid");
                    continue;
                }

                if (SourceKey(source, name) is { } key && !identities.Add(key))
                {
                    RejectAt(source.Origin, $"duplicate source configuration detected ('{name}')");
                }

                // 2.10 checks a filter together with transforms on local sources only, later releases on every source.
                var local = source.IsExternal.Is(false);
                if ((v.AtLeast(2, 11) || local) && source.FilterSubject.TryGet(out var filter) && !string.IsNullOrEmpty(filter) && source.HasSubjectTransforms.Is(true))
                {
                    RejectAt(source.Origin, "source with multiple subject transforms cannot also have a single subject filter");
                }

                OriginFilters(source, "source", local);
                if (v.AtLeast(2, 14) && source.ConsumerName.TryGet(out var consumer))
                {
                    if (OriginConsumerIsInvalid(source))
                    {
                        RejectAt(source.Origin, "stream source consumer config is invalid");
                    }
                    else if (!source.IsExternal.IsUnknown && !source.ExternalApi.IsUnknown
                        && !consumers.Add(OriginName(source, name) + " " + consumer))
                    {
                        RejectAt(source.Origin, $"duplicate stream source consumer detected ('{consumer}' on '{name}')");
                    }
                }
            }

            if (v.AtLeast(2, 12) && sources.Count > 0)
            {
                RejectIf(s.AllowMsgSchedules, "stream source can not also schedule messages");
            }
        }

        /// <summary>
        /// The server's identity of a source (composeIName): the name, the external API prefix, from 2.14 the source
        /// consumer's name, and the filter or the transforms with empty subjects read as "&gt;". Null when unknown.
        /// </summary>
        private string? SourceKey(StreamSourceModel source, string name)
        {
            if (source.IsExternal.IsUnknown || source.FilterSubject.IsUnknown || source.SubjectTransforms.IsUnknown
                || source.ExternalApi.IsUnknown || v.AtLeast(2, 14) && source.ConsumerName.IsUnknown
                || source.SubjectTransforms.IsAbsent && !source.HasSubjectTransforms.IsAbsent && !source.HasSubjectTransforms.Is(false))
            {
                return null;
            }

            var key = new StringBuilder(OriginName(source, name));

            if (v.AtLeast(2, 14) && source.ConsumerName.TryGet(out var consumer) && consumer is not null)
            {
                key.Append(":C=").Append(consumer);
            }

            if (source.SubjectTransforms.TryGet(out var transforms) && transforms is { Count: > 0 })
            {
                if (transforms.Any(t => t.Source.IsUnknown || t.Destination.IsUnknown))
                {
                    return null;
                }

                key.Append(' ').Append(string.Join("\f", transforms.Select(t => Given(t.Source) ?? ">")))
                    .Append(' ').Append(string.Join("\f", transforms.Select(t => Given(t.Destination) ?? ">")));
            }
            else
            {
                key.Append(' ').Append(Given(source.FilterSubject) ?? ">").Append(" >");
            }

            return key.ToString();
        }

        /// <summary>
        /// A mirror's or source's filter and subject transforms (2.10+): a filter must be a valid subject, a transform
        /// source too, its destination a transform the server can build, and the transform sources must not overlap.
        /// 2.10 refuses an empty transform source and checks destinations and overlaps for the mirror and local
        /// sources only; from 2.11 every origin gets the full check.
        /// </summary>
        private void OriginFilters(StreamSourceModel origin, string kind, bool local)
        {
            var full = v.AtLeast(2, 11) || local || kind == "mirror";
            if (!origin.SubjectTransforms.TryGet(out var transforms) || transforms is not { Count: > 0 })
            {
                if (origin.FilterSubject.TryGet(out var filter) && !string.IsNullOrEmpty(filter) && !Subjects.IsValid(filter))
                {
                    Reject(origin.FilterSubject, $"subject filter '{filter}' for the {kind} is not a valid subject");
                }

                return;
            }

            var sources = new List<string>();
            foreach (var transform in transforms)
            {
                if (transform.Source.IsUnknown || transform.Destination.IsUnknown)
                {
                    return;
                }

                var src = Given(transform.Source);
                var dest = Given(transform.Destination) ?? string.Empty;
                if (src is null ? v.Before(2, 11) && full : !Subjects.IsValid(src))
                {
                    RejectAt(transform.Origin, $"{kind} transform source: invalid subject '{src}'");
                    return;
                }

                var valid = v.AtLeast(2, 11) || local ? SubjectTransforms.IsValidMapping(src ?? string.Empty, dest, v) : SubjectTransforms.IsValid(src ?? string.Empty, dest, v);
                if (!valid)
                {
                    RejectAt(transform.Origin, $"{kind} transform: from '{src ?? ">"}' to '{dest}' is not a valid subject transform");
                    return;
                }

                sources.Add(src ?? ">");
            }

            for (var i = 0; i < sources.Count && full; i++)
            {
                for (var j = 0; j < sources.Count; j++)
                {
                    var overlap = kind == "mirror" ? Subjects.Collide(sources[i], sources[j]) : Subjects.IsSubsetOf(sources[i], sources[j]);
                    if (i != j && overlap)
                    {
                        RejectAt(origin.SubjectTransforms.Origin ?? origin.Origin, $"{kind} subject filters can not overlap ('{sources[i]}' and '{sources[j]}')");
                        return;
                    }
                }
            }
        }

        /// <summary>The origin stream as the server tells sources apart: its name, and the API prefix of an external one.</summary>
        private static string OriginName(StreamSourceModel source, string name) =>
            source.IsExternal.Is(true) ? name + ":api=" + (source.ExternalApi.TryGet(out var api) ? api : string.Empty) : name;

        /// <summary>A name the server accepts for the stream a mirror or source reads; from 2.12.8 without path separators.</summary>
        private bool IsValidOriginName(string? name) =>
            !string.IsNullOrEmpty(name) && name!.IndexOfAny(new[] { '.', '*', '>', ' ', '\t', '\r', '\n', '\f' }) < 0
            && (v.Before(2, 12, 8) || name.IndexOfAny(new[] { '\\', '/' }) < 0);

        /// <summary>A string value as the server sees it: null for absent, null or empty.</summary>
        private static string? Given(ConfigValue<string> value) => value.TryGet(out var text) && !string.IsNullOrEmpty(text) ? text : null;

        /// <summary>
        /// The subjects the stream captures after the server's defaulting: none for a mirror or a stream with sources
        /// and no subjects of its own, the name when nothing else is set; null when unknown.
        /// </summary>
        private IReadOnlyList<string>? EffectiveSubjects()
        {
            if (s.Subjects.IsUnknown || s.Mirror.IsUnknown || s.Sources.IsUnknown)
            {
                return null;
            }

            if (s.Subjects.TryGet(out var subjects) && subjects is { Count: > 0 })
            {
                return subjects;
            }

            if (s.Mirror.IsKnown || s.Sources.TryGet(out var sources) && sources is { Count: > 0 })
            {
                return new string[0];
            }

            return s.Name.TryGet(out var name) && !string.IsNullOrEmpty(name) ? new[] { name } : null;
        }

        /// <summary>Prefixes of external (other account or domain) mirrors and sources: literal subjects, and not the local API.</summary>
        public void ExternalPrefixes()
        {
            foreach (var origin in Origins())
            {
                // Strict JSON (2.12) refuses the CLI's "domain" key; earlier releases drop it.
                if (v.AtLeast(2, 12) && !origin.Domain.IsAbsent)
                {
                    RejectAt(origin.Domain.Origin ?? origin.Origin, "invalid JSON: json: unknown field \"domain\" (the nats CLI turns a domain into external.api; the server has no such field)");
                }

                if (!origin.IsExternal.Is(true))
                {
                    continue;
                }

                if (origin.ExternalDeliver.TryGet(out var deliver) && !string.IsNullOrEmpty(deliver) && (!Subjects.IsValid(deliver) || Subjects.HasWildcard(deliver)))
                {
                    RejectAt(origin.ExternalDeliver.Origin ?? origin.Origin, $"stream external delivery prefix {deliver} must not contain wildcards");
                }

                if (origin.ExternalApi.TryGet(out var api) && !string.IsNullOrEmpty(api))
                {
                    if (!Subjects.IsValid(api) || Subjects.HasWildcard(api))
                    {
                        RejectAt(origin.ExternalApi.Origin ?? origin.Origin, $"stream external api prefix \"{api}\" must be a valid subject without wildcards");
                    }
                    else if (Subjects.Collide(api, "$JS.API"))
                    {
                        RejectAt(origin.ExternalApi.Origin ?? origin.Origin, $"stream external api prefix {api} must not overlap with $JS.API");
                    }
                }
            }
        }

        /// <summary>
        /// A stream that mirrors or sources itself. Before 2.9.25 any local source of its own name is a cycle; from
        /// 2.9.25 only when the source's filter overlaps the stream's own subjects (an empty filter always does).
        /// Cycles through other streams need those streams and are not checked.
        /// </summary>
        public void Cycles()
        {
            if (!s.Name.TryGet(out var self) || string.IsNullOrEmpty(self))
            {
                return;
            }

            if (s.Mirror.TryGet(out var mirror) && mirror is not null && mirror.IsExternal.Is(false) && mirror.Name.Is(self))
            {
                RejectAt(mirror.Name.Origin ?? mirror.Origin, "detected cycle (the stream mirrors itself)");
            }

            if (!s.Sources.TryGet(out var sources) || sources is null)
            {
                return;
            }

            var own = s.Subjects.TryGet(out var subjects) && subjects is not null ? subjects : new string[0];
            foreach (var source in sources)
            {
                if (!source.IsExternal.Is(false) || !source.Name.Is(self) || source.FilterSubject.IsUnknown)
                {
                    continue;
                }

                var filter = source.FilterSubject.TryGet(out var f) ? f : null;
                if (v.Before(2, 9, 25) || string.IsNullOrEmpty(filter) || own.Any(subj => subj == filter || Subjects.Collide(subj, filter!)))
                {
                    RejectAt(source.Name.Origin ?? source.Origin, "detected cycle (the stream sources itself)");
                }
            }
        }

        private IEnumerable<StreamSourceModel> Origins()
        {
            if (s.Mirror.TryGet(out var mirror) && mirror is not null)
            {
                yield return mirror;
            }

            if (s.Sources.TryGet(out var sources) && sources is not null)
            {
                foreach (var source in sources)
                {
                    yield return source;
                }
            }
        }

        // Rules for settings that only exist on newer servers; older servers ignore the fields (see JS1101).
        public void NewerFeatures()
        {
            if (s.TemplateOwner.TryGet(out var template))
            {
                if (v.AtLeast(2, 14))
                {
                    Reject(s.TemplateOwner, "invalid JSON: json: unknown field \"template_owner\" (stream templates were removed in 2.14)");
                }
                else if (!string.IsNullOrEmpty(template))
                {
                    Reject(s.TemplateOwner, $"stream not owned by template ('{template}': streams are only owned by the templates that create them)");
                }
            }

            if (v.AtLeast(2, 10) && s.SubjectTransform.TryGet(out var transform) && transform is not null && !transform.Source.IsUnknown && !transform.Destination.IsUnknown)
            {
                var src = Given(transform.Source);
                var dest = Given(transform.Destination) ?? string.Empty;
                if (v.AtLeast(2, 11) && src is not null && !Subjects.IsValid(src))
                {
                    Reject(transform.Source, $"stream transform source: invalid subject '{src}'");
                }
                else if (!(v.AtLeast(2, 11) ? SubjectTransforms.IsValidMapping(src ?? string.Empty, dest, v) : SubjectTransforms.IsValid(src ?? string.Empty, dest, v)))
                {
                    RejectAt(transform.Destination.Origin ?? transform.Origin, $"stream transform: from '{src ?? ">"}' to '{dest}' is not a valid subject transform");
                }
            }

            if (v.AtLeast(2, 11) && s.PlacementPreferred.TryGet(out var preferred) && !string.IsNullOrEmpty(preferred))
            {
                Reject(s.PlacementPreferred, "preferred server not permitted in placement");
            }

            if (s.AllowMsgSchedules.Is(true) && s.Discard.Is(DiscardPolicy.New) && (v.AtLeast(2, 14, 2) || v.AtLeast(2, 12, 15) && v.Before(2, 14)))
            {
                Reject(s.AllowMsgSchedules, "message scheduling cannot use discard new");
            }

            if (v.AtLeast(2, 11) && s.SubjectDeleteMarkerTtl.TryGet(out var markerTtl))
            {
                if (markerTtl < 0)
                {
                    Reject(s.SubjectDeleteMarkerTtl, "subject delete marker TTL must not be negative");
                }
                else if (markerTtl > 0 && markerTtl < Text.Durations.Second)
                {
                    Reject(s.SubjectDeleteMarkerTtl, "subject delete marker TTL must be at least 1 second");
                }

                if (markerTtl > 0 && s.IsMirror)
                {
                    Reject(s.SubjectDeleteMarkerTtl, "subject delete markers forbidden on mirrors");
                }
            }

            if (v.Before(2, 12))
            {
                return;
            }

            if (s.AllowMsgCounter.Is(true))
            {
                if (s.Discard.Is(DiscardPolicy.New))
                {
                    Reject(s.AllowMsgCounter, "counter stream cannot use discard new");
                }

                RejectIf(s.AllowMsgTtl, "counter stream cannot use message TTLs");
                if (v.AtLeast(2, 14, 2) || v.AtLeast(2, 12, 15) && v.Before(2, 14))
                {
                    RejectIf(s.AllowMsgSchedules, "counter stream cannot use message schedules");
                }

                if (s.Retention.IsKnown && s.Retention.Value != RetentionPolicy.Limits)
                {
                    Reject(s.Retention, "counter stream can only use limits retention");
                }
            }

            if (s.AsyncPersist.Is(true))
            {
                if (s.Storage.Is(StorageType.Memory))
                {
                    Reject(s.AsyncPersist, "async persist mode is only supported on file storage");
                }

                if (s.NumReplicas.TryGet(out var r) && r > 1)
                {
                    Reject(s.AsyncPersist, "async persist mode is not supported on replicated streams");
                }

                RejectIf(s.AllowAtomic, "async persist mode is not supported with atomic batch publish");
            }
        }

        private void RejectIf(ConfigValue<bool> flag, string reason)
        {
            if (flag.Is(true))
            {
                Reject(flag, reason);
            }
        }

        private void Reject<T>(ConfigValue<T> value, string reason) => RejectAt(value.Origin, reason);

        private void RejectAt(object? origin, string reason) =>
            findings.Add(new Finding(rule.Rule, origin ?? s.Origin, new object?[] { subject, v, reason }));
    }
}
