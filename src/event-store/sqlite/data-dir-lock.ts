import Database from 'better-sqlite3';
import * as path from 'node:path';
import { StoreUnavailableError } from '../event-store.errors';

export const LOCK_FILE = 'samverkan.lock';

/** Another process writes to this data directory: the embedded store is single-process. */
export class DataDirLockedError extends StoreUnavailableError {
  constructor(readonly dataDir: string) {
    super(
      `The embedded store in "${dataDir}" is in use by another process (it holds ${path.join(dataDir, LOCK_FILE)}). ` +
        'The embedded store is single-process: stop that process first, give this one its own DATA_DIR, ' +
        'or run several instances over EventStoreDB (see "Running at scale" in the README).',
    );
  }
}

interface Held {
  db: Database.Database;
  holders: number;
}

/** Per process: the store, the demo and the CLI may each ask for the lock of one directory. */
const held = new Map<string, Held>();

/**
 * The writer's lock on a data directory: SQLite's own exclusive locking on a
 * small file of its own. SQLite locks with fcntl(), which the kernel drops
 * when the holder dies, so a SIGKILLed service never leaves a stale lock; and
 * in exclusive locking mode a connection keeps the lock of its first write
 * until it closes. A second process finds the file locked and is refused at
 * once (no busy wait). Within one process the lock is shared and counted.
 *
 * Only writers take it (the service, rebuild, replay of the live read models,
 * demo); readers of events.sqlite (verify, export, an audit replay) do not
 * need it: WAL readers see committed transactions and never block the writer.
 */
export class DataDirLock {
  private released = false;

  private constructor(readonly dataDir: string) {}

  /** Throws DataDirLockedError when another process holds it. `dataDir` must exist. */
  static acquire(dataDir: string): DataDirLock {
    const dir = path.resolve(dataDir);
    const existing = held.get(dir);
    if (existing) {
      existing.holders += 1;
      return new DataDirLock(dir);
    }
    const db = new Database(path.join(dir, LOCK_FILE), { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = MEMORY');
      db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder;');
      db.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
      db.exec('COMMIT');
    } catch (error) {
      db.close();
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new DataDirLockedError(dir);
      throw error;
    }
    held.set(dir, { db, holders: 1 });
    return new DataDirLock(dir);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    const entry = held.get(this.dataDir);
    if (!entry || --entry.holders > 0) return;
    held.delete(this.dataDir);
    entry.db.close();
  }
}
