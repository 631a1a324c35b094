/**
 * The event store port: the only way the application touches stored events.
 * Two adapters implement it (embedded SQLite and EventStoreDB); both must pass
 * test/event-store.contract.ts.
 *
 * Revisions and positions are bigint inside the process and decimal strings at
 * the edges (GraphQL, checkpoints, exports).
 */

/** A JSON value as stored in event data and metadata. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * Where an event sits in the global log (`$all`). EventStoreDB addresses an
 * event by its transaction's commit position and the event's prepare position;
 * the embedded store uses one sequence number for both. Positions only grow and
 * compare by commit, then prepare.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** What the writer expects the stream's current revision to be. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface EventToAppend {
  /** UUID. Re-appending the same ids at the same place writes nothing (idempotent retry). */
  readonly id: string;
  /** Stable past-tense name, e.g. `AgreementSigned`. */
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/**
 * The command an append records. A store applies a command id at most once:
 * the id is recorded durably with its stream and digest, and an append under an
 * id already recorded for another stream or another digest is refused with
 * CommandIdReusedError, writing nothing. The same command again is the
 * caller's retry: it decides on the stream as it reads it (where an applied
 * command shows in the events' metadata) and appends with an exact expected
 * revision, so a second copy cannot land; the embedded store, whose record is
 * written in the same transaction as the events, also answers it with the
 * recorded result.
 */
export interface CommandRecord {
  /** The command id (a UUID): the client's idempotency key. */
  readonly id: string;
  /** What the command is (its type, the client's input, the actor), hashed: the same id with another digest is another command. */
  readonly digest: string;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  /**
   * An append still in flight that this one was decided on top of (a writer
   * pipelining commands on one stream). If it fails, this append fails too,
   * with PrecedingAppendFailedError, and writes nothing: its exact expected
   * revision could otherwise match someone else's event in the place the
   * failed append meant to fill.
   */
  readonly after?: Promise<AppendResult>;
  readonly command?: CommandRecord;
}

export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly streamName: string;
  /** 0-based revision of this event in its stream. */
  readonly revision: bigint;
  readonly position: Position;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /** When the store committed the event (the store's clock, not business time). */
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextExpectedRevision: bigint;
  /** Position of the last appended event (or of the already-stored one on an idempotent retry). */
  readonly position: Position;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omitted: from the start. */
  readonly after?: Position;
  readonly maxCount: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive: deliver events strictly after this position (a checkpoint). Omitted: from the start. */
  readonly after?: Position;
}

/**
 * A catch-up subscription: history first, then live events, in `$all` order,
 * without gaps or duplicates. Iterate it with `for await`; `stop()` ends the
 * iteration. Events are pulled in pages, never the whole log at once.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  stop(): Promise<void>;
}

export interface EventStore {
  /** Atomic: all events land, or none. Throws WrongExpectedRevisionError on a revision mismatch. */
  append(streamName: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;

  /** Events of one stream; [] if it does not exist. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** One page of the global log, forwards, in commit order. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Position of the newest event in the store, or undefined when it is empty. */
  headPosition(): Promise<Position | undefined>;

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;

  close(): Promise<void>;
}

/** DI token for the configured adapter. */
export const EVENT_STORE = Symbol('EventStore');
