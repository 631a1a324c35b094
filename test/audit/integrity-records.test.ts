import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { KeptCheckpoint, signCheckpoint } from '../../src/audit/integrity/checkpoint';
import { IntegrityRecords, LinkConflictError, RecordedLink } from '../../src/audit/integrity/integrity-records';
import { PostgresIntegrityRecords } from '../../src/audit/integrity/postgres-integrity-records';
import { signingKeyFrom } from '../../src/audit/integrity/signing-key';
import { INTEGRITY_RECORDS_FILE, SqliteIntegrityRecords } from '../../src/audit/integrity/sqlite-integrity-records';
import { openPostgresReadModels } from '../../src/projections/postgres-read-models';
import { createThrowawayDatabase } from '../support/postgres-test-db';

/** Both places the integrity records live keep the same promises (one instance: SQLite; several: PostgreSQL). */
const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
const link = (count: number, suffix = 'a'): RecordedLink => ({ count: BigInt(count), position: `${count}/${count}`, eventId: `e-${count}`, link: `${suffix}${count}`.padEnd(64, '0') });
const kept = (count: number): KeptCheckpoint => ({
  ...signCheckpoint({ count: BigInt(count), position: `${count}/${count}`, eventId: `e-${count}`, head: 'h'.repeat(64), signedAt: '2024-01-01T00:00:00.000Z' }, key),
  eventPosition: `${count + 1}/${count + 1}`, eventRevision: BigInt(count),
});

const places: [string, () => Promise<{ records: IntegrityRecords; dispose(): Promise<void> }>][] = [
  ['SQLite (integrity.sqlite)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-records-'));
    const records = SqliteIntegrityRecords.open(join(dir, INTEGRITY_RECORDS_FILE));
    return { records, dispose: async () => { await records.close(); rmSync(dir, { recursive: true, force: true }); } };
  }],
  ['PostgreSQL (READ_MODEL_URL)', async () => {
    const database = await createThrowawayDatabase();
    const db = openPostgresReadModels(database.url, { poolSize: 2 }) as unknown as Kysely<unknown>;
    // Two instances starting at once migrate the same database: the migration lock keeps them apart.
    const [records] = await Promise.all([PostgresIntegrityRecords.open(db), PostgresIntegrityRecords.open(db)]);
    return { records, dispose: async () => { await db.destroy(); await database.drop(); } };
  }],
];

describe.each(places)('integrity records in %s', (_name, open) => {
  let records: IntegrityRecords;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ records, dispose } = await open()));
  afterEach(() => dispose());

  it('records links in order, pages through them, and finds where an event was chained', async () => {
    await records.record([1, 2, 3, 4, 5].map((n) => link(n)));
    expect((await records.linksAfter(2n, 2)).map((l) => l.count)).toEqual([3n, 4n]);
    expect(await records.lastLink()).toEqual(link(5));
    expect(await records.whereChained('e-4')).toEqual(link(4));
    expect(await records.whereChained('e-unknown')).toBeUndefined();
  });

  it('two chainers overlapping record the same links once; a different link for a recorded place is refused, recording nothing', async () => {
    await records.record([link(1), link(2)]);
    await records.record([link(2), link(3)]); // the other chainer, one link behind
    expect((await records.linksAfter(0n, 10)).map((l) => l.count)).toEqual([1n, 2n, 3n]);
    await expect(records.record([link(4), link(3, 'b')])).rejects.toBeInstanceOf(LinkConflictError);
    expect((await records.lastLink())?.count).toBe(3n);
  });

  it('keeps the checkpoint covering the most events, whatever order they arrive in', async () => {
    expect(await records.latestCheckpoint()).toBeUndefined();
    await records.keepCheckpoint(kept(20));
    await records.keepCheckpoint(kept(10));
    expect(await records.latestCheckpoint()).toEqual(kept(20));
    await records.keepCheckpoint(kept(30));
    expect(await records.latestCheckpoint()).toEqual(kept(30));
  });
});
