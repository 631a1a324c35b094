/**
 * Issue 5: how fast the audit trail can be checked and replayed, on a
 * generated store (real deciders, BENCH_AUDIT_EVENTS events, default 100,000):
 * - chaining (hash links recorded, checkpoints signed): information;
 * - `verify` over the store with its recorded links (goal ≥ 150,000 events/s);
 * - a full replay of every read model, audit log included (goal ≥ 30,000 events/s);
 * - an NDJSON export of everything (verifies as it goes): information.
 * Each figure is the median of ROUNDS runs (verify: after one unmeasured warm-up run).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { generateKeyPairSync } from 'node:crypto';
import { SqliteEventStore } from '../src/event-store/sqlite';
import { INTEGRITY_RECORDS_FILE, SqliteIntegrityRecords } from '../src/audit/integrity/sqlite-integrity-records';
import { AuthenticatingEventStore } from '../src/audit/integrity/authenticating-event-store';
import { IntegrityChainer } from '../src/audit/integrity/integrity-chainer';
import { signingKeyFrom } from '../src/audit/integrity/signing-key';
import { verifyStore } from '../src/audit/integrity/verify-store';
import { replayReadModels } from '../src/audit/cli/replay';
import { exportNdjson } from '../src/audit/export/ndjson-export';
import { benchDirectory } from './append.bench';
import { generateDataset } from './dataset/generate-dataset';
import { median, round } from './stats';

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 100_000);
const ROUNDS = 5;

export const auditBenchGoals = { verifyEventsPerSec: 150_000, replayEventsPerSec: 30_000 };

async function timed(run: () => Promise<number>): Promise<number> {
  const started = performance.now();
  const events = await run();
  return events / ((performance.now() - started) / 1000);
}

export async function runAuditBench(): Promise<Record<string, number>> {
  const dataDir = benchDirectory();
  const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
  // Written as the service writes: every event authenticated with its key.
  const store = new AuthenticatingEventStore(await SqliteEventStore.open({ dataDir }), key.eventKey);
  const links = SqliteIntegrityRecords.open(path.join(dataDir, INTEGRITY_RECORDS_FILE));
  try {
    console.error(`  generating ${EVENTS.toLocaleString('en-US')} events ...`);
    await generateDataset(store, EVENTS);
    const chainer = new IntegrityChainer(store, links, key, { everyEvents: 10_000, everyMinutes: 60 });
    // Chaining a store nobody chained yet: every event's authenticator is checked before its link is recorded.
    const chainEventsPerSec = await timed(async () => {
      const failed = await chainer.catchUp();
      if (failed) throw new Error(`bench store does not chain: ${failed.failure?.reason}`);
      return Number(chainer.status().chained);
    });

    // One unmeasured run first: on 100,000 events a verify lasts half a second, much of it spent
    // compiling the hot path, which a verify of a real store (minutes long) pays once.
    const verifyRuns: number[] = [];
    for (let i = -1; i < ROUNDS; i++) {
      verifyRuns.push(await timed(async () => {
        const report = await verifyStore(store, { keys: [key.publicKey], eventKeys: [key.eventKey], records: links });
        if (!report.intact) throw new Error(`bench store does not verify: ${report.failure?.reason}`);
        return report.eventsChecked;
      }));
    }
    verifyRuns.shift();

    const replayRuns: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const file = path.join(dataDir, `replay-${i}.sqlite`);
      replayRuns.push(await timed(() => replayReadModels(store, { file })));
      fs.rmSync(file, { force: true });
    }

    const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
    const exportEventsPerSec = await timed(async () => (await exportNdjson(store, { scope: { kind: 'all', afterPosition: null }, key: key.publicKey, eventKeys: [key.eventKey], records: links, out: discard })).events);

    return {
      events: Number(chainer.status().chained),
      chainEventsPerSec: round(chainEventsPerSec),
      verifyEventsPerSec: round(median(verifyRuns)),
      replayEventsPerSec: round(median(replayRuns)),
      exportEventsPerSec: round(exportEventsPerSec),
    };
  } finally {
    await links.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `BENCH_AUDIT_EVENTS=20000 npx ts-node bench/audit.bench.ts` style quick runs: `node dist/bench/audit.bench.js`. */
if (require.main === module) {
  runAuditBench().then((figures) => console.log(figures), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
