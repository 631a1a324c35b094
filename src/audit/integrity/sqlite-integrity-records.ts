import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { JsonObject } from '../../event-store/event-store.port';
import { KeptCheckpoint, keptCheckpointFromJson, keptCheckpointToJson } from './checkpoint';
import { IntegrityRecords, LinkConflictError, RecordedLink } from './integrity-records';

export const INTEGRITY_RECORDS_FILE = 'integrity.sqlite';

interface LinkRow {
  count: bigint;
  position: string;
  event_id: string;
  link: string;
}

const toLink = (row: LinkRow): RecordedLink => ({ count: row.count, position: row.position, eventId: row.event_id, link: row.link });

/**
 * The integrity records of a single instance, in a SQLite file of their own
 * beside the read models. Not in the read-model database: a rebuild may drop
 * that, and the links' worth is that they were written when each event was
 * first chained, not recomputed from possibly altered events.
 */
export class SqliteIntegrityRecords implements IntegrityRecords {
  private readonly insertLink: Database.Statement<unknown[]>;
  private readonly linkAt: Database.Statement<[number], LinkRow>;
  /** Arrays of plain numbers: verifying reads every link, and row objects with bigints cost more than the reading. */
  private readonly page: Database.Statement<[number, number], [count: number, position: string, eventId: string, link: string]>;
  private readonly byId: Database.Statement<[string], LinkRow>;
  private readonly last: Database.Statement<[], LinkRow>;
  private readonly kept: Database.Statement<[], { data: string }>;
  private readonly keep: Database.Statement<[string, number]>;

  private constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS chain_links (
      count INTEGER PRIMARY KEY, position TEXT NOT NULL, event_id TEXT NOT NULL, link TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS chain_links_by_event ON chain_links (event_id);
      CREATE TABLE IF NOT EXISTS latest_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL, data TEXT NOT NULL);`);
    this.insertLink = db.prepare('INSERT INTO chain_links (count, position, event_id, link) VALUES (?, ?, ?, ?) ON CONFLICT (count) DO NOTHING');
    this.linkAt = db.prepare<[number], LinkRow>('SELECT * FROM chain_links WHERE count = ?').safeIntegers(true);
    this.page = db.prepare<[number, number], [number, string, string, string]>(
      'SELECT count, position, event_id, link FROM chain_links WHERE count > ? ORDER BY count LIMIT ?').raw(true);
    this.byId = db.prepare<[string], LinkRow>('SELECT * FROM chain_links WHERE event_id = ? LIMIT 1').safeIntegers(true);
    this.last = db.prepare<[], LinkRow>('SELECT * FROM chain_links ORDER BY count DESC LIMIT 1').safeIntegers(true);
    this.kept = db.prepare<[], { data: string }>('SELECT data FROM latest_checkpoint WHERE id = 1');
    this.keep = db.prepare<[string, number]>(`INSERT INTO latest_checkpoint (id, data, count) VALUES (1, ?, ?)
      ON CONFLICT (id) DO UPDATE SET data = excluded.data, count = excluded.count WHERE excluded.count > latest_checkpoint.count`);
  }

  static open(file: string): SqliteIntegrityRecords {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // A tail lost to a power cut is re-chained from the events on restart; FULL would buy nothing.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    return new SqliteIntegrityRecords(db);
  }

  async record(links: readonly RecordedLink[]): Promise<void> {
    this.db.transaction(() => {
      for (const l of links) {
        if (this.insertLink.run(l.count, l.position, l.eventId, l.link).changes > 0) continue;
        const existing = this.linkAt.get(Number(l.count))!;
        if (existing.link !== l.link) throw new LinkConflictError(l.count, existing.link, l.link);
      }
    })();
  }

  async linksAfter(afterCount: bigint, limit: number): Promise<RecordedLink[]> {
    // A chain of 2^53 links would take centuries to record; counts fit plain numbers exactly.
    return this.page.all(Number(afterCount), limit).map(([count, position, eventId, link]) => ({ count: BigInt(count), position, eventId, link }));
  }

  async whereChained(eventId: string): Promise<RecordedLink | undefined> {
    const row = this.byId.get(eventId);
    return row ? toLink(row) : undefined;
  }

  async lastLink(): Promise<RecordedLink | undefined> {
    const row = this.last.get();
    return row ? toLink(row) : undefined;
  }

  async latestCheckpoint(): Promise<KeptCheckpoint | undefined> {
    const row = this.kept.get();
    return row ? keptCheckpointFromJson(JSON.parse(row.data) as JsonObject) : undefined;
  }

  async keepCheckpoint(checkpoint: KeptCheckpoint): Promise<void> {
    this.keep.run(JSON.stringify(keptCheckpointToJson(checkpoint)), Number(checkpoint.count));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
