import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import Database from 'better-sqlite3';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { ChainLinksDb, CHAIN_LINKS_FILE } from '../../src/audit/integrity/chain-links-db';
import { IntegrityChainer } from '../../src/audit/integrity/integrity-chainer';
import { signingKeyFrom } from '../../src/audit/integrity/signing-key';
import { verifyStore } from '../../src/audit/integrity/verify-store';
import { EsdbTestServer } from '../esdb/esdb-test-server';
import { describeHistory } from './support/describe-history';
import { appendSampleEvents } from './support/integrity-fixture';

/**
 * The audit trail on EventStoreDB (the protocol-level test server, real gRPC,
 * the real client): everything goes through the port, so the same code runs.
 * EventStoreDB cannot be tampered with by editing a file; what is shown here
 * is that history, chaining, checkpoints and verify work on it, and that a
 * recorded link that no longer matches is caught.
 */
const servers: EsdbTestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

async function esdbStore(): Promise<EsdbEventStore> {
  if (servers.length === 0) servers.push(await new EsdbTestServer().start());
  return EsdbEventStore.connect(servers[0].connectionString);
}

describeHistory('EventStoreDB test server', async () => {
  // A server per call: each describe of the history suite loads the same story into an empty store.
  const server = await new EsdbTestServer().start();
  servers.push(server);
  const store = await EsdbEventStore.connect(server.connectionString);
  return { store, dispose: () => store.close() };
});

describe('integrity chain and verify (EventStoreDB test server)', () => {
  let store: EsdbEventStore;
  let dir: string;
  let links: ChainLinksDb;
  const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);

  beforeAll(async () => {
    store = await esdbStore();
    dir = mkdtempSync(join(tmpdir(), 'samverkan-esdb-audit-'));
    links = ChainLinksDb.open(join(dir, CHAIN_LINKS_FILE));
    await appendSampleEvents(store, 30);
    await new IntegrityChainer(store, links, key, { everyEvents: 10, everyMinutes: 60 }).catchUp();
  });
  afterAll(async () => {
    links.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('chains every event (EventStoreDB positions), signs checkpoints in the store, and verifies intact', async () => {
    const report = await verifyStore(store, { keys: [key.publicKey], links });
    expect(report).toMatchObject({ intact: true, failure: null, unchainedEvents: 0 });
    expect(report.checkpointsChecked).toBeGreaterThanOrEqual(3);
    expect(report.eventsChecked).toBe(Number(links.lastLink()!.count));
  });

  it('a recorded link that no longer matches its event is reported at that event’s position', async () => {
    const row = links.linksAfter(11n, 1)[0];
    const db = new Database(join(dir, CHAIN_LINKS_FILE));
    db.prepare('UPDATE chain_links SET link = ? WHERE count = ?').run('f'.repeat(64), 12);
    db.close();
    const report = await verifyStore(store, { keys: [key.publicKey], links });
    expect(report.failure).toMatchObject({ kind: 'EDITED', position: row.position, count: 12n });
  });
});
