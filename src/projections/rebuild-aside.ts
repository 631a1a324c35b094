import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { Kysely, sql } from 'kysely';
import { AppConfig } from '../config/app-config';
import { EventStore } from '../event-store/event-store.port';
import { ALL_PROJECTIONS } from './all-projections';
import { Projection } from './projection';
import { ProjectionApplier } from './projection-applier';
import { openPostgresReadModels } from './postgres-read-models';
import { migrateReadModels, openSqliteReadModels, ReadModelDb, sqliteReadModelsFile } from './read-model-database';
import { rebuildReadModels } from './rebuild';

export interface RebuildAsideOptions {
  /** One projection's tables and checkpoint only (default: every read model). */
  projection?: string;
}

/**
 * Rebuilds into a fresh database beside the live one and swaps only once the
 * replay has succeeded: a replay that fails (a projection throws on an event)
 * leaves the live read models exactly as they were, and the error names the
 * projection and the event. SQLite: a new file, renamed over the old one (or,
 * for one projection, its tables copied in within one transaction).
 * PostgreSQL: a new schema, whose tables replace the live ones in one
 * transaction. Returns the number of events replayed.
 */
export async function rebuildAside(config: Pick<AppConfig, 'READ_MODEL_URL' | 'DATA_DIR'>, store: EventStore, options: RebuildAsideOptions = {}): Promise<number> {
  const projections = selectProjections(options.projection);
  return config.READ_MODEL_URL ? rebuildPostgres(config.READ_MODEL_URL, store, projections) : rebuildSqlite(config.DATA_DIR, store, projections, !options.projection);
}

function selectProjections(name: string | undefined): readonly Projection[] {
  if (!name) return ALL_PROJECTIONS;
  const found = ALL_PROJECTIONS.find((p) => p.name === name);
  if (!found) throw new Error(`No projection named "${name}" (there are: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')})`);
  return [found];
}

async function replayInto(db: ReadModelDb, store: EventStore, projections: readonly Projection[], schema?: string): Promise<number> {
  await migrateReadModels(db, schema);
  return rebuildReadModels(store, db, new ProjectionApplier(projections));
}

async function rebuildSqlite(dataDir: string, store: EventStore, projections: readonly Projection[], whole: boolean): Promise<number> {
  const live = sqliteReadModelsFile(dataDir);
  const aside = `${live}.rebuilding`;
  removeSqlite(aside); // what a rebuild that crashed left behind
  const db = openSqliteReadModels(aside);
  let count: number;
  try {
    count = await replayInto(db, store, projections);
  } catch (error) {
    await db.destroy();
    removeSqlite(aside);
    throw error;
  }
  await db.destroy(); // closing the last connection folds the WAL into the file
  if (whole || !existsSync(live)) swapSqliteFile(live, aside);
  else copySqliteTables(live, aside, projections);
  return count;
}

/** The old file's WAL must not outlive it: SQLite would apply it to the new file. */
function swapSqliteFile(live: string, aside: string): void {
  if (existsSync(live)) {
    const old = new Database(live);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
  }
  rmSync(`${live}-wal`, { force: true });
  rmSync(`${live}-shm`, { force: true });
  renameSync(aside, live);
}

/** One projection: its tables and checkpoint replaced by the rebuilt ones in one transaction. */
function copySqliteTables(live: string, aside: string, projections: readonly Projection[]): void {
  const db = new Database(live);
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('ATTACH DATABASE ? AS aside').run(aside);
    db.transaction(() => {
      for (const table of tablesOf(projections)) {
        db.exec(`DELETE FROM main."${table}"; INSERT INTO main."${table}" SELECT * FROM aside."${table}"`);
      }
      const names = projections.map((p) => p.name);
      const placeholders = names.map(() => '?').join(', ');
      db.prepare(`DELETE FROM main.projection_checkpoints WHERE name IN (${placeholders})`).run(...names);
      db.prepare(`INSERT INTO main.projection_checkpoints SELECT * FROM aside.projection_checkpoints WHERE name IN (${placeholders})`).run(...names);
    })();
    db.exec('DETACH DATABASE aside');
  } finally {
    db.close();
  }
  removeSqlite(aside);
}

function removeSqlite(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

async function rebuildPostgres(url: string, store: EventStore, projections: readonly Projection[]): Promise<number> {
  const live = openPostgresReadModels(url, { poolSize: 2 });
  const schema = `rebuild_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  try {
    await migrateReadModels(live);
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(live);
    const liveSchema = rows[0].schema;
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(live);
    try {
      const aside = openPostgresReadModels(url, { poolSize: 2, schema });
      let count: number;
      try {
        count = await replayInto(aside, store, projections, schema);
      } finally {
        await aside.destroy();
      }
      await swapPostgresTables(live, liveSchema, schema, projections);
      return count;
    } finally {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(live);
    }
  } finally {
    await live.destroy();
  }
}

/** The rebuilt tables take the live ones' place (and the checkpoints their rows') in one transaction. */
async function swapPostgresTables(db: Kysely<any>, liveSchema: string, asideSchema: string, projections: readonly Projection[]): Promise<void> {
  const retired = `${asideSchema}_retired`;
  await db.transaction().execute(async (trx) => {
    await sql`CREATE SCHEMA ${sql.id(retired)}`.execute(trx);
    for (const table of tablesOf(projections)) {
      await sql`ALTER TABLE ${sql.id(liveSchema, table)} SET SCHEMA ${sql.id(retired)}`.execute(trx);
      await sql`ALTER TABLE ${sql.id(asideSchema, table)} SET SCHEMA ${sql.id(liveSchema)}`.execute(trx);
    }
    const names = projections.map((p) => p.name);
    await sql`DELETE FROM ${sql.id(liveSchema, 'projection_checkpoints')} WHERE name IN (${sql.join(names)})`.execute(trx);
    await sql`INSERT INTO ${sql.id(liveSchema, 'projection_checkpoints')} SELECT * FROM ${sql.id(asideSchema, 'projection_checkpoints')} WHERE name IN (${sql.join(names)})`.execute(trx);
    await sql`DROP SCHEMA ${sql.id(retired)} CASCADE`.execute(trx);
  });
}

function tablesOf(projections: readonly Projection[]): string[] {
  return [...new Set(projections.flatMap((p) => p.tables))];
}
