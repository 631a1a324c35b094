import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, EventToAppend } from '../../../src/event-store/event-store.port';
import { positionToString } from '../../../src/event-store/position';
import { DATABASE_FILE, SqliteEventStore } from '../../../src/event-store/sqlite';
import { EsdbEventStore } from '../../../src/event-store/esdb/esdb-event-store';
import { AuthenticatingEventStore } from '../../../src/audit/integrity/authenticating-event-store';
import { EventMacKey } from '../../../src/audit/integrity/event-authenticator';
import { EsdbTestServer } from '../../esdb/esdb-test-server';
import type { StoredEvent } from '../../esdb/esdb-test-state';

type Json = Record<string, unknown>;

/**
 * What someone with write access to a stopped store can do to it, addressed
 * by an event's place in `$all` (1-based, as the chain counts). Each store
 * does it its own way: the embedded one by editing events.sqlite, the
 * EventStoreDB one by editing the test server's log while it is down.
 */
export interface StoreTampering {
  editData(n: number, edit: (data: Json) => Json): void;
  editMetadata(n: number, edit: (metadata: Json) => Json): void;
  /** Moves the store's recorded time of event n (not covered by authenticators, only by the chain). */
  shiftRecordedAt(n: number, ms: number): void;
  /** Removes events n..last (inclusive). */
  remove(n: number, last?: number): void;
  swap(a: number, b: number): void;
  /** A forged event into `stream` (revision 0), just before event n. */
  insertBefore(n: number, stream: string, event: EventToAppend): void;
  /** A forged event at the end, in `stream` (revision 0). */
  append(stream: string, event: EventToAppend): void;
}

export interface TamperableStore {
  readonly name: string;
  /** The store as the service writes to it: every append authenticated. */
  store: EventStore;
  /** Stops the store, changes its stored state, starts it again. */
  tamper(change: (t: StoreTampering) => void): Promise<void>;
  close(): Promise<void>;
}

/** Positions of every event, in `$all` order: `positions[n - 1]` is event n's. */
export async function positionsOf(store: EventStore): Promise<string[]> {
  const positions: string[] = [];
  for (let page = await store.readAll({ maxCount: 1000 }); page.length > 0; page = await store.readAll({ after: page[page.length - 1].position, maxCount: 1000 })) {
    positions.push(...page.map((e) => positionToString(e.position)));
  }
  return positions;
}

export async function embeddedTamperable(key: EventMacKey): Promise<TamperableStore & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-tamper-'));
  const open = async () => new AuthenticatingEventStore(await SqliteEventStore.open({ dataDir }), key);
  const target: TamperableStore & { dataDir: string } = {
    name: 'embedded store (events.sqlite edited)',
    dataDir,
    store: await open(),
    async tamper(change) {
      await target.store.close();
      const db = new Database(join(dataDir, DATABASE_FILE));
      try {
        db.transaction(() => change(sqliteTampering(db)))();
      } finally {
        db.close();
      }
      target.store = await open();
    },
    async close() {
      await target.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return target;
}

function sqliteTampering(db: Database.Database): StoreTampering {
  const positionOf = (n: number) => (db.prepare('SELECT position FROM events ORDER BY position LIMIT 1 OFFSET ?').get(n - 1) as { position: number }).position;
  const column = (n: number, name: 'data' | 'metadata', edit: (value: Json) => Json) => {
    const position = positionOf(n);
    const row = db.prepare(`SELECT ${name} AS value FROM events WHERE position = ?`).get(position) as { value: string };
    db.prepare(`UPDATE events SET ${name} = ? WHERE position = ?`).run(JSON.stringify(edit(JSON.parse(row.value) as Json)), position);
  };
  const insert = (position: number | null, stream: string, event: EventToAppend) =>
    db.prepare('INSERT INTO events (position, id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?)')
      .run(position, event.id, stream, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), Date.now());
  return {
    editData: (n, edit) => column(n, 'data', edit),
    editMetadata: (n, edit) => column(n, 'metadata', edit),
    shiftRecordedAt: (n, ms) => db.prepare('UPDATE events SET recorded_at = recorded_at + ? WHERE position = ?').run(ms, positionOf(n)),
    remove: (n, last) => {
      const from = positionOf(n);
      db.prepare('DELETE FROM events WHERE position >= ? AND position <= ?').run(from, last === undefined ? Number.MAX_SAFE_INTEGER : positionOf(last));
    },
    swap: (a, b) => {
      const [pa, pb] = [positionOf(a), positionOf(b)];
      const move = db.prepare('UPDATE events SET position = ? WHERE position = ?');
      move.run(-1, pa);
      move.run(pa, pb);
      move.run(pb, -1);
    },
    insertBefore: (n, stream, event) => {
      // Every later event moves up one position, as if the forged one had always been there.
      const at = positionOf(n);
      db.exec(`UPDATE events SET position = -position - 1 WHERE position >= ${at}; UPDATE events SET position = -position WHERE position < 0;`);
      insert(at, stream, event);
    },
    append: (stream, event) => insert(null, stream, event),
  };
}

export async function esdbTamperable(key: EventMacKey): Promise<TamperableStore> {
  const server = await new EsdbTestServer().start();
  const open = async () => new AuthenticatingEventStore(await EsdbEventStore.connect(server.connectionString), key);
  const target: TamperableStore = {
    name: 'EventStoreDB (test server state edited)',
    store: await open(),
    async tamper(change) {
      await target.store.close();
      await server.stop();
      change(esdbTampering(server));
      await server.start();
      target.store = await open();
    },
    async close() {
      await target.store.close();
      await server.stop();
    },
  };
  return target;
}

/** The test server's log and streams hold the same event objects: a change replaces or moves them in both. */
function esdbTampering(server: EsdbTestServer): StoreTampering {
  const log = server.state.log as StoredEvent[];
  const stream = (name: string) => server.state.stream(name) as StoredEvent[] | undefined;
  const ours = () => log.filter((e) => !e.streamName.startsWith('$') && !e.type.startsWith('$'));
  const nth = (n: number) => ours()[n - 1];
  const replace = (old: StoredEvent, updated: StoredEvent) => {
    log[log.indexOf(old)] = updated;
    const events = stream(old.streamName)!;
    events[events.indexOf(old)] = updated;
  };
  const json = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as Json;
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const forged = (name: string, event: EventToAppend, position: StoredEvent['position']): StoredEvent => ({
    streamName: name, revision: 0n, id: event.id, type: event.type, contentType: 'application/json',
    data: bytes(event.data), customMetadata: bytes(event.metadata), position, createdTicks: BigInt(Date.now()) * 10_000n,
  });
  const remove = (event: StoredEvent) => {
    log.splice(log.indexOf(event), 1);
    const events = stream(event.streamName)!;
    events.splice(events.indexOf(event), 1);
  };
  return {
    editData: (n, edit) => replace(nth(n), { ...nth(n), data: bytes(edit(json(nth(n).data))) }),
    editMetadata: (n, edit) => replace(nth(n), { ...nth(n), customMetadata: bytes(edit(json(nth(n).customMetadata))) }),
    shiftRecordedAt: (n, ms) => replace(nth(n), { ...nth(n), createdTicks: nth(n).createdTicks + BigInt(ms) * 10_000n }),
    remove: (n, last) => ours().slice(n - 1, last).forEach(remove),
    swap: (a, b) => {
      const [ea, eb] = [nth(a), nth(b)];
      const [ia, ib] = [log.indexOf(ea), log.indexOf(eb)];
      const [movedA, movedB] = [{ ...ea, position: eb.position }, { ...eb, position: ea.position }];
      replace(ea, movedA);
      replace(eb, movedB);
      log[ia] = movedB;
      log[ib] = movedA;
    },
    insertBefore: (n, name, event) => {
      // A log position between the two neighbours: EventStoreDB positions are byte offsets, with room between them.
      const next = nth(n);
      const previous = nth(n - 1);
      const middle = (previous.position.prepare + next.position.prepare) / 2n;
      const inserted = forged(name, event, { commit: middle, prepare: middle });
      log.splice(log.indexOf(next), 0, inserted);
      (server.state as unknown as { streams: Map<string, StoredEvent[]> }).streams.set(name, [inserted]);
    },
    append: (name, event) => {
      const result = server.state.append(name, 'no_stream', [{ id: event.id, type: event.type, contentType: 'application/json', data: bytes(event.data), customMetadata: bytes(event.metadata) }]);
      if (result.kind !== 'success') throw new Error(`could not append the forged event: ${result.kind}`);
    },
  };
}
