import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const CHAIN_LINKS_FILE = 'integrity.sqlite';

/** The link recorded for the `count`-th event of the chain, when the service first saw it. */
export interface RecordedLink {
  readonly count: bigint;
  /** "commit/prepare" */
  readonly position: string;
  readonly eventId: string;
  readonly link: string;
}

interface LinkRow {
  count: bigint;
  position: string;
  event_id: string;
  link: string;
}

const toLink = (row: LinkRow): RecordedLink => ({ count: row.count, position: row.position, eventId: row.event_id, link: row.link });

/**
 * The chain links, in a SQLite file of their own beside the read models (one
 * per service, whichever event store it uses). Kept apart from the read models
 * on purpose: a rebuild must not recompute them from possibly altered events —
 * their value is that they were written when each event was first seen.
 */
export class ChainLinksDb {
  private readonly insertLink: Database.Statement<unknown[]>;
  /** Arrays of plain numbers: verifying reads every link, and row objects with bigints cost more than the reading. */
  private readonly page: Database.Statement<[number, number], [count: number, position: string, eventId: string, link: string]>;
  private readonly byId: Database.Statement<[string], LinkRow>;
  private readonly last: Database.Statement<[], LinkRow>;

  private constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS chain_links (
      count INTEGER PRIMARY KEY, position TEXT NOT NULL, event_id TEXT NOT NULL, link TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS chain_links_by_event ON chain_links (event_id);`);
    this.insertLink = db.prepare('INSERT INTO chain_links (count, position, event_id, link) VALUES (?, ?, ?, ?)');
    this.page = db.prepare<[number, number], [number, string, string, string]>(
      'SELECT count, position, event_id, link FROM chain_links WHERE count > ? ORDER BY count LIMIT ?').raw(true);
    this.byId = db.prepare<[string], LinkRow>('SELECT * FROM chain_links WHERE event_id = ? LIMIT 1').safeIntegers(true);
    this.last = db.prepare<[], LinkRow>('SELECT * FROM chain_links ORDER BY count DESC LIMIT 1').safeIntegers(true);
  }

  static open(file: string): ChainLinksDb {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // A lost tail is re-chained from the events on restart; FULL would buy nothing.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    return new ChainLinksDb(db);
  }

  /** All or nothing, so the table never ends between two links of one batch. */
  record(links: readonly RecordedLink[]): void {
    this.db.transaction(() => {
      for (const l of links) this.insertLink.run(l.count, l.position, l.eventId, l.link);
    })();
  }

  /** Links with count greater than `afterCount`, in order. */
  linksAfter(afterCount: bigint, limit: number): RecordedLink[] {
    // A chain of 2^53 links would take centuries to record; counts fit plain numbers exactly.
    return this.page.all(Number(afterCount), limit).map(([count, position, eventId, link]) => ({ count: BigInt(count), position, eventId, link }));
  }

  whereChained(eventId: string): RecordedLink | undefined {
    const row = this.byId.get(eventId);
    return row ? toLink(row) : undefined;
  }

  lastLink(): RecordedLink | undefined {
    const row = this.last.get();
    return row ? toLink(row) : undefined;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
