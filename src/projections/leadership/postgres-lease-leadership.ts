import { Kysely, sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { resilientPool } from '../postgres-pool';
import { ReadModelSchema } from '../read-model-schema';
import { LeadershipLostError, ProjectionLeadership } from './projection-leadership';

/** One lease per read-model database. */
const LEASE_NAME = 'projections';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS projection_leases (
  name text PRIMARY KEY, holder text NOT NULL, token bigint NOT NULL, expires_at timestamptz NOT NULL)`;
/** Takes the lease when nobody holds it or it has run out (by the database's clock), with the next fencing token. */
const ACQUIRE = `INSERT INTO projection_leases AS l (name, holder, token, expires_at)
  VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
  ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, token = l.token + 1, expires_at = excluded.expires_at
  WHERE l.expires_at <= now()
  RETURNING token`;
const RENEW = `UPDATE projection_leases SET expires_at = now() + $4 * interval '1 millisecond'
  WHERE name = $1 AND holder = $2 AND token = $3 AND expires_at > now() RETURNING token`;
const HAND_BACK = 'UPDATE projection_leases SET expires_at = now() WHERE name = $1 AND holder = $2 AND token = $3';

export interface LeaseSettings {
  /** How long a taken or renewed lease lasts (database time). */
  leaseMs: number;
  /** How often the leader renews and a follower tries to take over. */
  heartbeatMs: number;
}

/**
 * Leadership through a lease row in the read-model database, renewed by a
 * heartbeat. Unlike a session lock, a lease does not outlive a leader that
 * hangs or is paused with its connections open: it simply runs out, and a
 * follower takes it with the next fencing token. The old leader stops on its
 * own once it has not renewed for (almost) a lease, measured on a monotonic
 * clock from before its last successful renewal was sent, so it always gives
 * up before the database could hand the lease to someone else. Whatever it
 * still tries to write is refused by `fence`, which checks the token in the
 * writing transaction itself.
 */
export class PostgresLeaseLeadership implements ProjectionLeadership {
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /** A connection of its own, so that queries filling the read-model pool never delay a renewal. */
  private readonly pool;
  private token?: number;
  /** performance.now() after which this process no longer counts itself the leader. */
  private validUntil = 0;
  private heartbeat?: NodeJS.Timeout;
  private renewing = false;
  private onLost?: () => void;
  private stopped = false;

  constructor(
    url: string,
    private readonly settings: LeaseSettings,
  ) {
    // A renewal that takes longer than a heartbeat is as good as failed: give up on it, try the next.
    this.pool = resilientPool({ connectionString: url, max: 1, connectionTimeoutMillis: settings.heartbeatMs, statement_timeout: settings.heartbeatMs, lock_timeout: settings.heartbeatMs });
  }

  get isLeader(): boolean {
    return this.token !== undefined && performance.now() < this.validUntil;
  }

  async acquire(onLost: () => void): Promise<void> {
    this.stopped = false;
    while (!this.stopped) {
      const sent = performance.now();
      try {
        await this.pool.query(CREATE_TABLE);
        const { rows } = await this.pool.query<{ token: string | number }>(ACQUIRE, [LEASE_NAME, this.holder, this.settings.leaseMs]);
        if (rows.length > 0 && !this.stopped) {
          this.token = Number(rows[0].token);
          this.validUntil = sent + this.validityMs();
          this.onLost = onLost;
          this.heartbeat = setInterval(() => void this.renew(), this.settings.heartbeatMs);
          return;
        }
      } catch {
        // the database is unreachable, or another instance is creating the table: try again after the pause
      }
      await new Promise((resolve) => setTimeout(resolve, this.settings.heartbeatMs));
    }
  }

  async fence(trx: Kysely<ReadModelSchema>): Promise<void> {
    const token = this.token;
    if (token === undefined || !this.isLeader) throw new LeadershipLostError('this instance does not hold the lease');
    // FOR UPDATE: nobody can take the lease over until this transaction has committed or rolled back.
    const { rows } = await sql<{ token: number }>`SELECT token FROM projection_leases
      WHERE name = ${LEASE_NAME} AND holder = ${this.holder} AND token = ${token} AND expires_at > now() FOR UPDATE`.execute(trx);
    if (rows.length === 0) {
      setImmediate(() => this.lose());
      throw new LeadershipLostError(`lease token ${token} has expired or passed to another instance`);
    }
  }

  async release(): Promise<void> {
    this.stopped = true;
    const token = this.token;
    this.lose(false);
    // Hand the lease back at once, so a follower need not wait for it to run out.
    if (token !== undefined) await this.pool.query(HAND_BACK, [LEASE_NAME, this.holder, token]).catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  /** Leadership is given up a little before the lease runs out, to allow for clocks that run at slightly different rates. */
  private validityMs(): number {
    return this.settings.leaseMs - Math.min(this.settings.heartbeatMs, this.settings.leaseMs / 10);
  }

  private async renew(): Promise<void> {
    // Woken from a pause, or renewals failed for too long: the lease may be someone else's by now.
    if (!this.isLeader) return this.lose();
    if (this.renewing) return;
    this.renewing = true;
    const sent = performance.now();
    try {
      const { rows } = await this.pool.query(RENEW, [LEASE_NAME, this.holder, this.token, this.settings.leaseMs]);
      if (rows.length === 0) this.lose();
      else if (this.token !== undefined) this.validUntil = sent + this.validityMs();
    } catch {
      // unreachable or slow: keep trying until the lease runs out
    } finally {
      this.renewing = false;
    }
    if (this.token !== undefined && !this.isLeader) this.lose();
  }

  private lose(notify = true): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    if (this.token === undefined) return;
    this.token = undefined;
    const onLost = this.onLost;
    this.onLost = undefined;
    if (notify) onLost?.();
  }
}
