/**
 * What a big history costs: builds a 10,000-event and a 1,000,000-event store
 * with the generator (290 municipalities, 95 police areas, ten years of
 * promises and activity logs), then measures, side by side on both:
 * - projection rebuild throughput (goal ≥ 30,000 events/s);
 * - `promise(id)` with 50 activities, p50/p99 (goal: 1M p99 ≤ 1.5 × 10k p99);
 * - start-up time and memory with the large store (goal ≤ 3 s, no replay).
 * BENCH_LARGE_EVENTS shrinks the large store for a quick run.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '../src/event-store/sqlite';
import { ALL_PROJECTIONS } from '../src/projections/all-projections';
import { ProjectionApplier } from '../src/projections/projection-applier';
import { migrateReadModels, openSqliteReadModels } from '../src/projections/read-model-database';
import { rebuildReadModels } from '../src/projections/rebuild';
import { benchDirectory } from './append.bench';
import { generateDataset } from './dataset/generate-dataset';
import { BenchService, benchToken, PRODUCTION_ENV, startService } from './service-process';
import { IntegrityChainer } from '../src/audit/integrity/integrity-chainer';
import { parsePrivateKey, signingKeyFrom } from '../src/audit/integrity/signing-key';
import { INTEGRITY_RECORDS_FILE, SqliteIntegrityRecords } from '../src/audit/integrity/sqlite-integrity-records';
import { AuthenticatingEventStore } from '../src/audit/integrity/authenticating-event-store';
import { verifyIncrementally } from '../src/audit/integrity/verify-incrementally';
import { EventStore } from '../src/event-store/event-store.port';
import { median, round } from './stats';

const SMALL = 10_000;
const LARGE = Number(process.env.BENCH_LARGE_EVENTS ?? 1_000_000);
const QUERY_ROUNDS = 3;

/** Events after the last signed checkpoint when the service starts: a default policy signs every 1,000. */
const UNSIGNED_TAIL = 999;

/** Read-access log entries (any instance appends them all the time), written as the service writes them. */
async function appendReadAccessTail(store: EventStore, count: number): Promise<void> {
  const metadata = { commandId: 'bench', commandType: 'RecordPersonalDataRead', correlationId: 'bench', causationId: 'bench',
    actor: { userId: 'bench-auditor', displayName: 'Bench', organisationId: null, role: 'auditor' }, occurredAt: new Date().toISOString(), schemaVersion: 1 };
  for (let i = 0; i < count; i++) {
    const data = { operationName: 'Bench', query: '{ bench }', variables: '{}', reads: [{ field: 'Signature.signatoryName', path: 'bench', subjectId: null }] };
    await store.append(`personaldataread-bench-auditor-2024-01-0${1 + (i % 9)}`, [{ id: randomUUID(), type: 'PersonalDataRead', data, metadata }], { expectedRevision: 'any' });
  }
}

/**
 * The integrity check a starting instance makes (from the last verified checkpoint, through the
 * unsigned tail), timed on its own: median of three, in milliseconds.
 */
async function startupIntegrityCheckMs(dataDir: string): Promise<number> {
  const key = signingKeyFrom(parsePrivateKey(PRODUCTION_ENV.INTEGRITY_SIGNING_KEY));
  const store = await SqliteEventStore.open({ dataDir });
  const records = SqliteIntegrityRecords.open(path.join(dataDir, INTEGRITY_RECORDS_FILE));
  try {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const report = await verifyIncrementally(store, records, [key.publicKey], [key.eventKey]);
      runs.push(performance.now() - started);
      if (!report.intact || report.authenticatorsChecked < UNSIGNED_TAIL) throw new Error(`unexpected start-up check: ${JSON.stringify(report.failure)}`);
    }
    return median(runs);
  } finally {
    await records.close();
    await store.close();
  }
}

async function buildStore(targetEvents: number) {
  const dataDir = benchDirectory();
  // Written as the service writes (every event authenticated with its key), so the service accepts the store.
  const key = signingKeyFrom(parsePrivateKey(PRODUCTION_ENV.INTEGRITY_SIGNING_KEY));
  const store = new AuthenticatingEventStore(await SqliteEventStore.open({ dataDir }), key.eventKey);
  let lastReport = 0;
  const dataset = await generateDataset(store, targetEvents, (n) => {
    if (n - lastReport >= 100_000) console.error(`  generated ${(lastReport = n).toLocaleString('en-US')} events`);
  });
  // The running service chains every event as it is stored; a store built in bulk is chained here, as a
  // service would have done, so that start-up measures starting and not catching up on a million links.
  const records = SqliteIntegrityRecords.open(path.join(dataDir, INTEGRITY_RECORDS_FILE));
  const chained = await new IntegrityChainer(store, records, key, { everyEvents: 10_000, everyMinutes: 60 }).catchUp();
  await records.close();
  if (chained) throw new Error(`the generated store does not chain: ${chained.failure?.reason}`);
  await appendReadAccessTail(store, UNSIGNED_TAIL);
  const db = openSqliteReadModels(path.join(dataDir, 'read-models.sqlite'));
  await migrateReadModels(db);
  const started = performance.now();
  const rebuilt = await rebuildReadModels(store, db, new ProjectionApplier(ALL_PROJECTIONS));
  const rebuildEventsPerSec = rebuilt / ((performance.now() - started) / 1000);
  await db.destroy();
  await store.close();
  return { dataDir, ...dataset, rebuildEventsPerSec };
}

function promiseQuery(id: string): string {
  return JSON.stringify({
    query: `query($id: ID!) { promise(id: $id) { id title status period { from to } focusAreas plannedActivities { id description }
      activities(first: 50) { edges { node { id date kind count place outcome } } pageInfo { hasNextPage } } } }`,
    variables: { id },
  });
}

async function latency(service: BenchService, promiseId: string, token: string) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const result = await autocannon({ url: service.url, connections: 8, duration: 5, method: 'POST', headers, body: promiseQuery(promiseId) });
  return { p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

export async function runLargeDatasetBench(): Promise<Record<string, number>> {
  console.error(`  building ${SMALL.toLocaleString('en-US')} and ${LARGE.toLocaleString('en-US')} event stores ...`);
  const small = await buildStore(SMALL);
  const large = await buildStore(LARGE);
  const services: BenchService[] = [];
  try {
    const integrityCheckMs = await startupIntegrityCheckMs(large.dataDir);
    const smallService = await startService(small.dataDir);
    services.push(smallService);
    const largeService = await startService(large.dataDir);
    services.push(largeService);
    // No replay at boot: the projections resume after their checkpoint (a few new events, such as a signed
    // integrity checkpoint, may arrive after start; the million before it must not be applied again).
    const largeHealth = await largeService.health();
    if (largeHealth.projections.eventsApplied > 1_000) throw new Error(`the service replayed history at start (${largeHealth.projections.eventsApplied} events)`);
    const startupLargeMs = largeService.startupMs;
    const rssLargeMiB = largeService.rssBytes() / 2 ** 20;

    const token = await benchToken({ userId: 'bench-auditor', organisationId: null, roles: ['auditor'] });
    const smallRuns = [];
    const largeRuns = [];
    for (let r = 0; r < QUERY_ROUNDS; r++) {
      smallRuns.push(await latency(smallService, small.samplePromiseId, token));
      largeRuns.push(await latency(largeService, large.samplePromiseId, token));
    }
    if ([...smallRuns, ...largeRuns].some((run) => run.errors > 0)) throw new Error('promise queries failed during the bench');
    const p99Small = median(smallRuns.map((x) => x.p99));
    const p99Large = median(largeRuns.map((x) => x.p99));
    return {
      eventsSmall: small.events,
      eventsLarge: large.events,
      rebuildEventsPerSec: round(large.rebuildEventsPerSec),
      promiseP50SmallMs: median(smallRuns.map((x) => x.p50)),
      promiseP99SmallMs: p99Small,
      promiseP50LargeMs: median(largeRuns.map((x) => x.p50)),
      promiseP99LargeMs: p99Large,
      p99LargeToSmall: round(p99Large / Math.max(p99Small, 1), 2),
      startupLargeMs: round(startupLargeMs),
      startupIntegrityCheckMs: round(integrityCheckMs),
      rssLargeMiB: round(rssLargeMiB),
    };
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    for (const dir of [small.dataDir, large.dataDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
}
