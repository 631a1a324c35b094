import { AppendResult, EventStore, Position, RecordedEvent } from '../../event-store/event-store.port';
import { Decider, DomainEvent } from '../domain/decider';

/** A command already applied to a stream, found by its command id; its position may still be on its way to disk. */
export interface AppliedCommand {
  revision: bigint;
  position: Position | Promise<Position>;
  /** What the command was (see commandDigest); absent in events recorded before digests. */
  commandType?: string;
  digest?: string;
}

export interface LoadedAggregate<State> {
  state: State;
  /** Revision of the last event, or undefined for a stream that does not exist yet. */
  revision: bigint | undefined;
  /**
   * Grows in place (copying it per command would cost O(history)); it only
   * ever gains entries, and a cache entry that turns out wrong is dropped whole.
   */
  appliedCommands: Map<string, AppliedCommand>;
  /** The newest append this state includes that may still be on its way: the next append is made only after it. */
  pending?: Promise<AppendResult>;
}

const MAX_CACHED_STREAMS = 5000;

/**
 * Folds a stream into state. Keeps recently used states in memory and reads
 * only the events appended since, so a long activity log is not re-read for
 * every command. Streams only grow, which is what keeps the cache correct.
 *
 * The cache may run ahead of the store: `advance` records events handed to the
 * store but not yet committed, so the next command on the stream can be decided
 * (and committed in the same group) without waiting; `forget` drops that
 * guess when an append fails.
 */
export class AggregateLoader {
  private readonly cache = new Map<string, LoadedAggregate<unknown>>();

  constructor(private readonly store: EventStore) {}

  async load<C, E extends DomainEvent, S>(streamName: string, decider: Decider<C, E, S>): Promise<LoadedAggregate<S>> {
    const cached = this.cache.get(streamName) as LoadedAggregate<S> | undefined;
    const fromRevision = cached?.revision === undefined ? 0n : cached.revision + 1n;
    const events = await this.store.readStream(streamName, { fromRevision });
    let loaded: LoadedAggregate<S> = cached ?? { state: decider.initialState(), revision: undefined, appliedCommands: new Map() };
    if (events.length > 0) loaded = fold(loaded, events, decider);
    // A concurrent advance/forget wins over what this read found: it is newer.
    if (this.cache.get(streamName) === cached) this.remember(streamName, loaded);
    return loaded;
  }

  /** Records events submitted to the store (`append`) for a command as if committed. */
  advance<C, E extends DomainEvent, S>(
    streamName: string,
    from: LoadedAggregate<S>,
    decider: Decider<C, E, S>,
    events: E[],
    command: { id: string; type: string; digest: string },
    append: Promise<AppendResult>,
  ): void {
    const state = events.reduce((s, event) => decider.evolve(s, event), from.state);
    const revision = (from.revision ?? -1n) + BigInt(events.length);
    const position = append.then((result) => result.position);
    position.catch(() => undefined); // awaited only by a duplicate of this command, if one comes
    const applied = { revision, position, commandType: command.type, digest: command.digest };
    const advanced: LoadedAggregate<S> = { state, revision, appliedCommands: from.appliedCommands.set(command.id, applied), pending: append };
    // Once it is stored there is nothing to wait for, and nothing of the append need be kept in memory.
    append.then(() => advanced.pending === append && delete advanced.pending, () => undefined);
    this.remember(streamName, advanced);
  }

  forget(streamName: string): void {
    this.cache.delete(streamName);
  }

  private remember(streamName: string, loaded: LoadedAggregate<unknown>): void {
    this.cache.delete(streamName); // re-insert: Map order doubles as least-recently-used order
    this.cache.set(streamName, loaded);
    if (this.cache.size > MAX_CACHED_STREAMS) this.cache.delete(this.cache.keys().next().value as string);
  }
}

function fold<C, E extends DomainEvent, S>(
  from: LoadedAggregate<S>,
  events: RecordedEvent[],
  decider: Decider<C, E, S>,
): LoadedAggregate<S> {
  let state = from.state;
  const { appliedCommands } = from;
  for (const event of events) {
    const domainEvent = decider.fromRecorded ? decider.fromRecorded(event) : ({ type: event.type, data: event.data } as unknown as E);
    state = decider.evolve(state, domainEvent);
    const { commandId, commandType, commandDigest } = event.metadata;
    if (typeof commandId !== 'string') continue;
    appliedCommands.set(commandId, {
      revision: event.revision,
      position: event.position,
      commandType: typeof commandType === 'string' ? commandType : undefined,
      digest: typeof commandDigest === 'string' ? commandDigest : undefined,
    });
  }
  return { state, revision: events[events.length - 1].revision, appliedCommands, pending: from.pending };
}
