/**
 * Reads that decide something go to the leader. The adapter is connected to
 * a follower whose copy of the log lags behind the leader's (the follower's
 * own test-server state holds only what "replicated"); a read that requires
 * the leader is answered NotLeader with the leader's address, as a 24.10
 * follower does, and the client moves to the leader.
 */
import { randomUUID } from 'node:crypto';
import { EsdbEventStore } from '../src/event-store/esdb/esdb-event-store';
import { EventToAppend, RecordedEvent } from '../src/event-store/event-store.port';
import { EsdbTestServer, EsdbTestState } from './esdb/esdb-test-server';

const event = (): EventToAppend => ({ id: randomUUID(), type: 'ThingHappened', data: {}, metadata: {} });
const proposed = (e: EventToAppend) => ({ id: e.id, type: e.type, contentType: 'application/json', data: Buffer.from('{}'), customMetadata: Buffer.from('{}') });
const fast = { retry: { attempts: 5, baseDelayMs: 5, maxDelayMs: 20 } };

describe('reads on a cluster whose follower lags', () => {
  let leader: EsdbTestServer;
  let follower: EsdbTestServer;
  let store: EsdbEventStore;
  beforeEach(async () => {
    leader = await new EsdbTestServer().start();
    follower = await new EsdbTestServer({ followerOf: leader, state: new EsdbTestState() }).start();
    store = await EsdbEventStore.connect(follower.connectionString, fast);
  });
  afterEach(async () => {
    await store.close();
    await Promise.all([leader.stop(), follower.stop()]);
  });

  /** `first` is on both nodes, `second` only on the leader. */
  function lagging(streamName: string): [EventToAppend, EventToAppend] {
    const [first, second] = [event(), event()];
    for (const state of [leader.state, follower.state]) state.append(streamName, 'no_stream', [proposed(first)]);
    leader.state.append(streamName, 0n, [proposed(second)]);
    return [first, second];
  }

  it('a command state load sees the leader, so the next append is decided on the latest revision', async () => {
    const s = `thing-${randomUUID()}`;
    const [, second] = lagging(s);
    const loaded = await store.readStream(s);
    expect(loaded.map((e) => e.id).at(-1)).toBe(second.id);
    await store.append(s, [event()], { expectedRevision: loaded.at(-1)!.revision });
    expect(leader.state.stream(s)).toHaveLength(3);
  });

  it('the head position is the leader’s', async () => {
    const s = `thing-${randomUUID()}`;
    lagging(s);
    expect(await store.headPosition()).toEqual(leader.state.log.at(-1)!.position);
  });

  it('the projection subscription reads the leader', async () => {
    const s = `thing-${randomUUID()}`;
    const [, second] = lagging(s);
    const seen: RecordedEvent[] = [];
    for await (const e of store.subscribeToAll()) if (e.streamName === s && seen.push(e) === 2) break;
    expect(seen[1].id).toBe(second.id);
  });
});
