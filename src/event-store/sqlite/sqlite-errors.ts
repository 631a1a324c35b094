import { StoreUnavailableError } from '../event-store.errors';

/**
 * SQLite result codes that mean "the disk or file cannot do its job", as
 * opposed to a bug in a statement. Extended codes (SQLITE_IOERR_FSYNC,
 * SQLITE_READONLY_DBMOVED, ...) share the primary code as a prefix.
 */
const UNAVAILABLE_CODES: Record<string, string> = {
  SQLITE_READONLY: 'the database file or its directory is read-only',
  SQLITE_FULL: 'the disk is full (or the store reached its size limit)',
  SQLITE_IOERR: 'the disk reported an I/O error',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
  SQLITE_BUSY: 'another process holds a lock on the database file',
  SQLITE_CORRUPT: 'the database file is corrupt',
  SQLITE_NOTADB: 'the file is not a SQLite database',
};

function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

function primaryCode(code: string): string {
  // SQLITE_IOERR_FSYNC -> SQLITE_IOERR; SQLITE_READONLY_DBMOVED -> SQLITE_READONLY
  const match = /^SQLITE_[A-Z]+/.exec(code);
  return match ? match[0] : code;
}

/** True for errors callers cannot fix by changing their request: the store itself cannot work. */
export function isUnavailable(err: unknown): boolean {
  const code = sqliteCode(err);
  return code !== undefined && primaryCode(code) in UNAVAILABLE_CODES;
}

/**
 * Turns disk-level SQLite failures into StoreUnavailableError so callers see one
 * error type for "the store cannot write" whichever adapter they run on. Any
 * other error is returned unchanged: it is a bug, and hiding it would not help.
 */
export function translateSqliteError(err: unknown, where: string): unknown {
  const code = sqliteCode(err);
  if (code === undefined) return err;
  const reason = UNAVAILABLE_CODES[primaryCode(code)];
  if (reason === undefined) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new StoreUnavailableError(`Event store unavailable (${where}): ${reason} [${code}: ${detail}]`, {
    cause: err,
  });
}
