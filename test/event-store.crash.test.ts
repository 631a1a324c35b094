/**
 * An acknowledged append survives the writer being killed (SIGKILL) at any
 * moment: a child process appends in a loop and prints each acknowledged event;
 * we kill it at a random time, reopen the store, and look for every printed
 * event. Several rounds on the same data directory, so later rounds also
 * recover from the earlier crashes.
 *
 * What this shows: nothing is acknowledged before its commit, and a killed
 * writer leaves a consistent file (whole appends, contiguous revisions). It
 * cannot show power-loss durability (the OS page cache survives a SIGKILL);
 * that rests on WAL + synchronous=FULL, which the embedded test reads back.
 */
import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DATABASE_FILE, SqliteEventStore } from '../src/event-store/sqlite';

const ROUNDS = 4;
const STREAMS = 4;
const fixtures = path.join(__dirname, 'fixtures');

interface Ack {
  stream: string;
  id: string;
  revision: bigint;
}

/** Runs the child until its first acknowledgement, waits a random 50–400 ms, kills it. */
async function runAndKill(dataDir: string): Promise<Ack[]> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', path.join(__dirname, 'support', 'register-ts.js'), path.join(fixtures, 'append-child.ts'), dataDir, String(STREAMS)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/^crash-/m.test(output)) resolve();
    });
    void exited.then(() => reject(new Error(`append child exited before appending:\n${output}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 350));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  // Only complete lines: a line cut by the kill was never fully acknowledged to us.
  const lines = output.split('\n').slice(0, -1);
  return lines
    .filter((line) => line.startsWith('crash-'))
    .map((line) => {
      const [stream, id, revision] = line.split(' ');
      return { stream, id, revision: BigInt(revision) };
    });
}

describe('embedded SQLite event store under kill -9', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-crash-'));
  });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged append across ${ROUNDS} crashes, revisions contiguous`, async () => {
    const acknowledged: Ack[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const acks = await runAndKill(dataDir);
      expect(acks.length).toBeGreaterThan(0);
      acknowledged.push(...acks);

      const store = await SqliteEventStore.open({ dataDir });
      try {
        const stored = new Map<string, { stream: string; revision: bigint }>();
        for (let i = 0; i < STREAMS; i++) {
          const events = await store.readStream(`crash-${i}`);
          expect(events.map((e) => e.revision)).toEqual(events.map((_, r) => BigInt(r)));
          events.forEach((e) => stored.set(e.id, { stream: e.streamName, revision: e.revision }));
        }
        const missing = acknowledged.filter((a) => {
          const s = stored.get(a.id);
          return s?.stream !== a.stream || s.revision !== a.revision;
        });
        expect(missing).toEqual([]);
      } finally {
        await store.close();
      }
    }

    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
