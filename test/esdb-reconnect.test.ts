/**
 * A subscription outlives its server: the test server is killed in the middle
 * of a live subscription (forceShutdown: every connection cut) and a new one
 * is started on the same port over the same events.
 */
import { randomUUID } from 'node:crypto';
import { EventToAppend, RecordedEvent } from '../src/event-store/event-store.port';
import { EsdbEventStore } from '../src/event-store/esdb/esdb-event-store';
import { EsdbTestServer } from './esdb/esdb-test-server';

const event = (): EventToAppend => ({ id: randomUUID(), type: 'ThingHappened', data: {}, metadata: {} });
const options = {
  retry: { attempts: 10, baseDelayMs: 20, maxDelayMs: 100 },
  reconnect: { attempts: Infinity, baseDelayMs: 20, maxDelayMs: 100 },
};

it('resumes after a server restart from the last delivered event: no gap, no duplicate', async () => {
  const server = await new EsdbTestServer().start();
  const store = await EsdbEventStore.connect(server.connectionString, options);
  const s = `reconnect-${randomUUID()}`;
  const expected: string[] = [];
  const append = async (events: EventToAppend[]) => {
    await store.append(s, events, { expectedRevision: 'any' });
    expected.push(...events.map((e) => e.id));
  };

  try {
    await append([event(), event(), event()]);
    const subscription = store.subscribeToAll({ after: undefined });
    const received: RecordedEvent[] = [];
    let restarted = false;
    for await (const e of subscription) {
      if (e.streamName !== s) continue;
      received.push(e);
      if (received.length === 2 && !restarted) {
        // Mid-subscription: one of the first three is still to be delivered.
        restarted = true;
        const port = server.port;
        await server.stop();
        // Written while this client is cut off (by another node, say).
        const stored = server.state.append(s, 'any', [
          { id: randomUUID(), type: 'ThingHappened', contentType: 'application/json', data: Buffer.from('{}'), customMetadata: Buffer.from('{}') },
        ]);
        expect(stored.kind).toBe('success');
        expected.push(server.state.stream(s)!.at(-1)!.id);
        await server.start();
        expect(server.port).toBe(port);
        await append([event(), event()]); // through the new server
      }
      if (received.length === expected.length && received.length === 6) break;
    }

    expect(received.map((e) => e.id)).toEqual(expected);
    expect(received.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
  } finally {
    await store.close();
    await server.stop();
  }
});

it('keeps trying while the server is down and carries on once it is back', async () => {
  const server = await new EsdbTestServer().start();
  const store = await EsdbEventStore.connect(server.connectionString, options);
  const s = `reconnect-${randomUUID()}`;
  try {
    const first = await store.append(s, [event()], { expectedRevision: 'no_stream' });
    const iterator = store.subscribeToAll({ after: first.position })[Symbol.asyncIterator]();
    const next = iterator.next();
    await server.stop();
    // Several resubscriptions fail against the closed port before this one succeeds.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.start();
    const later = event();
    await store.append(s, [later], { expectedRevision: 0n });

    expect((await next).value).toMatchObject({ id: later.id, revision: 1n });
    await iterator.return?.();
  } finally {
    await store.close();
    await server.stop();
  }
});
