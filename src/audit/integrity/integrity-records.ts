import { KeptCheckpoint } from './checkpoint';

/** The link recorded for the `count`-th event of the chain, when the service first chained it. */
export interface RecordedLink {
  readonly count: bigint;
  /** "commit/prepare" */
  readonly position: string;
  readonly eventId: string;
  readonly link: string;
}

/**
 * What the service keeps about the chain outside the event store: the link of
 * every event, recorded when it was first chained, and the latest signed
 * checkpoint. Embedded: `DATA_DIR/integrity.sqlite`; with READ_MODEL_URL: the
 * PostgreSQL database every instance shares.
 *
 * The links are evidence, not proof: anyone who can write here can change
 * them, so verify uses them to name *where* and *how* history was disturbed,
 * while what it decides rests on signatures and authenticators. Losing them is
 * harmless: they are re-chained from the store.
 */
export interface IntegrityRecords {
  lastLink(): Promise<RecordedLink | undefined>;
  /** Links with count greater than `afterCount`, in order. */
  linksAfter(afterCount: bigint, limit: number): Promise<RecordedLink[]>;
  whereChained(eventId: string): Promise<RecordedLink | undefined>;
  /**
   * All or nothing. A link already recorded at a count must be the same one
   * (two chainers briefly overlapping during a change of leader agree, since
   * links are computed from the same events): otherwise LinkConflictError.
   */
  record(links: readonly RecordedLink[]): Promise<void>;
  latestCheckpoint(): Promise<KeptCheckpoint | undefined>;
  /** Keeps `checkpoint` if it covers more than the one kept so far. */
  keepCheckpoint(checkpoint: KeptCheckpoint): Promise<void>;
  close(): Promise<void>;
}

export class LinkConflictError extends Error {
  constructor(readonly count: bigint, recorded: string, offered: string) {
    super(`Link #${count} is recorded as ${recorded}, but was computed as ${offered}`);
    this.name = 'LinkConflictError';
  }
}
