/**
 * The event store contract: every adapter runs this same suite.
 *
 * Adapters may run it against a server whose data persists across tests and
 * which other test files write to at the same time. So every test uses its own
 * stream names, never assumes the store is empty, and reads `$all` only after a
 * head position it took itself, looking at its own streams only.
 */
import { randomUUID } from 'node:crypto';
import {
  CommandIdReusedError,
  DuplicateEventIdError,
  InvalidAppendError,
  PrecedingAppendFailedError,
  WrongExpectedRevisionError,
} from '../src/event-store/event-store.errors';
import {
  AllSubscription,
  EventStore,
  EventToAppend,
  JsonObject,
  Position,
  RecordedEvent,
} from '../src/event-store/event-store.port';
import { comparePositions, START } from '../src/event-store/position';

export interface StoreUnderTest {
  store: EventStore;
  dispose(): Promise<void>;
}

/** What an adapter promises beyond the common core; the suite checks exactly what is promised. */
export interface StoreCapabilities {
  /**
   * An event id is unique in the whole store (an id stored in another stream,
   * or earlier in the same one, is a DuplicateEventIdError). The embedded store
   * always is; EventStoreDB only de-duplicates retries at the same place unless
   * EVENTSTORE_STRICT_EVENT_IDS claims each id.
   */
  uniqueEventIdsAcrossStreams: boolean;
}

/** A stream name no other test (or earlier run) has used. */
function newStream(category = 'contractTest'): string {
  return `${category}-${randomUUID()}`;
}

function newEvent(type = 'ThingHappened', data: JsonObject = {}): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { correlationId: randomUUID() } };
}

function newEvents(count: number, type = 'ThingHappened'): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { n: i }));
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject, it resolved');
}

function expectStrictlyIncreasing(positions: Position[]): void {
  for (let i = 1; i < positions.length; i++) {
    expect(comparePositions(positions[i - 1], positions[i])).toBe(-1);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Iterates until `count` events of `streams` arrived, or until `timeoutMs`
 * passed (then returns what came, so the assertion shows what is missing).
 */
async function collect(
  subscription: AllSubscription,
  streams: ReadonlySet<string>,
  count: number,
  onEvent: (received: number) => Promise<void> | void = () => undefined,
  timeoutMs = 15_000,
): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  const timer = setTimeout(() => void subscription.stop(), timeoutMs);
  try {
    for await (const event of subscription) {
      if (!streams.has(event.streamName)) continue;
      received.push(event);
      if (received.length >= count) break;
      await onEvent(received.length);
    }
  } finally {
    clearTimeout(timer);
    await subscription.stop();
  }
  return received;
}

export function describeEventStoreContract(
  adapterName: string,
  createStore: () => Promise<StoreUnderTest>,
  capabilities: StoreCapabilities = { uniqueEventIdsAcrossStreams: true },
): void {
  /** Registers a test only for adapters that promise the capability (never a skip of a failing test). */
  const itWhenUniqueIds = capabilities.uniqueEventIdsAcrossStreams ? it : (_name: string, _fn: () => Promise<void>) => undefined;

  describe(`EventStore contract: ${adapterName}`, () => {
    let sut: StoreUnderTest;
    let store: EventStore;

    beforeEach(async () => {
      sut = await createStore();
      store = sut.store;
    });

    afterEach(async () => {
      await sut.dispose();
    });

    describe('append and readStream', () => {
      it('appends to a new stream and reads the events back, revisions from 0, positions growing', async () => {
        const stream = newStream();
        const events = newEvents(3);
        const before = Date.now();
        const result = await store.append(stream, events, { expectedRevision: 'no_stream' });
        const after = Date.now();

        const read = await store.readStream(stream);
        expect(result.nextExpectedRevision).toBe(2n);
        expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(read.map((e) => e.streamName)).toEqual([stream, stream, stream]);
        expect(read.map((e) => e.type)).toEqual(events.map((e) => e.type));
        expect(read.map((e) => e.data)).toEqual(events.map((e) => e.data));
        expect(read.map((e) => e.metadata)).toEqual(events.map((e) => e.metadata));
        expectStrictlyIncreasing(read.map((e) => e.position));
        expect(read[2].position).toEqual(result.position);
        for (const e of read) {
          // The store's clock; a few seconds of slack for a server on another clock.
          expect(e.recordedAt).toBeInstanceOf(Date);
          expect(e.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
          expect(e.recordedAt.getTime()).toBeLessThanOrEqual(after + 5_000);
        }
      });

      it('stores JSON data and metadata exactly as given', async () => {
        const stream = newStream();
        const data: JsonObject = {
          title: 'Medborgarlöfte – Örebro ✓',
          count: 42,
          ratio: -1.5,
          flags: [true, false, null],
          nested: { empty: {}, list: [], deep: { a: [1, { b: 'c' }] } },
        };
        const metadata: JsonObject = { actor: { userId: 'u-1', role: 'polis' }, occurredAt: '2024-05-01T10:00:00Z' };
        await store.append(stream, [{ id: randomUUID(), type: 'AgreementSigned', data, metadata }], {
          expectedRevision: 'no_stream',
        });

        const [read] = await store.readStream(stream);
        expect(read.type).toBe('AgreementSigned');
        expect(read.data).toEqual(data);
        expect(read.metadata).toEqual(metadata);
      });

      it('continues revisions across appends with an exact expected revision', async () => {
        const stream = newStream();
        await store.append(stream, newEvents(2), { expectedRevision: 'no_stream' });
        const result = await store.append(stream, newEvents(2), { expectedRevision: 1n });

        expect(result.nextExpectedRevision).toBe(3n);
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
      });

      it('accepts "any" on a new and on an existing stream, "stream_exists" on an existing one', async () => {
        const stream = newStream();
        expect((await store.append(stream, [newEvent()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(0n);
        expect((await store.append(stream, [newEvent()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(1n);
        expect((await store.append(stream, [newEvent()], { expectedRevision: 'stream_exists' })).nextExpectedRevision).toBe(
          2n,
        );
      });

      it.each([
        ['no_stream on an existing stream', 'no_stream' as const, true, 0n],
        ['stream_exists on a missing stream', 'stream_exists' as const, false, undefined],
        ['an exact revision behind the stream', 5n, true, 0n],
        ['an exact revision ahead of the stream', 1n, true, 0n],
        ['an exact revision on a missing stream', 0n, false, undefined],
      ])('rejects %s with WrongExpectedRevisionError carrying the actual revision', async (_, expected, exists, actual) => {
        const stream = newStream();
        if (exists) await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });

        const error = await rejectionOf(store.append(stream, [newEvent()], { expectedRevision: expected }));
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamName: stream, expectedRevision: expected, actualRevision: actual });
        expect(await store.readStream(stream)).toHaveLength(exists ? 1 : 0);
      });

      it.each([[''], ['nodash'], ['-idOnly'], ['categoryOnly-']])(
        'rejects the malformed stream name %j with InvalidAppendError',
        async (name) => {
          expect(await rejectionOf(store.append(name, [newEvent()], { expectedRevision: 'any' }))).toBeInstanceOf(
            InvalidAppendError,
          );
        },
      );

      it('rejects an empty append and an append repeating an event id with InvalidAppendError', async () => {
        const stream = newStream();
        const event = newEvent();
        expect(await rejectionOf(store.append(stream, [], { expectedRevision: 'any' }))).toBeInstanceOf(InvalidAppendError);
        expect(await rejectionOf(store.append(stream, [event, event], { expectedRevision: 'any' }))).toBeInstanceOf(
          InvalidAppendError,
        );
        expect(await store.readStream(stream)).toEqual([]);
      });

      itWhenUniqueIds('is atomic: when the last event of an append clashes, none of its events is stored', async () => {
        const other = newStream();
        const clash = newEvent();
        await store.append(other, [clash], { expectedRevision: 'no_stream' });
        const stream = newStream();

        const error = await rejectionOf(
          store.append(stream, [newEvent(), newEvent(), clash], { expectedRevision: 'no_stream' }),
        );
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('idempotent retries', () => {
      it('a retry with the same ids and exact revision returns the original result and stores nothing', async () => {
        const stream = newStream();
        await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
        const events = newEvents(2);
        const original = await store.append(stream, events, { expectedRevision: 0n });

        const retry = await store.append(stream, events, { expectedRevision: 0n });
        expect(retry).toEqual(original);
        expect((await store.readStream(stream)).map((e) => e.id)).toHaveLength(3);
      });

      it('a retry of a no_stream append returns the original result', async () => {
        const stream = newStream();
        const events = newEvents(2);
        const original = await store.append(stream, events, { expectedRevision: 'no_stream' });

        expect(await store.append(stream, events, { expectedRevision: 'no_stream' })).toEqual(original);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('a retry with "any" returns the original result where the events are, even after later appends', async () => {
        const stream = newStream();
        const first = [newEvent()];
        const original = await store.append(stream, first, { expectedRevision: 'any' });
        await store.append(stream, [newEvent()], { expectedRevision: 'any' });

        expect(await store.append(stream, first, { expectedRevision: 'any' })).toEqual(original);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      itWhenUniqueIds('an id already stored in another stream is a DuplicateEventIdError', async () => {
        const event = newEvent();
        await store.append(newStream(), [event], { expectedRevision: 'no_stream' });
        const stream = newStream();

        const error = await rejectionOf(store.append(stream, [event], { expectedRevision: 'no_stream' }));
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ eventId: event.id, streamName: stream });
        expect(await store.readStream(stream)).toEqual([]);
      });

      itWhenUniqueIds('an id stored earlier in the same stream, where the stream is as expected, is a DuplicateEventIdError', async () => {
        const stream = newStream();
        const first = newEvent();
        await store.append(stream, [first], { expectedRevision: 'no_stream' });
        await store.append(stream, [newEvent()], { expectedRevision: 0n });

        const error = await rejectionOf(store.append(stream, [first], { expectedRevision: 1n }));
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('a stale append whose ids only partly landed is a WrongExpectedRevisionError: the stream moved', async () => {
        const stream = newStream();
        await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
        const landed = newEvent();
        await store.append(stream, [landed], { expectedRevision: 0n });

        const error = await rejectionOf(store.append(stream, [landed, newEvent()], { expectedRevision: 0n }));
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ actualRevision: 1n });
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('appends decided on top of others (after)', () => {
      it('an append after one that failed fails too and writes nothing, even where its expected revision matches', async () => {
        const stream = newStream();
        await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
        // Another writer takes revision 1, which the first append below also wanted.
        await store.append(stream, [newEvent()], { expectedRevision: 0n });
        const first = store.append(stream, [newEvent()], { expectedRevision: 0n });
        const second = store.append(stream, [newEvent()], { expectedRevision: 1n, after: first });

        expect(await rejectionOf(first)).toBeInstanceOf(WrongExpectedRevisionError);
        const error = await rejectionOf(second);
        expect(error).toBeInstanceOf(PrecedingAppendFailedError);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('an append after one that succeeded is made as usual, and a chain of them commits in order', async () => {
        const stream = newStream();
        const chain = [store.append(stream, [newEvent()], { expectedRevision: 'no_stream' })];
        for (let revision = 0n; revision < 4n; revision++) {
          chain.push(store.append(stream, [newEvent()], { expectedRevision: revision, after: chain[chain.length - 1] }));
        }
        const results = await Promise.all(chain);
        expect(results.map((r) => r.nextExpectedRevision)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expectStrictlyIncreasing(results.map((r) => r.position));
      });
    });

    describe('command ids (command)', () => {
      const command = (digest = 'digest-1') => ({ id: randomUUID(), digest });

      it('a command id recorded for another stream or another digest is a CommandIdReusedError and writes nothing', async () => {
        const [stream, other] = [newStream(), newStream()];
        const recorded = command();
        await store.append(stream, [newEvent()], { expectedRevision: 'no_stream', command: recorded });

        for (const [target, expectedRevision, digest] of [[other, 'no_stream', recorded.digest], [stream, 0n, 'digest-2']] as const) {
          const error = await rejectionOf(store.append(target, [newEvent()], { expectedRevision, command: { id: recorded.id, digest } }));
          expect(error).toBeInstanceOf(CommandIdReusedError);
          expect(error).toMatchObject({ commandId: recorded.id });
        }
        expect(await store.readStream(stream)).toHaveLength(1);
        expect(await store.readStream(other)).toEqual([]);
      });

      it('of two commands racing with one id on two streams, exactly one is stored', async () => {
        const id = randomUUID();
        const streams = [newStream(), newStream()];
        const outcomes = await Promise.allSettled(
          streams.map((stream, i) => store.append(stream, [newEvent()], { expectedRevision: 'no_stream', command: { id, digest: `d${i}` } })),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason)).toEqual([expect.any(CommandIdReusedError)]);
        const lengths = await Promise.all(streams.map(async (s) => (await store.readStream(s)).length));
        expect(lengths.sort()).toEqual([0, 1]);
      });

      it('the same command retried with the same ids returns the original result and stores nothing', async () => {
        const stream = newStream();
        const events = newEvents(2);
        const recorded = command();
        const original = await store.append(stream, events, { expectedRevision: 'no_stream', command: recorded });

        expect(await store.append(stream, events, { expectedRevision: 'no_stream', command: recorded })).toEqual(original);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('an append without a command, or with a fresh id, is not affected by recorded ones', async () => {
        const stream = newStream();
        await store.append(stream, [newEvent()], { expectedRevision: 'no_stream', command: command() });
        await store.append(stream, [newEvent()], { expectedRevision: 0n });
        await store.append(stream, [newEvent()], { expectedRevision: 1n, command: command() });
        expect(await store.readStream(stream)).toHaveLength(3);
      });
    });

    describe('concurrent appends', () => {
      it('of N racing appends with the same exact revision, exactly one wins', async () => {
        const stream = newStream();
        await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
        const attempts = Array.from({ length: 10 }, () => [newEvent()]);

        const outcomes = await Promise.allSettled(
          attempts.map((events) => store.append(stream, events, { expectedRevision: 0n })),
        );
        const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        for (const o of outcomes) {
          if (o.status === 'rejected') {
            expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
            expect(o.reason).toMatchObject({ actualRevision: 1n });
          }
        }
        const read = await store.readStream(stream);
        expect(read.map((e) => e.id)).toEqual([read[0].id, attempts[winners[0]][0].id]);
      });

      it('of N racing no_stream appends to one stream, exactly one creates it', async () => {
        const stream = newStream();
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.append(stream, [newEvent()], { expectedRevision: 'no_stream' })),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('concurrent appends to different streams all succeed', async () => {
        const streams = Array.from({ length: 20 }, () => newStream());
        const results = await Promise.all(streams.map((s) => store.append(s, [newEvent()], { expectedRevision: 'no_stream' })));

        expect(results.map((r) => r.nextExpectedRevision)).toEqual(streams.map(() => 0n));
        for (const s of streams) expect(await store.readStream(s)).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('reads a stream forwards and backwards from an inclusive revision with maxCount', async () => {
        const stream = newStream();
        const events = newEvents(6);
        await store.append(stream, events, { expectedRevision: 'no_stream' });
        const ids = (read: RecordedEvent[]) => read.map((e) => e.id);
        const idsAt = (...revisions: number[]) => revisions.map((r) => events[r].id);

        expect(ids(await store.readStream(stream, { fromRevision: 2n }))).toEqual(idsAt(2, 3, 4, 5));
        expect(ids(await store.readStream(stream, { fromRevision: 2n, maxCount: 2 }))).toEqual(idsAt(2, 3));
        expect(ids(await store.readStream(stream, { direction: 'backwards' }))).toEqual(idsAt(5, 4, 3, 2, 1, 0));
        expect(ids(await store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual(idsAt(5, 4));
        expect(ids(await store.readStream(stream, { direction: 'backwards', fromRevision: 3n, maxCount: 3 }))).toEqual(
          idsAt(3, 2, 1),
        );
        expect(await store.readStream(stream, { fromRevision: 6n })).toEqual([]);
      });

      it('reads a missing stream as []', async () => {
        const stream = newStream();
        expect(await store.readStream(stream)).toEqual([]);
        expect(await store.readStream(stream, { direction: 'backwards' })).toEqual([]);
      });

      it('readAll pages through $all in commit order, "after" exclusive, across streams', async () => {
        const head = await store.headPosition();
        const [a, b] = [newStream(), newStream()];
        const appended = [
          ...(await appendAndReturn(store, a, newEvents(2), 'no_stream')),
          ...(await appendAndReturn(store, b, newEvents(3), 'no_stream')),
          ...(await appendAndReturn(store, a, newEvents(1), 1n)),
        ];
        const ours = new Set([a, b]);

        const all = await readAllOf(store, head, ours, appended.length, 2);
        expect(all.map((e) => e.id)).toEqual(appended.map((e) => e.id));
        expectStrictlyIncreasing(all.map((e) => e.position));

        const afterFirst = await readAllOf(store, all[0].position, ours, appended.length - 1, 100);
        expect(afterFirst.map((e) => e.id)).toEqual(appended.slice(1).map((e) => e.id));
      });

      it('headPosition is at or past the position of the last append', async () => {
        const result = await store.append(newStream(), newEvents(2), { expectedRevision: 'no_stream' });
        const head = await store.headPosition();
        expect(head).toBeDefined();
        expect(comparePositions(head!, result.position)).toBeGreaterThanOrEqual(0);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up through history, then delivers events appended meanwhile: in order, no gaps, no duplicates', async () => {
        const head = await store.headPosition();
        const streams = [newStream(), newStream()];
        const history: string[] = [];
        for (let i = 0; i < 20; i++) {
          const events = newEvents(50);
          await store.append(streams[i % 2], events, { expectedRevision: 'any' });
          history.push(...events.map((e) => e.id));
        }

        const live: string[] = [];
        let producer: Promise<void> | undefined;
        const produce = async () => {
          for (let i = 0; i < 40; i++) {
            const events = newEvents(5, 'LiveThingHappened');
            await store.append(streams[i % 2], events, { expectedRevision: 'any' });
            live.push(...events.map((e) => e.id));
          }
        };
        const subscription = store.subscribeToAll({ after: head });
        const received = await collect(subscription, new Set(streams), 1_200, async (n) => {
          producer ??= produce(); // start writing while the subscription is still in its history
          if (n % 50 === 0) await new Promise((resolve) => setImmediate(resolve)); // let the writer run
        });
        await producer;

        expect(received.map((e) => e.id)).toEqual([...history, ...live]);
        expectStrictlyIncreasing(received.map((e) => e.position));
      });

      it('two subscriptions at once each receive the whole sequence', async () => {
        const head = await store.headPosition();
        const stream = newStream();
        const before = newEvents(10);
        await store.append(stream, before, { expectedRevision: 'no_stream' });
        const first = collect(store.subscribeToAll({ after: head }), new Set([stream]), 20);
        const second = collect(store.subscribeToAll({ after: head }), new Set([stream]), 20);
        const after = newEvents(10);
        for (const e of after) await store.append(stream, [e], { expectedRevision: 'any' });

        const expected = [...before, ...after].map((e) => e.id);
        expect((await first).map((e) => e.id)).toEqual(expected);
        expect((await second).map((e) => e.id)).toEqual(expected);
      });

      it('delivers events strictly after the given position', async () => {
        const stream = newStream();
        const events = newEvents(5);
        await store.append(stream, events, { expectedRevision: 'no_stream' });
        const [, second] = await store.readStream(stream);

        const received = await collect(store.subscribeToAll({ after: second.position }), new Set([stream]), 3);
        expect(received.map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));
      });

      it('without "after" starts at the beginning of $all, in position order', async () => {
        await store.append(newStream(), newEvents(3), { expectedRevision: 'no_stream' });
        const subscription = store.subscribeToAll();
        const received: RecordedEvent[] = [];
        for await (const e of subscription) {
          received.push(e);
          if (received.length === 3) break;
        }

        expect(received).toHaveLength(3);
        expect(comparePositions(received[0].position, START)).toBe(1);
        expectStrictlyIncreasing(received.map((e) => e.position));
      });

      it('stop() ends a for-await that is waiting for live events', async () => {
        const subscription = store.subscribeToAll({ after: await store.headPosition() });
        let ended = false;
        const loop = (async () => {
          for await (const _ of subscription) {
            // only other tests' events could arrive here
          }
          ended = true;
        })();
        await sleep(100); // let the loop reach the live wait

        await subscription.stop();
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([loop, new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
        clearTimeout(timer);
        expect(ended).toBe(true);
      });
    });
  });
}

async function appendAndReturn(
  store: EventStore,
  stream: string,
  events: EventToAppend[],
  expectedRevision: 'no_stream' | bigint,
): Promise<EventToAppend[]> {
  await store.append(stream, events, { expectedRevision });
  return events;
}

/** Pages through $all after `from` until `count` events of `streams` were seen. */
async function readAllOf(
  store: EventStore,
  from: Position | undefined,
  streams: ReadonlySet<string>,
  count: number,
  pageSize: number,
): Promise<RecordedEvent[]> {
  const ours: RecordedEvent[] = [];
  let after = from;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    expect(page.length).toBeLessThanOrEqual(pageSize);
    if (page.length === 0) return ours;
    ours.push(...page.filter((e) => streams.has(e.streamName)));
    if (ours.length >= count) return ours;
    after = page[page.length - 1].position;
  }
}
