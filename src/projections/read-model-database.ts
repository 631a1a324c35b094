import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { AppConfig } from '../config/app-config';
import { migrationProvider } from './migrations';
import { openPostgresReadModels } from './postgres-read-models';
import { ReadModelSchema } from './read-model-schema';

export type ReadModelDb = Kysely<ReadModelSchema>;

/** The configured read-model database: PostgreSQL with READ_MODEL_URL, else SQLite under DATA_DIR. */
export function openReadModels(config: Pick<AppConfig, 'READ_MODEL_URL' | 'DATA_DIR' | 'PROJECTION_LEASE_MS'>): ReadModelDb {
  if (config.READ_MODEL_URL) return openPostgresReadModels(config.READ_MODEL_URL, { idleInTransactionTimeoutMs: config.PROJECTION_LEASE_MS });
  mkdirSync(config.DATA_DIR, { recursive: true });
  return openSqliteReadModels(sqliteReadModelsFile(config.DATA_DIR));
}

export const SQLITE_READ_MODELS_FILE = 'read-models.sqlite';

export function sqliteReadModelsFile(dataDir: string): string {
  return join(dataDir, SQLITE_READ_MODELS_FILE);
}

/**
 * The embedded read-model database: a SQLite file of its own, separate from the
 * event store, so it can be dropped and rebuilt. synchronous=NORMAL is enough
 * here: the rows and the checkpoint commit together, so whatever a crash
 * loses is simply projected again from the events.
 */
export function openSqliteReadModels(file: string): ReadModelDb {
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  // Index pages of the big tables (audit log, activity log) stay in memory: 64 MiB instead of 2.
  database.pragma('cache_size = -65536');
  return new Kysely<ReadModelSchema>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

const MAX_CACHED_STATEMENTS = 500;

/**
 * Kysely prepares every query afresh; preparing costs about as much as running
 * a small statement. Projections and queries repeat a few hundred SQL texts, so
 * reuse their prepared statements (better-sqlite3 statements are reusable).
 */
function withStatementCache(database: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (!statement) {
        statement = database.prepare(sqlText);
        if (cache.size >= MAX_CACHED_STATEMENTS) cache.delete(cache.keys().next().value as string);
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/** Brings the schema to the newest version; throws naming the migration that failed. */
export async function migrateReadModels(db: ReadModelDb, schema?: string): Promise<void> {
  // In a PostgreSQL schema of its own (a rebuild's), the migration bookkeeping must be found there too, not in public.
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Read-model migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
