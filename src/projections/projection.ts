import { Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';
import { ReadModelSchema } from './read-model-schema';

export type ReadModelTransaction = Transaction<ReadModelSchema>;

/**
 * Turns events into rows of one read model. `apply` runs inside the runner's
 * transaction, which also writes the checkpoint: a crash either keeps both or
 * neither, so every event takes effect exactly once.
 */
export interface Projection {
  readonly name: string;
  /** Event types this projection reacts to; others never reach `apply`. */
  readonly handles: readonly string[];
  /** Tables it owns, emptied by a rebuild. */
  readonly tables: readonly (keyof ReadModelSchema & string)[];
  /**
   * True when applying events never reads these tables through a secondary
   * index (only inserts, or updates by primary key): a rebuild may then drop
   * those indexes and build them once at the end, far faster than keeping
   * them up to date row by row.
   */
  readonly rebuildBuildsIndexesLast?: boolean;
  apply(trx: ReadModelTransaction, event: RecordedEvent): Promise<void>;
  /**
   * Optional fast path: all of a batch's events for this projection at once
   * (in order), e.g. as one multi-row INSERT. Must have the same effect as
   * calling `apply` for each.
   */
  applyBatch?(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void>;
}

/** DI token: every projection module contributes to this list. */
export const PROJECTIONS = Symbol('Projections');
