/**
 * What the EventStoreDB adapter sends and how it reads answers back, checked
 * on the wire: the test server records every append it receives, and its
 * state shows exactly what was stored.
 */
import * as grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { StoreUnavailableError, StreamDeletedError, WrongExpectedRevisionError } from '../src/event-store/event-store.errors';
import { EventToAppend, ExpectedRevision, JsonObject, RecordedEvent } from '../src/event-store/event-store.port';
import { EsdbEventStore, EsdbEventStoreOptions } from '../src/event-store/esdb/esdb-event-store';
import { positionFromString, positionToString } from '../src/event-store/position';
import { EsdbTestServer, EsdbTestState } from './esdb/esdb-test-server';

const fast = { retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 } };
const stream = () => `mapping-${randomUUID()}`;
const event = (metadata: JsonObject = {}): EventToAppend => ({ id: randomUUID(), type: 'ThingHappened', data: { n: 1 }, metadata });

async function connected(serverOptions: ConstructorParameters<typeof EsdbTestServer>[0] = {}, storeOptions: EsdbEventStoreOptions = fast) {
  const server = await new EsdbTestServer(serverOptions).start();
  const store = await EsdbEventStore.connect(server.connectionString, storeOptions);
  return { server, store, dispose: async () => (await store.close(), await server.stop()) };
}

async function take(subscription: AsyncIterable<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  for await (const e of subscription) if (received.push(e) === count) break;
  return received;
}

describe.each([true, false])('EventStoreDB adapter (BatchAppend advertised: %s)', (batchAppend) => {
  let ctx: Awaited<ReturnType<typeof connected>>;
  beforeEach(async () => (ctx = await connected({ batchAppend })));
  afterEach(() => ctx.dispose());

  const appendsTo = (name: string) => ctx.server.received.filter((r) => r.streamName === name);

  it('uses the append call the server advertises', async () => {
    const s = stream();
    await ctx.store.append(s, [event()], { expectedRevision: 'any' });
    expect(appendsTo(s).map((r) => r.method)).toEqual([batchAppend ? 'BatchAppend' : 'Append']);
  });

  it.each<[ExpectedRevision, boolean]>([
    ['any', false],
    ['no_stream', false],
    ['stream_exists', true],
    [0n, true],
  ])('sends expected revision %p as EventStoreDB expects it', async (expected, existing) => {
    const s = stream();
    if (existing) await ctx.store.append(s, [event()], { expectedRevision: 'no_stream' });
    await ctx.store.append(s, [event()], { expectedRevision: expected });
    expect(appendsTo(s).at(-1)?.expected).toBe(expected);
  });

  it("turns EventStoreDB's wrong-expected-version into WrongExpectedRevisionError with the actual revision", async () => {
    const s = stream();
    await expect(ctx.store.append(s, [event()], { expectedRevision: 3n })).rejects.toMatchObject({
      constructor: WrongExpectedRevisionError,
      actualRevision: undefined,
    });
    await ctx.store.append(s, [event(), event()], { expectedRevision: 'no_stream' });
    await expect(ctx.store.append(s, [event()], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
      constructor: WrongExpectedRevisionError,
      expectedRevision: 'no_stream',
      actualRevision: 1n,
    });
  });

  it('after a lost reply finds the events stored and does not send them again', async () => {
    const s = stream();
    const events = [event(), event()];
    ctx.server.failNext(batchAppend ? 'BatchAppend' : 'Append', { code: grpc.status.UNAVAILABLE, afterWrite: true, stream: s });

    const result = await ctx.store.append(s, events, { expectedRevision: 'no_stream' });
    expect(appendsTo(s)).toHaveLength(1); // the lost one; the read before the retry found it
    for (const sent of appendsTo(s)) expect(sent.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    const stored = ctx.server.state.stream(s)!;
    expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(result).toEqual({ nextExpectedRevision: 1n, position: stored[1].position });
  });

  it("checks before retrying a timed-out 'any' append that did commit: no duplicate once the node forgot the ids", async () => {
    const s = stream();
    const events = [event(), event()];
    ctx.server.refuseAppends(1, 'timeout', { stream: s, afterWrite: true, forgetIds: true });

    const result = await ctx.store.append(s, events, { expectedRevision: 'any' });
    const stored = ctx.server.state.stream(s)!;
    expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(result).toEqual({ nextExpectedRevision: 1n, position: stored[1].position });
  });

  it('a timed-out append that did not commit is retried and written once', async () => {
    const s = stream();
    await ctx.store.append(s, [event()], { expectedRevision: 'no_stream' });
    ctx.server.refuseAppends(1, 'timeout', { stream: s });
    const later = event();
    expect(await ctx.store.append(s, [later], { expectedRevision: 'any' })).toMatchObject({ nextExpectedRevision: 1n });
    expect(ctx.server.state.stream(s)!.map((e) => e.id).at(-1)).toBe(later.id);
    expect(ctx.server.state.stream(s)).toHaveLength(2);
  });

  it('retries an append answered with a deadline error, then reports StoreUnavailableError once retries are spent', async () => {
    const s = stream();
    const method = batchAppend ? 'BatchAppend' : 'Append';
    ctx.server.failNext(method, { code: grpc.status.DEADLINE_EXCEEDED, stream: s });
    await ctx.store.append(s, [event()], { expectedRevision: 'no_stream' });
    expect(ctx.server.state.stream(s)).toHaveLength(1);

    for (let i = 0; i < 4; i++) ctx.server.failNext(method, { code: grpc.status.UNAVAILABLE, stream: s });
    await expect(ctx.store.append(s, [event()], { expectedRevision: 0n })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(ctx.server.state.stream(s)).toHaveLength(1);
  });
});

describe('EventStoreDB adapter', () => {
  let ctx: Awaited<ReturnType<typeof connected>>;
  beforeEach(async () => (ctx = await connected()));
  afterEach(() => ctx.dispose());

  it("writes EventStoreDB's $correlationId/$causationId beside ours and returns the metadata as appended", async () => {
    const s = stream();
    const metadata = { correlationId: 'corr-1', causationId: 'cause-1', actor: { userId: 'u-1' } };
    await ctx.store.append(s, [event(metadata)], { expectedRevision: 'no_stream' });

    const stored = JSON.parse(Buffer.from(ctx.server.state.stream(s)![0].customMetadata).toString('utf8'));
    expect(stored).toEqual({ ...metadata, $correlationId: 'corr-1', $causationId: 'cause-1' });
    expect((await ctx.store.readStream(s))[0].metadata).toEqual(metadata);
  });

  it("keeps a $correlationId written by another tool that differs from ours", async () => {
    const s = stream();
    const client = EventStoreDBClient.connectionString(ctx.server.connectionString);
    const metadata = { $correlationId: 'from-elsewhere', correlationId: 'ours' };
    await client.appendToStream(s, jsonEvent({ id: randomUUID(), type: 'ThingHappened', data: {}, metadata }));
    await client.dispose();

    expect((await ctx.store.readStream(s))[0].metadata).toEqual(metadata);
  });

  it("maps EventStoreDB's commit/prepare positions and revisions to bigint, as 24.10 writes them (each event its own commit)", async () => {
    const s = stream();
    const result = await ctx.store.append(s, [event(), event(), event()], { expectedRevision: 'no_stream' });
    const stored = ctx.server.state.stream(s)!;
    const read = await ctx.store.readStream(s);

    expect(read.map((e) => e.position)).toEqual(stored.map((e) => e.position));
    expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(read.map((e) => e.position.commit)).toEqual(read.map((e) => e.position.prepare));
    expect(new Set(read.map((e) => e.position.commit)).size).toBe(3);
    expect(typeof result.position.commit).toBe('bigint');
    expect(result.position).toEqual(stored[2].position);
  });

  it.each([true, false])('a tombstoned stream is a StreamDeletedError on read and on append (BatchAppend: %s), and nothing is written', async (batchAppend) => {
    const own = batchAppend ? ctx : await connected({ batchAppend });
    try {
      const s = stream();
      await own.store.append(s, [event()], { expectedRevision: 'no_stream' });
      const client = EventStoreDBClient.connectionString(own.server.connectionString);
      try {
        await client.tombstoneStream(s);
      } finally {
        await client.dispose();
      }
      await expect(own.store.readStream(s)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(own.store.append(s, [event()], { expectedRevision: 0n })).rejects.toMatchObject({ constructor: StreamDeletedError, streamName: s });
      expect(own.server.state.stream(s)).toHaveLength(1);
    } finally {
      if (own !== ctx) await own.dispose();
    }
  });

  it('an idempotent re-append is answered with the original position, as a 24.10 node answers it', async () => {
    const s = stream();
    const events = [event(), event()];
    const first = await ctx.store.append(s, events, { expectedRevision: 'no_stream' });
    const client = EventStoreDBClient.connectionString(ctx.server.connectionString);
    try {
      const again = await client.appendToStream(s, events.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data })), { expectedRevision: 'no_stream' });
      expect(again.nextExpectedRevision).toBe(1n);
      expect(again.position).toEqual({ commit: first.position.commit, prepare: first.position.prepare });
    } finally {
      await client.dispose();
    }
    expect(ctx.server.state.stream(s)).toHaveLength(2);
  });

  it('readAll is exclusive of "after", skips system events and still fills the page', async () => {
    const s = stream();
    await ctx.store.append(s, [event()], { expectedRevision: 'no_stream' });
    const [first] = await ctx.store.readStream(s);
    ctx.server.state.appendSystemEvent('$$' + s, '$metadata');
    ctx.server.state.appendSystemEvent('$projections-totals-result', 'Result');
    await ctx.store.append(s, [event(), event()], { expectedRevision: 0n });

    const page = await ctx.store.readAll({ after: first.position, maxCount: 2 });
    expect(page.map((e) => [e.streamName, e.revision])).toEqual([
      [s, 1n],
      [s, 2n],
    ]);
  });

  it('readStream reads backwards from an inclusive revision, and a missing stream as []', async () => {
    const s = stream();
    await ctx.store.append(s, [event(), event(), event()], { expectedRevision: 'no_stream' });
    expect((await ctx.store.readStream(s, { direction: 'backwards', fromRevision: 1n })).map((e) => e.revision)).toEqual([1n, 0n]);
    expect(await ctx.store.readStream(stream(), { direction: 'backwards' })).toEqual([]);
  });

  it('headPosition is the newest non-system event', async () => {
    const result = await ctx.store.append(stream(), [event()], { expectedRevision: 'no_stream' });
    ctx.server.state.appendSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
    expect(await ctx.store.headPosition()).toEqual(result.position);
  });

  it('retries a read that fails with UNAVAILABLE', async () => {
    const s = stream();
    await ctx.store.append(s, [event()], { expectedRevision: 'no_stream' });
    ctx.server.failNext('Read', { code: grpc.status.UNAVAILABLE, stream: s });
    expect(await ctx.store.readStream(s)).toHaveLength(1);
  });

  it('subscribeToAll leaves out system events: $ event types and $ streams', async () => {
    const s = stream();
    ctx.server.state.appendSystemEvent('$projections-totals-result', 'Result');
    await ctx.store.append(s, [event()], { expectedRevision: 'no_stream' });
    ctx.server.state.appendSystemEvent('$$' + s, '$metadata');
    await ctx.store.append(s, [event()], { expectedRevision: 0n });

    const received = await take(ctx.store.subscribeToAll(), ctx.server.state.log.filter((e) => !e.streamName.startsWith('$')).length);
    expect(received.filter((e) => e.streamName.startsWith('$') || e.type.startsWith('$'))).toEqual([]);
    expect(received.filter((e) => e.streamName === s).map((e) => e.revision)).toEqual([0n, 1n]);
  });

  it('a checkpoint taken from this adapter survives positionToString/positionFromString and resumes exactly after it', async () => {
    const s = stream();
    await ctx.store.append(s, [event(), event(), event()], { expectedRevision: 'no_stream' });
    const [, second] = await ctx.store.readStream(s);

    const checkpoint = positionFromString(positionToString(second.position));
    const [next] = await take(ctx.store.subscribeToAll({ after: checkpoint }), 1);
    expect(next).toMatchObject({ streamName: s, revision: 2n });
  });

  it('close() ends running subscriptions and refuses further work', async () => {
    const subscription = ctx.store.subscribeToAll({ after: await ctx.store.headPosition() });
    const loop = (async () => {
      for await (const _ of subscription) {
        // nothing is appended
      }
    })();
    await ctx.store.close();
    await loop;
    await expect(ctx.store.readStream(stream())).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describe('EventStoreDB adapter against a store holding only system events', () => {
  it('headPosition is undefined', async () => {
    const ctx = await connected({ state: new EsdbTestState() });
    try {
      expect(await ctx.store.headPosition()).toBeUndefined();
    } finally {
      await ctx.dispose();
    }
  });
});

describe('EventStoreDB adapter when the node is not the leader', () => {
  it('retries the append, which the client sends to the leader the node named', async () => {
    const state = new EsdbTestState();
    const leader = await new EsdbTestServer({ state }).start();
    const follower = await new EsdbTestServer({ state }).start();
    const s = stream();
    follower.failNext('BatchAppend', {
      code: grpc.status.NOT_FOUND,
      details: 'Leader info available',
      metadata: { exception: 'not-leader', 'leader-endpoint-host': '127.0.0.1', 'leader-endpoint-port': String(leader.port) },
    });
    const store = await EsdbEventStore.connect(follower.connectionString, fast);
    try {
      await store.append(s, [event()], { expectedRevision: 'no_stream' });
      expect(state.stream(s)).toHaveLength(1);
      expect(leader.received.some((r) => r.streamName === s)).toBe(true);
      expect(follower.received.some((r) => r.streamName === s)).toBe(false);
    } finally {
      await store.close();
      await Promise.all([leader.stop(), follower.stop()]);
    }
  });
});
