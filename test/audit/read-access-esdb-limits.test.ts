/**
 * The read-access log on a server as strict as EventStoreDB 24.10: appends
 * over 1 MiB are refused, and `any` appends are de-duplicated only while the
 * node remembers the ids. An operation that read a great deal is logged in
 * full, in appends under the limit, each at an exact revision.
 */
import { randomUUID } from 'node:crypto';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { PersonalDataReadRecorder } from '../../src/audit/read-access/read-access.recorder';
import { PendingReads } from '../../src/audit/read-access/pending-reads';
import { PersonalDataReadData } from '../../src/audit/read-access/personal-data-read.event';
import { AppendTooLargeError } from '../../src/event-store/event-store.errors';
import { EsdbTestServer } from '../esdb/esdb-test-server';

describe('read-access log on a strict EventStoreDB test server', () => {
  let server: EsdbTestServer;
  let store: EsdbEventStore;
  let recorder: PersonalDataReadRecorder;
  beforeAll(async () => {
    server = await new EsdbTestServer().start();
    store = await EsdbEventStore.connect(server.connectionString);
    // Not signed in (the context factory refuses): the recorder logs the reader as anonymous.
    const contexts = { create: () => { throw new Error('no identity'); } };
    recorder = new PersonalDataReadRecorder(store, contexts as never, { now: () => new Date() } as never, {} as never, { consume: () => undefined } as never);
  });
  afterAll(async () => {
    await store.close();
    await server.stop();
  });

  // One count per person read: an operation about many subjects is many entries, and many entries many appends.
  const pending = (subjects: number): PendingReads => ({
    operationName: 'ManyPeople',
    documentHash: 'sha256:test',
    counts: new Map(Array.from({ length: subjects }, (_, i) => [`person-${i}|Person.name`, { subjectId: `person-${i}`, field: 'Person.name', count: 1 }])),
  });
  const logged = (streamName: string) =>
    server.state.stream(streamName)!.flatMap((e) => (JSON.parse(Buffer.from(e.data).toString()) as PersonalDataReadData).reads.map((r) => r.subjectId));

  it('logs every read of an operation about 30,000 people in appends the server accepts, each at an exact revision', async () => {
    const before = server.received.length;
    await recorder.record({ correlationId: randomUUID() }, pending(30_000));
    const appends = server.received.slice(before).filter((r) => r.streamName.startsWith('personaldataread'));
    expect(appends.length).toBeGreaterThan(2);
    for (const append of appends) {
      expect(typeof append.expected === 'bigint' || append.expected === 'no_stream').toBe(true);
      expect(append.events.reduce((n, e) => n + e.data.length + e.customMetadata.length, 0)).toBeLessThanOrEqual(1024 * 1024);
    }
    const subjects = logged(appends[0].streamName);
    expect(subjects.slice(-30_000)).toEqual(Array.from({ length: 30_000 }, (_, i) => `person-${i}`));
  });

  it('a lost reply on a node that then forgot the ids is not logged twice', async () => {
    const stream = server.received.find((r) => r.streamName.startsWith('personaldataread'))!.streamName;
    const countBefore = server.state.stream(stream)!.length;
    server.refuseAppends(1, 'timeout', { stream, afterWrite: true, forgetIds: true });
    await recorder.record({ correlationId: randomUUID() }, pending(10));
    expect(server.state.stream(stream)!.length).toBe(countBefore + 1);
  });

  it('an append over the limit is a typed error that writes nothing', async () => {
    const stream = `too-big-${randomUUID()}`;
    const big = { id: randomUUID(), type: 'Big', data: { blob: 'x'.repeat(1024 * 1024) }, metadata: {} };
    await expect(store.append(stream, [big], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(AppendTooLargeError);
    expect(server.state.stream(stream)).toBeUndefined();
  });

  it("the server's own refusal (a lower MaxAppendSize than the adapter assumes) is the same typed error", async () => {
    const small = await new EsdbTestServer({ maxAppendSize: 1000 }).start();
    const client = await EsdbEventStore.connect(small.connectionString);
    try {
      const event = { id: randomUUID(), type: 'Medium', data: { blob: 'x'.repeat(2000) }, metadata: {} };
      await expect(client.append('medium-1', [event], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(AppendTooLargeError);
      expect(small.state.stream('medium-1')).toBeUndefined();
    } finally {
      await client.close();
      await small.stop();
    }
  });
});
