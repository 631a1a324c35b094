/**
 * Who runs the projections. Exactly one process may apply events to a read
 * model database at a time; the others serve queries and commands and wait.
 */
export interface ProjectionLeadership {
  /**
   * Resolves once this process leads (at once for a single process). `onLost`
   * is called if leadership is lost later (e.g. the database connection broke).
   */
  acquire(onLost: () => void): Promise<void>;
  readonly isLeader: boolean;
  release(): Promise<void>;
}

/** The embedded SQLite read models belong to one process: it always leads. */
export class SingleProcessLeadership implements ProjectionLeadership {
  isLeader = false;

  async acquire(): Promise<void> {
    this.isLeader = true;
  }

  async release(): Promise<void> {
    this.isLeader = false;
  }
}
