import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCommand } from '../../src/audit/cli/verify.command';
import { VerifyReport } from '../../src/audit/integrity/verify-report';
import { startTestApp, TestApp } from '../support/test-app';
import { startServiceProcess } from '../support/service-process';

/**
 * The service over a store someone changed while it was stopped (the embedded
 * store's file edited directly), and over integrity records that were lost
 * without anyone tampering. What an operator and an auditor meet: /health,
 * refused mutations, `verifyIntegrity` and the `verify` command.
 */
const ENV = { INTEGRITY_CHECKPOINT_EVERY_EVENTS: '5' };
const EVENTS_FILE = 'events.sqlite';
const LINKS_FILE = 'integrity.sqlite';

describe('the service checks the integrity proof itself (embedded store)', () => {
  let dataDir: string;
  let t: TestApp | undefined;
  const env = { ...process.env };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'samverkan-self-check-'));
  });
  afterEach(async () => {
    await t?.close({ keepData: true });
    t = undefined;
    process.env = env;
    process.exitCode = undefined;
    jest.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (extra: Record<string, string> = {}) => (t = await startTestApp({ ...ENV, ...extra }, dataDir));
  const stop = async () => {
    await t!.close({ keepData: true });
    t = undefined;
  };
  const register = async (n: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(`m-${randomUUID().slice(0, 8)}`);
      await t!.ok(`mutation($i: RegisterMunicipalityInput!) { registerMunicipality(input: $i) { id } }`,
        { i: { organisationId: ids[i], name: `Kommun ${i}`, municipalityCode: String(1000 + i) } });
    }
    return ids;
  };
  const health = async () => (await (await fetch(t!.url.replace('/graphql', '/health'))).json()) as any;
  const verifyOverGraphql = async () =>
    (await t!.as('auditor').ok<{ verifyIntegrity: { intact: boolean; summary: string; failure: { kind: string; position: string } | null } }>(
      '{ verifyIntegrity { intact summary failure { kind position } } }')).verifyIntegrity;
  const editFile = (file: string, edit: (db: Database.Database) => void) => {
    const db = new Database(join(dataDir, file));
    try {
      edit(db);
    } finally {
      db.close();
    }
  };
  const readFile = <T>(file: string, read: (db: Database.Database) => T): T => {
    const db = new Database(join(dataDir, file), { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  };
  const lastPosition = () => readFile(EVENTS_FILE, (db) => (db.prepare('SELECT max(position) AS p FROM events').get() as { p: number }).p);
  const checkpointCounts = () => readFile(EVENTS_FILE, (db) =>
    (db.prepare(`SELECT data FROM events WHERE stream = 'integrity-checkpoints' ORDER BY position`).all() as { data: string }[])
      .map((r) => Number((JSON.parse(r.data) as { count: string }).count)));
  /** `samverkan verify` as an operator runs it on the stopped service's DATA_DIR. */
  const verifyCli = async (options: Parameters<typeof verifyCommand>[0] = {}): Promise<VerifyReport> => {
    process.env = { ...env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' };
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      return await verifyCommand(options);
    } finally {
      process.env = env;
      jest.restoreAllMocks();
    }
  };
  /** A forged event as someone with write access to events.sqlite, but not the signing key, would add it. */
  const appendForgedEvent = () => editFile(EVENTS_FILE, (db) => {
    const metadata = { actor: { displayName: 'Admin', organisationId: null, role: 'admin', userId: 'admin-none' }, causationId: randomUUID(),
      commandId: randomUUID(), commandType: 'RegisterMunicipality', correlationId: randomUUID(), occurredAt: new Date().toISOString(), schemaVersion: 1 };
    db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, 0, ?, ?, ?, ?)').run(
      randomUUID(), 'organisation-forged', 'MunicipalityRegistered',
      JSON.stringify({ municipalityCode: '9999', name: 'Forged kommun', organisationId: 'forged' }), JSON.stringify(metadata), Date.now());
  });

  it('a forged event appended at the tail is not chained as genuine: the service starts read-only, /health and verify say where', async () => {
    await start();
    const genuine = await register(7);
    await stop();
    appendForgedEvent();
    const forgedAt = `${lastPosition()}/${lastPosition()}`;

    await start();
    const body = await health();
    expect(body.status).toBe('degraded');
    expect(body.integrity).toMatchObject({ status: 'failed', writes: 'refused', failure: { kind: 'FORGED', position: forgedAt } });
    const refused = await t!.gql(`mutation { registerMunicipality(input: { organisationId: "m-after", name: "Efter", municipalityCode: "0643" }) { id } }`);
    expect(refused.errors?.[0].extensions?.code).toBe('INTEGRITY_FAILED');
    expect(await verifyOverGraphql()).toMatchObject({ intact: false, failure: { kind: 'FORGED', position: forgedAt } });
    // Reads go on, so an auditor can look into it (the read models show what the store holds; /health says what to distrust).
    const read = await t!.as('auditor').ok<{ organisations: { edges: { node: { id: string } }[] } }>('{ organisations(first: 50) { edges { node { id } } } }');
    expect(read.organisations.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(genuine));
    await stop();
    expect((await verifyCli()).failure).toMatchObject({ kind: 'FORGED', position: forgedAt });
    expect(process.exitCode).toBe(2);
  });

  it('a forged event written into the store while the service runs: chaining stops at it, and writes are refused from then on', async () => {
    await start();
    await register(3);
    appendForgedEvent(); // beside the running service, straight into its file
    const forgedAt = `${lastPosition()}/${lastPosition()}`;
    await register(1); // the chainer meets the forged event on its way to this one
    let body = await health();
    for (let i = 0; i < 100 && body.integrity.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      body = await health();
    }
    expect(body.integrity).toMatchObject({ status: 'failed', writes: 'refused', chaining: false, failure: { kind: 'FORGED', position: forgedAt } });
    const refused = await t!.gql(`mutation { registerMunicipality(input: { organisationId: "m-late", name: "Sen", municipalityCode: "0643" }) { id } }`);
    expect(refused.errors?.[0].extensions?.code).toBe('INTEGRITY_FAILED');
  });

  it('with INTEGRITY_ON_FAILURE=stop, the service does not start on a store that fails its check', async () => {
    await start();
    await register(3);
    await stop();
    appendForgedEvent();
    // The real service process: it exits, naming the failure, instead of serving.
    await expect(startServiceProcess({ ...ENV, DATA_DIR: dataDir, INTEGRITY_ON_FAILURE: 'stop' })).rejects.toThrow(/exited with 1.*FORGED/s);
  });

  it('the tail deleted together with its links is caught against the checkpoint kept outside the store and the one an auditor saved', async () => {
    await start();
    await register(12);
    await stop();
    const saved = join(dataDir, 'auditor-checkpoint.json');
    expect(await verifyCli({ saveCheckpoint: saved })).toMatchObject({ intact: true });
    const kept = JSON.parse(readFileSync(saved, 'utf8')) as { count: string; position: string };
    expect(Number(kept.count)).toBe(Math.max(...checkpointCounts()));

    // Everything from the event before the last checkpoint's on: the events, and the links recorded for them.
    const cut = Number(kept.position.split('/')[0]) - 1;
    editFile(EVENTS_FILE, (db) => db.prepare('DELETE FROM events WHERE position >= ?').run(cut));
    editFile(LINKS_FILE, (db) => db.prepare('DELETE FROM chain_links WHERE count >= ?').run(cut));

    const report = await verifyCli();
    expect(report.failure).toMatchObject({ kind: 'TRUNCATED', count: BigInt(cut), position: kept.position });
    expect(report.intactUpTo).toBe(`${cut - 1}/${cut - 1}`);
    await start();
    expect((await health()).integrity).toMatchObject({ status: 'failed', writes: 'refused', failure: { kind: 'TRUNCATED' } });
    await stop();

    // With the service's own copy gone too, nothing in reach of the tamperer shows it; the auditor's saved checkpoint does.
    editFile(LINKS_FILE, (db) => db.exec('DELETE FROM latest_checkpoint'));
    expect(await verifyCli()).toMatchObject({ intact: true });
    expect((await verifyCli({ expectCheckpoint: saved })).failure).toMatchObject({ kind: 'TRUNCATED', count: BigInt(cut), position: kept.position });
  });

  it('no false alarm when integrity.sqlite is lost: the links are re-chained from the store and later checkpoints verify', async () => {
    await start();
    await register(12);
    await stop();
    unlinkSync(join(dataDir, LINKS_FILE));
    for (const suffix of ['-wal', '-shm']) if (existsSync(join(dataDir, LINKS_FILE + suffix))) unlinkSync(join(dataDir, LINKS_FILE + suffix));

    // A changed checkpoint policy too (allowed at any restart): the re-chained history must not be signed again at other counts.
    await start({ INTEGRITY_CHECKPOINT_EVERY_EVENTS: '4' });
    expect((await health()).integrity).toMatchObject({ status: 'intact', writes: 'accepted' });
    await register(12);
    expect(await verifyOverGraphql()).toMatchObject({ intact: true, failure: null });
    await stop();
    const counts = checkpointCounts();
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(counts).size).toBe(counts.length);
    expect(await verifyCli()).toMatchObject({ intact: true, failure: null });
  });

  it('no false alarm when the newest links were lost (power loss): re-chained, intact, and checkpoints keep growing', async () => {
    await start();
    await register(12);
    await stop();
    editFile(LINKS_FILE, (db) => db.prepare('DELETE FROM chain_links WHERE count > ?').run(4));

    await start();
    expect((await health()).integrity).toMatchObject({ status: 'intact', writes: 'accepted' });
    await register(6);
    await stop();
    const counts = checkpointCounts();
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(counts).size).toBe(counts.length);
    expect(await verifyCli()).toMatchObject({ intact: true, failure: null });
  });
});
