import { Client } from 'pg';
import { ProjectionLeadership } from './projection-leadership';

/** One key per read-model database: "samverkan projections". */
const LOCK_KEY = 0x5a3a7e01;

/**
 * Leadership through a PostgreSQL session-level advisory lock, held on a
 * connection of its own. If the leader dies, PostgreSQL ends its session and
 * frees the lock; a follower polling every `pollMs` takes over. The
 * checkpoint lives in the same database and moves in the same transaction as
 * the rows, so the new leader resumes exactly where the old one committed.
 */
export class PostgresAdvisoryLeadership implements ProjectionLeadership {
  isLeader = false;
  private client?: Client;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly pollMs = 1000,
  ) {}

  async acquire(onLost: () => void): Promise<void> {
    this.stopped = false;
    while (!this.stopped) {
      try {
        const client = await this.connect();
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LOCK_KEY]);
        if (rows[0].locked) {
          this.isLeader = true;
          client.on('error', () => this.lose(onLost));
          client.on('end', () => this.lose(onLost));
          return;
        }
      } catch {
        await this.dropClient(); // the database is unreachable: try again after the pause
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }

  async release(): Promise<void> {
    this.stopped = true;
    this.isLeader = false;
    await this.dropClient();
  }

  private lose(onLost: () => void): void {
    if (!this.isLeader) return;
    this.isLeader = false;
    this.client = undefined;
    onLost();
  }

  private async connect(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.url });
    client.on('error', () => undefined); // reported through query failures
    await client.connect();
    this.client = client;
    return client;
  }

  private async dropClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
