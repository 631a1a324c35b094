import type Database from 'better-sqlite3';
import { InvalidAppendError, StoreUnavailableError } from '../event-store.errors';
import {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { AppendWriter } from './append-writer';
import { CatchUpSubscription } from './catch-up-subscription';
import { GroupCommitter } from './group-commit';
import { EVENT_COLUMNS, EventRow, positionOf, RawEventRow, toRawRecordedEvent, toRecordedEvent } from './rows';
import { RawEventPage, RawEventReader, RawReadOptions } from '../raw-event-reader';
import { ensureWritableDirectory, OpenDatabaseOptions, openDatabase } from './schema';
import { DataDirLock } from './data-dir-lock';
import { translateSqliteError } from './sqlite-errors';
import { validateAppend } from './validate-append';

export interface SqliteEventStoreOptions extends OpenDatabaseOptions {
  /** Events a subscription reads per page while catching up (default 500). */
  readonly subscriptionPageSize?: number;
}

const NO_LIMIT = -1; // SQLite: a negative LIMIT means none
const LAST_REVISION = 9223372036854775807n;

function limitOf(maxCount: number | undefined): number {
  if (maxCount === undefined) return NO_LIMIT;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw new InvalidAppendError(`maxCount must be a non-negative integer, got ${maxCount}`);
  }
  return maxCount;
}

/**
 * The embedded adapter: one SQLite file, one connection, one writer. Only one
 * process may write to a data directory (live subscriptions are woken by this
 * process's own commits, and revisions are checked by this process alone), so
 * opening it for writing takes the directory's lock (see DataDirLock); a
 * second process is refused at start.
 */
export class SqliteEventStore implements EventStore, RawEventReader {
  /** Absent when opened read-only. */
  private readonly committer: GroupCommitter | undefined;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly sql: Record<'forwards' | 'backwards' | 'all' | 'head', Database.Statement<unknown[]>>;
  /** Arrays of plain numbers: creating bigints and row objects cost more than reading the rows. */
  private readonly rawRange: Database.Statement<[number, number, number], RawEventRow>;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly db: Database.Database,
    private readonly pageSize: number,
    private readonly lock: DataDirLock | undefined,
  ) {
    this.committer = db.readonly ? undefined : new GroupCommitter(db, new AppendWriter(db), () => this.notifySubscribers());
    const select = `SELECT ${EVENT_COLUMNS} FROM events`;
    this.sql = {
      forwards: db.prepare(`${select} WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`),
      backwards: db.prepare(`${select} WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`),
      all: db.prepare(`${select} WHERE position > ? ORDER BY position LIMIT ?`),
      head: db.prepare('SELECT MAX(position) AS position FROM events'),
    };
    Object.values(this.sql).forEach((statement) => statement.safeIntegers(true));
    [this.sql.forwards, this.sql.backwards, this.sql.all].forEach((statement) => statement.raw(true));
    this.rawRange = db
      .prepare<[number, number, number], RawEventRow>(`${select} WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`)
      .raw(true);
  }

  /** For writing unless `readOnly`; throws DataDirLockedError when another process writes to the directory. */
  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    if (options.readOnly) return new SqliteEventStore(openDatabase(options), options.subscriptionPageSize ?? 500, undefined);
    ensureWritableDirectory(options.dataDir);
    const lock = DataDirLock.acquire(options.dataDir);
    try {
      return new SqliteEventStore(openDatabase(options), options.subscriptionPageSize ?? 500, lock);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /** Transactions committed by this instance (diagnostics; group commit tests). */
  get committedTransactions(): number {
    return this.committer?.committedTransactions ?? 0;
  }

  /** Reads a pragma on the store's own connection (pragmas like synchronous are per connection). */
  readPragma(name: 'journal_mode' | 'synchronous' | 'max_page_count'): unknown {
    return this.db.pragma(name, { simple: true });
  }

  /** Not async: the committer's own promise is returned, so a later append can name it as `after`. */
  append(streamName: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    try {
      if (this.closing) throw new StoreUnavailableError('The event store is closed');
      if (!this.committer) throw new StoreUnavailableError('The event store was opened read-only');
      return this.committer.submit(validateAppend(streamName, events, options?.expectedRevision, options?.command), options?.after);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = limitOf(options.maxCount);
    return options.direction === 'backwards'
      ? this.query('reading a stream', 'backwards', streamName, options.fromRevision ?? LAST_REVISION, limit)
      : this.query('reading a stream', 'forwards', streamName, options.fromRevision ?? 0n, limit);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.query('reading $all', 'all', options.after?.commit ?? -1n, limitOf(options.maxCount));
  }

  /** $all as stored, without parsing the JSON (see RawEventReader). */
  async readAllRaw(options: RawReadOptions): Promise<RawEventPage | undefined> {
    if (options.upTo.commit > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
    this.assertOpen();
    try {
      const rows = this.rawRange.all(Number(options.after?.commit ?? -1n), Number(options.upTo.commit), limitOf(options.maxCount));
      const last = rows.length > 0 ? positionOf(BigInt(rows[rows.length - 1][0])) : undefined;
      return { events: rows.map(toRawRecordedEvent), last };
    } catch (err) {
      throw translateSqliteError(err, 'reading $all');
    }
  }

  async headPosition(): Promise<Position | undefined> {
    this.assertOpen();
    try {
      const row = this.sql.head.get() as { position: bigint | null };
      return row.position === null ? undefined : positionOf(row.position);
    } catch (err) {
      throw translateSqliteError(err, 'reading the head position');
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription(
      (after, maxCount) => this.readAll({ after, maxCount }),
      this.pageSize,
      options.after,
      (s) => this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Lets appends already submitted commit, ends subscriptions, then closes the file. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.committer?.drained();
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      this.db.close();
      this.lock?.release();
    })();
    return this.closing;
  }

  private query(what: string, statement: keyof SqliteEventStore['sql'], ...params: unknown[]): RecordedEvent[] {
    this.assertOpen();
    try {
      return (this.sql[statement].all(...params) as EventRow[]).map(toRecordedEvent);
    } catch (err) {
      throw translateSqliteError(err, what);
    }
  }

  private assertOpen(): void {
    if (!this.db.open) throw new StoreUnavailableError('The event store is closed');
  }

  private notifySubscribers(): void {
    this.subscriptions.forEach((s) => s.notify());
  }
}
