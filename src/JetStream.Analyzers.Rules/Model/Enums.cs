namespace JetStream.Analyzers.Rules.Model;

public enum StorageType { File, Memory }

public enum RetentionPolicy { Limits, Interest, WorkQueue }

public enum DiscardPolicy { Old, New }

public enum AckPolicy { None, All, Explicit, FlowControl }

public enum DeliverPolicy { All, Last, New, ByStartSequence, ByStartTime, LastPerSubject }

public enum ReplayPolicy { Instant, Original }

/// <summary>Which API call sends the configuration; some server checks apply only to create.</summary>
public enum ConfigOperation { Unknown, Create, Update, CreateOrUpdate }

/// <summary>What the user declared: a stream, or a store that NATS.Net maps onto a stream.</summary>
public enum StreamKind { Stream, KeyValue, ObjectStore }
