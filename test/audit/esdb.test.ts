import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { INTEGRITY_RECORDS_FILE, SqliteIntegrityRecords } from '../../src/audit/integrity/sqlite-integrity-records';
import { AuthenticatingEventStore } from '../../src/audit/integrity/authenticating-event-store';
import { IntegrityChainer } from '../../src/audit/integrity/integrity-chainer';
import { signingKeyFrom } from '../../src/audit/integrity/signing-key';
import { verifyStore } from '../../src/audit/integrity/verify-store';
import { ExportScope } from '../../src/audit/export/export-format';
import { exportNdjson } from '../../src/audit/export/ndjson-export';
import { verifyExportFile } from '../../src/audit/export/verify-file';
import { EsdbTestServer } from '../esdb/esdb-test-server';
import { describeHistory } from './support/describe-history';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { startTestApp, TestApp } from '../support/test-app';
import { IDS, loadHaboHistory } from './support/habo-history';
import { PERSONAL_DATA_READ_EVENT_TYPE } from '../../src/audit/read-access/personal-data-read.event';
import { appendSampleEvents } from './support/integrity-fixture';

/**
 * The audit trail on EventStoreDB (the protocol-level test server, real gRPC,
 * the real client): everything goes through the port, so the same code runs.
 * Shown here: history, the audit log, replay, chaining, checkpoints, verify,
 * export and the read-access log work on it (tampering with it is in
 * tampering.test.ts, which edits the test server's state).
 */
const servers: EsdbTestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

describeHistory('EventStoreDB test server', async () => {
  // A server per call: each describe of the history suite loads the same story into an empty store.
  const server = await new EsdbTestServer().start();
  servers.push(server);
  const store = await EsdbEventStore.connect(server.connectionString);
  return { store, dispose: () => store.close() };
});

describe('integrity chain, verify and export (EventStoreDB test server)', () => {
  let store: EventStore;
  let dir: string;
  let links: SqliteIntegrityRecords;
  const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);

  beforeAll(async () => {
    // A server of its own: the history suite's servers hold events written without the service (no authenticators).
    const server = await new EsdbTestServer().start();
    servers.push(server);
    store = new AuthenticatingEventStore(await EsdbEventStore.connect(server.connectionString), key.eventKey);
    dir = mkdtempSync(join(tmpdir(), 'samverkan-esdb-audit-'));
    links = SqliteIntegrityRecords.open(join(dir, INTEGRITY_RECORDS_FILE));
    for (let round = 0; round < 3; round++) {
      await appendSampleEvents(store, 10);
      await new IntegrityChainer(store, links, key, { everyEvents: 10, everyMinutes: 60 }).catchUp();
    }
  });
  afterAll(async () => {
    await links.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('chains every event (EventStoreDB positions), signs checkpoints in the store, and verifies intact', async () => {
    const report = await verifyStore(store, { keys: [key.publicKey], eventKeys: [key.eventKey], records: links });
    expect(report).toMatchObject({ intact: true, failure: null, unprovenEvents: 0 });
    expect(report.checkpointsChecked).toBe(3);
    expect(report.eventsChecked).toBe(Number((await links.lastLink())!.count));
  });

  it('exports everything and one stream as NDJSON that verifies offline', async () => {
    const exportTo = async (name: string, scope: ExportScope) => {
      const file = join(dir, name);
      const out = createWriteStream(file);
      const result = await exportNdjson(store, { scope, key: key.publicKey, eventKeys: [key.eventKey], records: links, out });
      out.end();
      await finished(out);
      return { file, result };
    };
    const all = await exportTo('all.ndjson', { kind: 'all', afterPosition: null });
    const chained = Number((await links.lastLink())!.count);
    expect(all.result.events).toBe(chained);
    expect(await verifyExportFile(all.file, { keys: [key.publicKey] })).toMatchObject({ intact: true, eventsChecked: chained });
    const stream = await exportTo('stream.ndjson', { kind: 'stream', stream: 'sample-1' });
    const lines = readFileSync(stream.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; stream?: string });
    expect(lines.filter((l) => l.kind === 'event').map((l) => l.stream)).toEqual(Array(stream.result.events).fill('sample-1'));
    expect(await verifyExportFile(stream.file, { keys: [key.publicKey] })).toMatchObject({ intact: true, eventsChecked: stream.result.events });
  });

});

describe('the read-access log over GraphQL, with EVENT_STORE=esdb (EventStoreDB test server)', () => {
  let server: EsdbTestServer;
  let t: TestApp;
  const caughtUp = async () => {
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    await t.app.get(ProjectionRunner).waitFor(head!, 10_000);
  };

  beforeAll(async () => {
    server = await new EsdbTestServer().start();
    servers.push(server);
    t = await startTestApp({ EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: server.connectionString });
    await loadHaboHistory(t.app.get<EventStore>(EVENT_STORE));
    await caughtUp();
  });
  afterAll(() => t?.close());

  it('records who read signatory names, through which query, as events in the server; auditors can query them', async () => {
    // The promise is adopted, not published: its signatories' names are not public, so reading them is logged.
    await t.as('member', IDS.habo).ok(`query WhoSigned { promise(id: "${IDS.promise}") { adoption { signatories { name } } } }`);
    // Reads are recorded after the answer is sent: wait for the store to hold them and the log to catch up.
    const recorded = async () => (await t.app.get<EventStore>(EVENT_STORE).readAll({ maxCount: 1000 })).find((e) => e.type === PERSONAL_DATA_READ_EVENT_TYPE);
    while (!(await recorded())) await new Promise((resolve) => setTimeout(resolve, 10));
    // The record is an event in the server itself, not in a local file.
    expect(server.state.stream((await recorded())!.streamName)?.map((e) => e.type)).toEqual([PERSONAL_DATA_READ_EVENT_TYPE]);
    await caughtUp();
    const data = await t.as('auditor').ok<{ personalDataReads: { edges: { node: { reader: { userId: string }; field: string; subjectId: string; count: number; operationName: string | null } }[] } }>(
      `{ personalDataReads(readerUserId: "member-${IDS.habo}") { edges { node { reader { userId } field subjectId count operationName } } } }`,
    );
    expect(data.personalDataReads.edges.map((e) => e.node)).toEqual([
      { reader: { userId: `member-${IDS.habo}` }, field: 'PromiseSignatory.name', subjectId: IDS.promise, count: 1, operationName: 'WhoSigned' },
    ]);
  });
});
