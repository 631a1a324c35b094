/**
 * Projection throughput into PostgreSQL (READ_MODEL_URL): the same events
 * rebuilt into SQLite and into a throw-away PostgreSQL database, side by side.
 * Needs PostgreSQL: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { SqliteEventStore } from '../src/event-store/sqlite';
import { ALL_PROJECTIONS } from '../src/projections/all-projections';
import { ProjectionApplier } from '../src/projections/projection-applier';
import { migrateReadModels, openSqliteReadModels, ReadModelDb } from '../src/projections/read-model-database';
import { openPostgresReadModels } from '../src/projections/postgres-read-models';
import { rebuildReadModels } from '../src/projections/rebuild';
import { benchDirectory } from './append.bench';
import { generateDataset } from './dataset/generate-dataset';
import { round } from './stats';

const EVENTS = 100_000;
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function rebuildRate(store: SqliteEventStore, db: ReadModelDb): Promise<number> {
  await migrateReadModels(db);
  const started = performance.now();
  const count = await rebuildReadModels(store, db, new ProjectionApplier(ALL_PROJECTIONS));
  return count / ((performance.now() - started) / 1000);
}

export async function runPostgresRebuildBench(): Promise<Record<string, number>> {
  const dataDir = benchDirectory();
  const database = `samverkan_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const store = await SqliteEventStore.open({ dataDir });
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const postgres = openPostgresReadModels(url.toString());
  const sqlite = openSqliteReadModels(path.join(dataDir, 'read-models.sqlite'));
  try {
    const { events } = await generateDataset(store, EVENTS);
    const sqliteRate = await rebuildRate(store, sqlite);
    const postgresRate = await rebuildRate(store, postgres);
    return { events, sqliteEventsPerSec: round(sqliteRate), postgresEventsPerSec: round(postgresRate), postgresToSqlite: round(postgresRate / sqliteRate, 2) };
  } finally {
    await Promise.all([postgres.destroy(), sqlite.destroy(), store.close()]);
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
