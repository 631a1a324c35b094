import { Kysely } from 'kysely';
import { ReadModelSchema } from '../read-model-schema';

/**
 * Who runs the projections. Exactly one process may apply events to a read
 * model database at a time; the others serve queries and commands and wait.
 */
export interface ProjectionLeadership {
  /**
   * Resolves once this process leads (at once for a single process). `onLost`
   * is called if leadership is lost later (the lease could not be renewed).
   */
  acquire(onLost: () => void): Promise<void>;
  readonly isLeader: boolean;
  /**
   * Call inside every transaction that writes projected rows, before it
   * writes: throws LeadershipLostError unless this process still holds the
   * leadership, and keeps anyone from taking it over until the transaction
   * ends. A leader that was paused and woke up after another took over can
   * therefore never commit a projection write.
   */
  fence(trx: Kysely<ReadModelSchema>): Promise<void>;
  release(): Promise<void>;
}

/** This process no longer leads the projections: its write was refused. */
export class LeadershipLostError extends Error {
  constructor(detail: string) {
    super(`Projection leadership lost: ${detail}`);
    this.name = 'LeadershipLostError';
  }
}

/** The embedded SQLite read models belong to one process: it always leads. */
export class SingleProcessLeadership implements ProjectionLeadership {
  isLeader = false;

  async acquire(): Promise<void> {
    this.isLeader = true;
  }

  async fence(): Promise<void> {
    // nobody else can write this database (the embedded store is single-process)
  }

  async release(): Promise<void> {
    this.isLeader = false;
  }
}
