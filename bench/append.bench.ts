/**
 * Durable append throughput of the embedded store against the disk's own limit.
 *
 * The baseline is raw better-sqlite3 on the same schema and pragmas (WAL,
 * synchronous=FULL): one INSERT per transaction, i.e. one fsync per event.
 * Sequential appends through the adapter can at best match it; concurrent
 * appenders should beat it by a wide margin, because group commit shares one
 * fsync among every append waiting at that moment.
 *
 * Commands go through CommandExecutor, which decides the next command on a
 * stream on top of appends still in flight so that they share a commit: on 32
 * streams, and all 32 on one hot stream.
 *
 * The figures are measured side by side, interleaved in each round, so
 * a noisy neighbour on the disk hurts all of them alike; each is the median of
 * ROUNDS measurements, each in a fresh database.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventToAppend } from '../src/event-store/event-store.port';
import { SqliteEventStore } from '../src/event-store/sqlite';
import { openDatabase } from '../src/event-store/sqlite/schema';
import { CommandExecutor } from '../src/shared/commands/command-executor';
import { Decider } from '../src/shared/domain/decider';

const ROUNDS = 5;
const MEASURE_MS = 1_500;
const CONCURRENT_APPENDERS = 32;

export type AppendBenchResult = {
  rawCommitsPerSec: number;
  sequentialAppendsPerSec: number;
  concurrentAppendsPerSec: number;
  /** 32 command loops through CommandExecutor, each on its own stream. */
  commandsPerSec: number;
  /** 32 command loops through CommandExecutor, all on one stream. */
  hotStreamCommandsPerSec: number;
  /** Goal ≥ 0.8. */
  sequentialToRaw: number;
  /** Goal ≥ 3. */
  concurrentToRaw: number;
};

export const appendBenchGoals: Partial<Record<keyof AppendBenchResult, number>> = {
  sequentialToRaw: 0.8,
  concurrentToRaw: 3,
};

const payload = { agreementId: 'a-1', title: 'Trygg i centrum', parties: ['polis', 'kommun'] };
const metadata = { correlationId: 'c-1', actor: { userId: 'u-1', role: 'samordnare' } };

function newEvent(): EventToAppend {
  return { id: randomUUID(), type: 'ActivityLogged', data: payload, metadata };
}

/**
 * A directory on a real disk: fsync on tmpfs costs nothing and would make the
 * numbers meaningless. Falls back to the repo's gitignored data/ folder.
 */
export function benchDirectory(): string {
  const tmp = fs.realpathSync(os.tmpdir());
  const mounts = fs.existsSync('/proc/mounts') ? fs.readFileSync('/proc/mounts', 'utf8').split('\n') : [];
  const mount = mounts
    .map((line) => line.split(' '))
    .filter(([, mountPoint]) => mountPoint && (tmp === mountPoint || tmp.startsWith(`${mountPoint.replace(/\/$/, '')}/`)))
    .sort((a, b) => b[1].length - a[1].length)[0];
  const inMemory = mount !== undefined && ['tmpfs', 'ramfs'].includes(mount[2]);
  const base = inMemory ? path.resolve('data', 'bench') : tmp;
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, 'samverkan-bench-'));
}

async function inFreshDir<T>(measure: (dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = benchDirectory();
  try {
    return await measure(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function rawCommitsPerSec(dataDir: string): number {
  const db = openDatabase({ dataDir });
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < MEASURE_MS) {
    const e = newEvent(); // same per-event work as the adapter loops: id and JSON
    insert.run(e.id, 'bench-raw', count, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), Date.now());
    count++;
  }
  const rate = count / ((performance.now() - start) / 1000);
  db.close();
  return rate;
}

/** `appenders` loops, each on its own stream, each awaiting its own append before the next. */
async function adapterAppendsPerSec(dataDir: string, appenders: number): Promise<number> {
  const store = await SqliteEventStore.open({ dataDir });
  let count = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: appenders }, async (_, i) => {
      const stream = `bench-${i}`;
      for (let revision = -1n; performance.now() - start < MEASURE_MS; revision++) {
        await store.append(stream, [newEvent()], { expectedRevision: revision < 0n ? 'no_stream' : revision });
        count++;
      }
    }),
  );
  const rate = count / ((performance.now() - start) / 1000);
  await store.close();
  return rate;
}

type Counted = { type: 'Counted'; data: typeof payload };
const counter: Decider<{ type: 'Count' }, Counted, number> = {
  initialState: () => 0,
  decide: () => [{ type: 'Counted', data: payload }],
  evolve: (n) => n + 1,
};
const actor = { userId: 'u-1', displayName: 'U', organisationId: null, role: 'coordinator', roles: ['coordinator'] };

/** `loops` command loops through the executor, on `streams` streams, each awaiting its command before the next. */
async function commandsPerSec(dataDir: string, loops: number, streams: number): Promise<number> {
  const store = await SqliteEventStore.open({ dataDir });
  const executor = new CommandExecutor(store);
  let count = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: loops }, async (_, i) => {
      const streamName = `bench-${i % streams}`;
      while (performance.now() - start < MEASURE_MS) {
        const commandId = randomUUID();
        const context = { commandId, correlationId: commandId, causationId: commandId, actor, receivedAt: new Date() };
        await executor.execute({ streamName, decider: counter, command: { type: 'Count' }, context, authorize: () => undefined });
        count++;
      }
    }),
  );
  const rate = count / ((performance.now() - start) / 1000);
  await store.close();
  return rate;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function runAppendBench(): Promise<AppendBenchResult> {
  const raw: number[] = [];
  const sequential: number[] = [];
  const concurrent: number[] = [];
  const commands: number[] = [];
  const hotStream: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    raw.push(await inFreshDir(async (dir) => rawCommitsPerSec(dir)));
    sequential.push(await inFreshDir((dir) => adapterAppendsPerSec(dir, 1)));
    concurrent.push(await inFreshDir((dir) => adapterAppendsPerSec(dir, CONCURRENT_APPENDERS)));
    commands.push(await inFreshDir((dir) => commandsPerSec(dir, CONCURRENT_APPENDERS, CONCURRENT_APPENDERS)));
    hotStream.push(await inFreshDir((dir) => commandsPerSec(dir, CONCURRENT_APPENDERS, 1)));
  }
  const [r, s, c] = [median(raw), median(sequential), median(concurrent)];
  return {
    rawCommitsPerSec: Math.round(r),
    sequentialAppendsPerSec: Math.round(s),
    concurrentAppendsPerSec: Math.round(c),
    commandsPerSec: Math.round(median(commands)),
    hotStreamCommandsPerSec: Math.round(median(hotStream)),
    sequentialToRaw: Number((s / r).toFixed(2)),
    concurrentToRaw: Number((c / r).toFixed(2)),
  };
}
