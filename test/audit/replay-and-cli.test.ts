import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { exportCommand } from '../../src/audit/cli/export.command';
import { auditReplayFile, replayCommand } from '../../src/audit/cli/replay.command';
import { replayReadModels } from '../../src/audit/cli/replay';
import { verifyCommand } from '../../src/audit/cli/verify.command';
import { migrateReadModels, openSqliteReadModels } from '../../src/projections/read-model-database';
import { integrityFixture, IntegrityFixture } from './support/integrity-fixture';
import { SqliteEventStore } from '../../src/event-store/sqlite';
import { AuthenticatingEventStore } from '../../src/audit/integrity/authenticating-event-store';
import { loadHaboHistory } from './support/habo-history';

describe('replay and the audit CLI commands', () => {
  let f: IntegrityFixture;
  const env = { ...process.env };

  beforeEach(async () => {
    f = await integrityFixture({ checkpointEvery: 5 });
    await loadHaboHistory(f.store);
    await f.chainer.catchUp();
    process.env = { ...env, DATA_DIR: f.dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' };
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    process.env = env;
    process.exitCode = undefined;
    jest.restoreAllMocks();
    await f.dispose();
  });

  async function count(file: string, table: 'audit_log' | 'activity_log'): Promise<number> {
    const db = openSqliteReadModels(file);
    try {
      return Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0].n);
    } finally {
      await db.destroy();
    }
  }

  it('replay --until builds the read models as of that instant in a separate file, leaving the live ones alone', async () => {
    const live = join(f.dataDir, 'read-models.sqlite');
    const liveDb = openSqliteReadModels(live);
    await migrateReadModels(liveDb);
    await liveDb.destroy();
    const liveBytes = createHash('sha256').update(readFileSync(live)).digest('hex');

    const all = await f.store.readAll({ maxCount: 1000 });
    const until = all[6].recordedAt; // the store's own clock: every event recorded by then is in, none after
    const expected = all.filter((e) => e.recordedAt.getTime() <= until.getTime()).length;
    await f.store.close(); // the CLI opens the store itself
    await replayCommand({ until: until.toISOString() });
    f.store = new AuthenticatingEventStore(await SqliteEventStore.open({ dataDir: f.dataDir }), f.key.eventKey);

    const file = auditReplayFile(f.dataDir, until);
    expect(await count(file, 'audit_log')).toBe(expected);
    expect(createHash('sha256').update(readFileSync(live)).digest('hex')).toBe(liveBytes);
    await expect(replayCommand({ until: until.toISOString(), out: live })).rejects.toThrow('never writes over the live read models');
  });

  it('a full replay reports progress and builds every read model', async () => {
    const progress: number[] = [];
    const file = join(f.dataDir, 'replayed.sqlite');
    const replayed = await replayReadModels(f.store, { file, onProgress: (events) => progress.push(events) });
    expect(replayed).toBe((await f.store.readAll({ maxCount: 1000 })).length);
    expect(progress[progress.length - 1]).toBe(replayed);
    expect(await count(file, 'activity_log')).toBe(3);
  });

  it('`samverkan verify` on the store, `export --out` and `verify --file` on the export', async () => {
    await f.store.close();
    expect(await verifyCommand({})).toMatchObject({ intact: true });
    const out = join(f.dataDir, 'export.ndjson');
    await exportCommand({ out });
    expect(existsSync(out)).toBe(true);
    const report = await verifyCommand({ file: out });
    expect(report).toMatchObject({ intact: true, trustedKeyIds: [f.key.publicKey.keyId] });
    expect(process.exitCode).toBeUndefined();
    f.store = new AuthenticatingEventStore(await SqliteEventStore.open({ dataDir: f.dataDir }), f.key.eventKey);
  });

  it('`samverkan verify` exits with code 2 and names the position when the store was tampered with', async () => {
    await f.tamper((db) => db.prepare(`UPDATE events SET metadata = json_set(metadata, '$.occurredAt', '2015-01-01T00:00:00.000Z') WHERE position = 4`).run());
    await f.store.close();
    const report = await verifyCommand({});
    expect(report.failure).toMatchObject({ kind: 'EDITED', position: '4/4' });
    expect(process.exitCode).toBe(2);
    expect(console.log).toHaveBeenCalledWith(expect.stringContaining('FAILED at position 4/4'));
    f.store = new AuthenticatingEventStore(await SqliteEventStore.open({ dataDir: f.dataDir }), f.key.eventKey);
  });
});
