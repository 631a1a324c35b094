/**
 * The storage behind the EventStoreDB test server: one append-only log that
 * outlives server instances, so a test can kill a server and start another on
 * the same port over the same events (see esdb-test-server.ts).
 *
 * Semantics follow EventStoreDB where the adapter can observe them:
 * - per-stream revisions from 0;
 * - positions as 24.10 writes an append: each event is its own commit, so its
 *   commit position equals its prepare position (its record's log offset), and
 *   both grow through the append; `$all` is ordered by (commit, prepare);
 * - log positions are byte offsets, so they grow by more than 1 per event
 *   (an adapter that assumes contiguous positions fails here as it would there);
 * - idempotent appends: re-sending the same event ids at the place they were
 *   written succeeds and writes nothing; the reply carries the original
 *   position of the last of those events, as 24.10's idempotent path does.
 *   With an exact revision or no_stream the check reads the stream itself, so
 *   it holds forever; with `any` / `stream_exists` a real node only knows the
 *   ids in its in-memory commit cache: here the `NodeIdCache` of the server
 *   that took the append, emptied when that server restarts and never shared
 *   with another node. Without a cache (a test writing to the state directly)
 *   `any` is never idempotent;
 * - a partial id match or a revision mismatch is a wrong-expected-version.
 */

export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export interface StoredEvent {
  readonly streamName: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  readonly position: LogPosition;
  /** .NET ticks (100 ns) since the Unix epoch, as EventStoreDB sends `created`. */
  readonly createdTicks: bigint;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export type Expected = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type AppendOutcome =
  | { readonly kind: 'success'; readonly currentRevision: bigint; readonly position: LogPosition | undefined }
  | { readonly kind: 'wrong_expected_version'; readonly currentRevision: bigint | undefined };

const RECORD_OVERHEAD = 89n;

/** The ids one node has seen written, as a real node's in-memory commit check has them. */
export type NodeIdCache = Set<string>;
const encoder = new TextEncoder();

export class EsdbTestState {
  /** `$all`, in commit order. Tests may read it directly to check what was written. */
  readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private nextLogPosition = 0n;
  private readonly listeners = new Set<() => void>();

  /** A fresh EventStoreDB database is never empty: it starts with system events. */
  constructor(options: { systemEvents?: boolean } = {}) {
    if (options.systemEvents ?? true) {
      this.appendSystemEvent('$$$stats-127.0.0.1:2113', '$metadata');
      this.appendSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
      // A projection result: a `$` stream with an ordinary event type, which an
      // event-type filter lets through.
      this.appendSystemEvent('$projections-$streams-result', 'Result');
    }
  }

  /** Streams hard-deleted: never readable or writable again, as a 24.10 node keeps a tombstone. */
  private readonly tombstoned = new Set<string>();

  isTombstoned(streamName: string): boolean {
    return this.tombstoned.has(streamName);
  }

  /**
   * Hard-deletes a stream as `Streams.Tombstone` does: a `$streamDeleted`
   * record goes into `$all` (a system event type, which subscribers skip),
   * and reads and appends of the stream are refused from then on.
   */
  tombstone(streamName: string): LogPosition {
    const position = { commit: this.nextLogPosition, prepare: this.nextLogPosition };
    const revision = BigInt(this.streams.get(streamName)?.length ?? 0);
    this.log.push({
      streamName, revision, id: crypto.randomUUID(), type: '$streamDeleted', contentType: 'application/octet-stream',
      data: new Uint8Array(), customMetadata: new Uint8Array(), position, createdTicks: BigInt(Date.now()) * 10_000n,
    });
    this.nextLogPosition += RECORD_OVERHEAD + BigInt(streamName.length);
    this.tombstoned.add(streamName);
    for (const listener of [...this.listeners]) listener();
    return position;
  }

  stream(streamName: string): readonly StoredEvent[] | undefined {
    return this.streams.get(streamName);
  }

  /** Writes an event the way the server itself would (stream metadata, stats, projections). */
  appendSystemEvent(streamName: string, type: string): StoredEvent {
    const proposed = { id: crypto.randomUUID(), type, contentType: 'application/json', data: encoder.encode('{}'), customMetadata: new Uint8Array() };
    const outcome = this.append(streamName, 'any', [proposed]);
    if (outcome.kind !== 'success') throw new Error('unreachable');
    return this.log[this.log.length - 1];
  }

  append(streamName: string, expected: Expected, proposed: readonly ProposedEvent[], cache?: NodeIdCache): AppendOutcome {
    const existing = this.streams.get(streamName) ?? [];
    const current = existing.length === 0 ? undefined : BigInt(existing.length - 1);
    const idempotent = this.idempotentOutcome(existing, expected, proposed, cache);
    if (idempotent) return idempotent;
    const matches =
      expected === 'any' ||
      (expected === 'no_stream' && current === undefined) ||
      (expected === 'stream_exists' && current !== undefined) ||
      (typeof expected === 'bigint' && (expected === current || (expected === -1n && current === undefined)));
    if (!matches) return { kind: 'wrong_expected_version', currentRevision: current };
    if (proposed.length === 0) return { kind: 'success', currentRevision: current ?? -1n, position: undefined };

    const createdTicks = BigInt(Date.now()) * 10_000n;
    for (const event of proposed) {
      const stored: StoredEvent = {
        ...event,
        streamName,
        revision: BigInt(existing.length),
        position: { commit: this.nextLogPosition, prepare: this.nextLogPosition },
        createdTicks,
      };
      existing.push(stored);
      this.log.push(stored);
      cache?.add(event.id);
      this.nextLogPosition += RECORD_OVERHEAD + BigInt(event.data.length + event.customMetadata.length + streamName.length);
    }
    this.streams.set(streamName, existing);
    for (const listener of [...this.listeners]) listener();
    const last = existing[existing.length - 1];
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }

  /** Resolves on the next append, or at once when `signal` aborts. */
  nextAppend(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.listeners.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.listeners.add(done);
      signal.addEventListener('abort', done);
    });
  }

  /**
   * EventStoreDB's commit check: the proposed ids already sit where this
   * append would put them (or, with `any`/`stream_exists`, anywhere in the
   * stream as one contiguous run) → success without writing.
   */
  private idempotentOutcome(
    existing: StoredEvent[],
    expected: Expected,
    proposed: readonly ProposedEvent[],
    cache: NodeIdCache | undefined,
  ): AppendOutcome | undefined {
    if (proposed.length === 0 || existing.length === 0) return undefined;
    let start: number;
    if (expected === 'no_stream') start = 0;
    else if (typeof expected === 'bigint') start = Number(expected) + 1;
    else if (!proposed.every((e) => cache?.has(e.id))) return undefined; // forgotten: `any` writes them again
    else start = existing.findIndex((e) => e.id === proposed[0].id);
    if (start < 0 || start >= existing.length || existing[start].id !== proposed[0].id) return undefined;
    const run = existing.slice(start, start + proposed.length);
    const all = run.length === proposed.length && run.every((e, i) => e.id === proposed[i].id);
    if (!all) return { kind: 'wrong_expected_version', currentRevision: BigInt(existing.length - 1) };
    const last = run[run.length - 1];
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }
}
