import { sql } from 'kysely';
import { Client } from 'pg';
import { RecordedEvent } from '../../src/event-store/event-store.port';
import { loadCheckpoints } from '../../src/projections/checkpoint';
import { LeadershipLostError } from '../../src/projections/leadership/projection-leadership';
import { PostgresLeaseLeadership } from '../../src/projections/leadership/postgres-lease-leadership';
import { ProjectionApplier } from '../../src/projections/projection-applier';
import { Projection } from '../../src/projections/projection';
import { migrateReadModels, ReadModelDb } from '../../src/projections/read-model-database';
import { openPostgresReadModels } from '../../src/projections/postgres-read-models';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/postgres-test-db';

const SETTINGS = { leaseMs: 1000, heartbeatMs: 200 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A projection that writes one row per event into a table of its own. */
const probe: Projection = {
  name: 'probe',
  handles: ['Probed'],
  tables: [],
  apply: async (trx, event) => void (await sql`INSERT INTO probe_rows (id) VALUES (${event.id})`.execute(trx)),
};
const event = (n: number): RecordedEvent => ({
  id: `probe-${n}`, type: 'Probed', streamName: 'probe', revision: BigInt(n), position: { commit: BigInt(n), prepare: BigInt(n) }, data: {}, metadata: {}, recordedAt: new Date(),
});

/**
 * The projection lease against a real PostgreSQL: one holder at a time, a
 * takeover only once the lease has run out, and fencing: a holder whose
 * lease passed to another (it was paused past its lease) cannot commit a
 * projection batch, even before it has noticed.
 */
describe('PostgreSQL lease leadership', () => {
  let database: ThrowawayDatabase;
  let db: ReadModelDb;
  let admin: Client;
  const held: PostgresLeaseLeadership[] = [];
  const lease = () => {
    const leadership = new PostgresLeaseLeadership(database.url, SETTINGS);
    held.push(leadership);
    return leadership;
  };

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    db = openPostgresReadModels(database.url, { poolSize: 2 });
    await migrateReadModels(db);
    await sql`CREATE TABLE probe_rows (id text PRIMARY KEY)`.execute(db);
    admin = new Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(held.map((l) => l.release()));
    await admin?.end();
    await db?.destroy();
    await database?.drop();
  });

  it('is not taken over while renewed, passes on with a new token once it runs out, and fences the old holder out', async () => {
    const first = lease();
    let firstLost = false;
    await first.acquire(() => (firstLost = true));
    expect(first.isLeader).toBe(true);

    const second = lease();
    let secondLeads = false;
    const secondAcquired = second.acquire(() => undefined).then(() => (secondLeads = true));
    await sleep(SETTINGS.leaseMs * 2); // two leases long: renewals keep it with the first
    expect(secondLeads).toBe(false);
    expect(first.isLeader).toBe(true);

    const fencedApplier = (leadership: PostgresLeaseLeadership) => new ProjectionApplier([probe], undefined, (trx) => leadership.fence(trx));
    await fencedApplier(first).apply(db, [event(1)]);

    // The first holder stops renewing as a paused process would: the lease runs out in the database.
    await admin.query(`UPDATE projection_leases SET expires_at = now() - interval '1 second'`);
    await secondAcquired;
    expect(second.isLeader).toBe(true);
    expect((await admin.query('SELECT token FROM projection_leases')).rows).toEqual([{ token: 2 }]);

    // It has not noticed yet, but its batch is refused, rolled back, and it learns it has lost.
    await expect(fencedApplier(first).apply(db, [event(2)])).rejects.toBeInstanceOf(LeadershipLostError);
    await sleep(10);
    expect(firstLost).toBe(true);
    expect(first.isLeader).toBe(false);
    await fencedApplier(second).apply(db, [event(3)]);

    const rows = (await sql<{ id: string }>`SELECT id FROM probe_rows ORDER BY id`.execute(db)).rows.map((r) => r.id);
    expect(rows).toEqual(['probe-1', 'probe-3']);
    expect((await loadCheckpoints(db)).get(probe.name)?.position?.commit).toBe(3n);
  });

  it('hands the lease over at once when released', async () => {
    await Promise.all(held.splice(0).map((l) => l.release()));
    const leader = lease();
    await leader.acquire(() => undefined);
    const next = lease();
    const started = Date.now();
    const acquired = next.acquire(() => undefined);
    await leader.release();
    await acquired;
    expect(Date.now() - started).toBeLessThan(SETTINGS.leaseMs);
    expect(next.isLeader).toBe(true);
  });
});
