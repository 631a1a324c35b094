import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StoreUnavailableError } from '../event-store.errors';
import { translateSqliteError } from './sqlite-errors';

export const DATABASE_FILE = 'events.sqlite';

/**
 * `position` is the global position (commit = prepare). AUTOINCREMENT because
 * positions are checkpoints held by projections: they must never be reused,
 * even if the newest rows were ever removed by hand.
 */
const DDL = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL,
    stream      TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
  CREATE UNIQUE INDEX IF NOT EXISTS events_id ON events (id);
`;

/**
 * The command-id index: one row per command id, written in the same
 * transaction as the command's events, so an id is applied at most once and
 * never for two different commands (see CommandRecord in the port). `revision`
 * and `position` are those of the command's last event: what a retry answers.
 * `digest` is null for commands recorded before digests existed.
 */
const COMMANDS_DDL = `
  CREATE TABLE commands (
    command_id TEXT    PRIMARY KEY,
    stream     TEXT    NOT NULL,
    digest     TEXT,
    revision   INTEGER NOT NULL,
    position   INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/** A store written before the index existed: every command id its events carry, each with its first stream. */
const BACKFILL_COMMANDS = `
  INSERT OR IGNORE INTO commands (command_id, stream, digest, revision, position)
  SELECT json_extract(metadata, '$.commandId'), stream, json_extract(metadata, '$.commandDigest'), MAX(revision), MAX(position)
  FROM events
  WHERE json_type(metadata, '$.commandId') = 'text'
  GROUP BY 1, 2
  ORDER BY MIN(position)
`;

function createCommandIndex(db: Database.Database): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'commands'").get();
  if (exists) return;
  db.transaction(() => {
    db.exec(COMMANDS_DDL);
    db.exec(BACKFILL_COMMANDS);
  })();
}

export interface OpenDatabaseOptions {
  readonly dataDir: string;
  /** Caps the file size (SQLite max_page_count); appends past it fail as "disk full". */
  readonly maxSizeBytes?: number;
  /** For readers beside a running service (verify, export, an audit replay): an existing store, opened read-only. */
  readonly readOnly?: boolean;
}

export function ensureWritableDirectory(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new StoreUnavailableError(
      `Event store data directory "${dataDir}" cannot be created or written: ${reason}`,
      { cause: err },
    );
  }
  if (!fs.statSync(dataDir).isDirectory()) {
    throw new StoreUnavailableError(`Event store data directory "${dataDir}" is not a directory`);
  }
}

/**
 * Applied on every open, not only at creation: better-sqlite3 (like SQLite)
 * reopens an existing WAL database at synchronous=NORMAL, which may lose the
 * last commits on power loss. FULL makes every commit fsync the WAL before the
 * append is acknowledged.
 */
function applyDurabilityPragmas(db: Database.Database, file: string): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    throw new StoreUnavailableError(`Event store "${file}" cannot use WAL journal mode (got "${String(mode)}")`);
  }
  db.pragma('synchronous = FULL');
  // A second process (a backup, the sqlite3 shell) may hold a lock briefly.
  db.pragma('busy_timeout = 5000');
}

/** An existing store for reading only: its schema is the writer's business, and nothing is created. */
function openForReading(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new StoreUnavailableError(`There is no embedded store at "${file}" (check DATA_DIR)`);
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (err) {
    throw translateSqliteError(err, `opening "${file}" to read`);
  }
}

export function openDatabase(options: OpenDatabaseOptions): Database.Database {
  const dataDir = path.resolve(options.dataDir);
  const file = path.join(dataDir, DATABASE_FILE);
  if (options.readOnly) return openForReading(file);
  ensureWritableDirectory(dataDir);
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    applyDurabilityPragmas(db, file);
    if (options.maxSizeBytes !== undefined) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(1, Math.ceil(options.maxSizeBytes / pageSize))}`);
    }
    db.exec(DDL);
    createCommandIndex(db);
    return db;
  } catch (err) {
    db?.close();
    throw translateSqliteError(err, `opening "${file}"`);
  }
}
