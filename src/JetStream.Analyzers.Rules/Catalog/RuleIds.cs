namespace JetStream.Analyzers.Rules.Catalog;

/// <summary>Diagnostic IDs. Blocks: JS0xxx configuration of the analyzers themselves, JS1xxx streams, JS2xxx consumers, JS3xxx client usage, JS4xxx config files, JS5xxx live server, JS6xxx live health.</summary>
public static class RuleIds
{
    public const string InvalidConfiguration = "JS0001";

    public const string ReplicasBelowMinimum = "JS1001";
    public const string EvenReplicaCount = "JS1002";
    public const string NoMaxBytes = "JS1003";
    public const string NoMaxAge = "JS1004";
    public const string MemoryStorage = "JS1005";
    public const string DeleteOrPurgeAllowed = "JS1006";
    public const string DiscardNew = "JS1007";
    public const string CriticalStreamWithoutCopy = "JS1008";
    public const string SourceNotDefined = "JS1009";
    public const string DuplicateWindowOffWithSources = "JS1010";
    public const string InterestStreamWithoutConsumer = "JS1011";
    public const string WorkQueueSubjectsNotConsumed = "JS1012";
    public const string StreamSettingRewritten = "JS1013";
    public const string StreamRejectedByServer = "JS1100";
    public const string StreamSettingIgnoredByServer = "JS1101";

    public const string NoBackoff = "JS2001";
    public const string UnlimitedMaxDeliver = "JS2002";
    public const string ExcessiveFilterSubjects = "JS2003";
    public const string PushWithoutHeartbeat = "JS2004";
    public const string PushWithoutFlowControl = "JS2005";
    public const string ShortAckWait = "JS2006";
    public const string ConsumerLessDurableThanStream = "JS2007";
    public const string UnlimitedAckPending = "JS2008";
    public const string UnboundedPullRequests = "JS2009";
    public const string DurableWithInactiveThreshold = "JS2010";
    public const string ConsumerSettingWithoutEffect = "JS2011";
    public const string LiteralPauseUntil = "JS2012";
    public const string ConsumerRejectedByServer = "JS2100";
    public const string ConsumerSettingIgnoredByServer = "JS2101";

    public const string InfoRequestInLoop = "JS3001";
    public const string ConsumerCreatedInMessageLoop = "JS3002";
    public const string UncheckedPublishAck = "JS3003";
    public const string RetriedPublishWithoutMsgId = "JS3004";
    public const string NakWithoutDelay = "JS3005";
    public const string UnacknowledgedMessage = "JS3006";
    public const string ConnectionPerIteration = "JS3007";
    public const string OrderedConsumerAck = "JS3008";

    public const string FileNotParsable = "JS4001";
    public const string UnknownField = "JS4002";
    public const string InvalidValue = "JS4003";
    public const string DuplicateDefinition = "JS4004";
    public const string ConsumerWithoutStream = "JS4005";
    public const string OverlappingStreamSubjects = "JS4006";
    public const string OverlappingWorkQueueConsumers = "JS4007";
    public const string FilterOutsideStream = "JS4008";
    public const string NotAJetStreamDefinition = "JS4009";
    public const string DurationInSeconds = "JS4010";
    public const string FindingsNotListed = "JS4011";

    public const string ServerUnreachable = "JS5001";
    public const string MissingOnServer = "JS5002";
    public const string DriftFromServer = "JS5003";
    public const string ReplicasAboveClusterSize = "JS5004";
    public const string AccountLimitExceeded = "JS5005";
    public const string UnsupportedByServerVersion = "JS5006";
    public const string OverlapsUndefinedServerStream = "JS5007";
    public const string ServerStreamNotDefined = "JS5008";
    public const string ImmutableFieldChanged = "JS5009";

    public const string ConsumerLag = "JS6001";
    public const string ConsumerStalled = "JS6002";
    public const string HighRedelivery = "JS6003";
    public const string StreamNearLimit = "JS6004";
    public const string UpstreamBehind = "JS6005";
    public const string ReplicaBehind = "JS6006";
    public const string TooManyConsumers = "JS6007";
    public const string AccountNearLimit = "JS6008";
}
