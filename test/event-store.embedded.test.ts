import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CommandIdReusedError,
  DuplicateEventIdError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../src/event-store/event-store.errors';
import { EventToAppend, RecordedEvent } from '../src/event-store/event-store.port';
import { DATABASE_FILE, SqliteEventStore } from '../src/event-store/sqlite';
import { translateSqliteError } from '../src/event-store/sqlite/sqlite-errors';
import { describeEventStoreContract } from './event-store.contract';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-es-'));
}

describeEventStoreContract('embedded SQLite', async () => {
  const dataDir = tempDir();
  const store = await SqliteEventStore.open({ dataDir });
  return {
    store,
    dispose: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

const event = (data: Record<string, number> = {}): EventToAppend => ({
  id: randomUUID(),
  type: 'ThingHappened',
  data,
  metadata: {},
});
const stream = () => `embedded-${randomUUID()}`;

describe('embedded SQLite event store', () => {
  let dataDir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dataDir = tempDir();
    store = await SqliteEventStore.open({ dataDir });
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('group commit', () => {
    it('commits 50 concurrent appends to different streams in one transaction, acknowledging each', async () => {
      const before = store.committedTransactions;
      const streams = Array.from({ length: 50 }, stream);

      const results = await Promise.all(streams.map((s) => store.append(s, [event()], { expectedRevision: 'no_stream' })));

      expect(store.committedTransactions - before).toBe(1);
      expect(results.every((r) => r.nextExpectedRevision === 0n)).toBe(true);
      for (const s of streams) expect(await store.readStream(s)).toHaveLength(1);
    });

    it('lets each append of a batch succeed or fail on its own', async () => {
      const [a, b, c] = [stream(), stream(), stream()];
      const taken = event();
      await store.append(c, [taken], { expectedRevision: 'no_stream' });
      const before = store.committedTransactions;

      const [first, stale, clash, followUp, third] = await Promise.allSettled([
        store.append(a, [event(), event()], { expectedRevision: 'no_stream' }),
        store.append(b, [event()], { expectedRevision: 3n }),
        store.append(b, [event(), taken], { expectedRevision: 'no_stream' }), // 2nd event clashes: none stored
        store.append(a, [event()], { expectedRevision: 1n }), // sees the first append of this same batch
        store.append(c, [event()], { expectedRevision: 0n }),
      ]);

      expect(store.committedTransactions - before).toBe(1);
      expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
      expect(followUp).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 2n } });
      expect(third).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
      expect(stale).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
      expect(clash).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIdError) });
      expect(await store.readStream(a)).toHaveLength(3);
      expect(await store.readStream(b)).toEqual([]);
      expect(await store.readStream(c)).toHaveLength(2);
    });

    it('batches appends of callers that each await their previous append', async () => {
      const before = store.committedTransactions;
      const loops = Array.from({ length: 8 }, async () => {
        const s = stream();
        for (let i = 0; i < 10; i++) await store.append(s, [event()], { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
        return s;
      });
      const streams = await Promise.all(loops);

      // 80 appends; 8 loops advancing in lock step share each transaction.
      expect(store.committedTransactions - before).toBe(10);
      for (const s of streams) expect((await store.readStream(s)).map((e) => e.revision)).toHaveLength(10);
    });
  });

  describe('durability', () => {
    it('keeps events and continues positions after close and reopen', async () => {
      const s = stream();
      const first = await store.append(s, [event(), event()], { expectedRevision: 'no_stream' });
      await store.close();

      store = await SqliteEventStore.open({ dataDir });
      expect(await store.readStream(s)).toHaveLength(2);
      const next = await store.append(s, [event()], { expectedRevision: 1n });
      expect(next.position.commit).toBeGreaterThan(first.position.commit);
      expect(await store.headPosition()).toEqual(next.position);
    });

    it('runs in WAL mode with synchronous=FULL, also when reopening an existing file', async () => {
      await store.append(stream(), [event()], { expectedRevision: 'no_stream' });
      await store.close();

      store = await SqliteEventStore.open({ dataDir });
      expect(store.readPragma('journal_mode')).toBe('wal');
      expect(store.readPragma('synchronous')).toBe(2); // 2 = FULL
    });

    it('stores one row per event with the documented columns', async () => {
      const s = stream();
      const e = event({ n: 7 });
      await store.append(s, [e], { expectedRevision: 'no_stream' });
      await store.close();

      const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
      try {
        const row = db.prepare('SELECT * FROM events WHERE id = ?').get(e.id) as Record<string, unknown>;
        expect(row).toMatchObject({ id: e.id, stream: s, revision: 0, type: 'ThingHappened' });
        expect(JSON.parse(row.data as string)).toEqual({ n: 7 });
        expect(JSON.parse(row.metadata as string)).toEqual({});
        expect(Math.abs((row.recorded_at as number) - Date.now())).toBeLessThan(60_000);
      } finally {
        db.close();
      }
      store = await SqliteEventStore.open({ dataDir });
    });
  });

  describe('subscriptions', () => {
    it('reads history in pages, never the whole log at once', async () => {
      for (let i = 0; i < 12; i++) {
        await store.append(stream(), Array.from({ length: 100 }, () => event()), { expectedRevision: 'no_stream' });
      }
      const readAll = jest.spyOn(store, 'readAll');
      const subscription = store.subscribeToAll();
      let count = 0;
      for await (const _ of subscription) if (++count === 1_200) break;

      expect(readAll.mock.calls.length).toBeGreaterThanOrEqual(3);
      for (const [options] of readAll.mock.calls) expect(options.maxCount).toBeLessThanOrEqual(500);
    });

    it('lets other work run while it catches up on a long history (a page at a time)', async () => {
      for (let i = 0; i < 12; i++) {
        await store.append(stream(), Array.from({ length: 100 }, () => event()), { expectedRevision: 'no_stream' });
      }
      const happened: string[] = [];
      setImmediate(() => happened.push('other work'));
      let count = 0;
      for await (const _ of store.subscribeToAll()) {
        happened.push('event');
        if (++count === 1_200) break;
      }
      expect(happened.indexOf('other work')).toBeGreaterThan(-1);
      expect(happened.indexOf('other work')).toBeLessThan(happened.lastIndexOf('event'));
    });

    it('a subscription stopped while it lets other work run delivers nothing more', async () => {
      await store.append(stream(), Array.from({ length: 600 }, () => event()), { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll(); // pages of 500: the first is full
      const iterator = subscription[Symbol.asyncIterator]();
      setImmediate(() => void subscription.stop()); // runs while the first (full) page waits its turn
      expect(await iterator.next()).toEqual({ value: undefined, done: true });
    });

    it('breaking out of a for-await stops the subscription', async () => {
      await store.append(stream(), [event(), event()], { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll();
      for await (const _ of subscription) break;

      const again = await subscription[Symbol.asyncIterator]().next();
      expect(again.done).toBe(true);
    });
  });

  describe('close', () => {
    it('commits appends already submitted, ends subscriptions, then refuses work', async () => {
      const s = stream();
      const subscription = store.subscribeToAll();
      const seen: RecordedEvent[] = [];
      const loop = (async () => {
        for await (const e of subscription) seen.push(e);
      })();
      const pending = [0n, 1n, 2n].map((r) =>
        store.append(s, [event()], { expectedRevision: r === 0n ? 'no_stream' : r - 1n }),
      );

      await store.close();
      expect((await Promise.all(pending)).map((r) => r.nextExpectedRevision)).toEqual([0n, 1n, 2n]);
      await loop; // ended by close
      await expect(store.append(s, [event()], { expectedRevision: 'any' })).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readStream(s)).rejects.toBeInstanceOf(StoreUnavailableError);

      store = await SqliteEventStore.open({ dataDir });
      expect(await store.readStream(s)).toHaveLength(3);
    });
  });

  describe('readers beside the writer', () => {
    it('a read-only store sees what the writer committed and refuses to append', async () => {
      const s = stream();
      await store.append(s, [event()], { expectedRevision: 'no_stream' });
      const reader = await SqliteEventStore.open({ dataDir, readOnly: true });
      try {
        expect(await reader.readStream(s)).toHaveLength(1);
        await store.append(s, [event()], { expectedRevision: 0n });
        expect(await reader.readStream(s)).toHaveLength(2);
        await expect(reader.append(s, [event()], { expectedRevision: 1n })).rejects.toBeInstanceOf(StoreUnavailableError);
      } finally {
        await reader.close();
      }
    });

    it('a read-only open of a directory without a store says so instead of creating one', async () => {
      const empty = tempDir();
      const error = await SqliteEventStore.open({ dataDir: empty, readOnly: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain(path.join(empty, DATABASE_FILE));
      expect(fs.readdirSync(empty)).toEqual([]);
      fs.rmSync(empty, { recursive: true });
    });
  });

  describe('command ids', () => {
    it('a store written before the command index gets it on open, so ids already used are known', async () => {
      const [s1, s2] = [stream(), stream()];
      const commandId = randomUUID();
      await store.append(s1, [{ ...event(), metadata: { commandId, commandType: 'Old' } }], { expectedRevision: 'no_stream' });
      await store.close();
      const raw = new Database(path.join(dataDir, DATABASE_FILE));
      raw.exec('DROP TABLE commands');
      raw.close();

      store = await SqliteEventStore.open({ dataDir });
      const reuse = store.append(s2, [event()], { expectedRevision: 'no_stream', command: { id: commandId, digest: 'd' } });
      await expect(reuse).rejects.toBeInstanceOf(CommandIdReusedError);
      expect(await store.readStream(s2)).toEqual([]);
    });
  });

  describe('disk errors', () => {
    it('names the directory when the data directory cannot be created', async () => {
      const file = path.join(dataDir, 'not-a-directory');
      fs.writeFileSync(file, '');
      const bad = path.join(file, 'events');

      const error = await SqliteEventStore.open({ dataDir: bad }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain(bad);
    });

    it('reports a full disk as StoreUnavailableError and stores nothing of the failed append', async () => {
      await store.close();
      store = await SqliteEventStore.open({ dataDir, maxSizeBytes: 64 * 1024 });
      const s = stream();
      const big = { id: randomUUID(), type: 'Big', data: { blob: 'x'.repeat(256 * 1024) }, metadata: {} };

      const error = await store.append(s, [event(), big], { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/disk is full/);
      expect(await store.readStream(s)).toEqual([]);
      // The store keeps working for appends that fit.
      expect((await store.append(s, [event()], { expectedRevision: 'no_stream' })).nextExpectedRevision).toBe(0n);
    });

    it.each(['SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_FULL', 'SQLITE_IOERR_FSYNC', 'SQLITE_CANTOPEN'])(
      'translates %s into StoreUnavailableError with a readable reason',
      (code) => {
        const translated = translateSqliteError(new Database.SqliteError('low-level message', code), 'appending');
        expect(translated).toBeInstanceOf(StoreUnavailableError);
        expect((translated as Error).message).toMatch(/^Event store unavailable \(appending\): .+low-level message/);
      },
    );

    it('leaves other SQLite errors (bugs) as they are', () => {
      const original = new Database.SqliteError('near "SELEC": syntax error', 'SQLITE_ERROR');
      expect(translateSqliteError(original, 'reading')).toBe(original);
    });
  });
});
