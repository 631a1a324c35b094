import { Kysely, Migrator, sql } from 'kysely';
import { JsonObject } from '../../event-store/event-store.port';
import { KeptCheckpoint, keptCheckpointFromJson, keptCheckpointToJson } from './checkpoint';
import { IntegrityRecords, LinkConflictError, RecordedLink } from './integrity-records';

type IntegrityTables = {
  integrity_chain_links: { count: string | number; position: string; event_id: string; link: string };
  integrity_latest_checkpoint: { id: number; count: string | number; data: string };
};

const toLink = (row: IntegrityTables['integrity_chain_links']): RecordedLink =>
  ({ count: BigInt(row.count), position: row.position, eventId: row.event_id, link: row.link });

/**
 * Versioned like the read models, but with a migration table of their own: these
 * tables belong to the integrity proof, are never dropped by a rebuild, and
 * migrate under Kysely's lock, so instances starting together do not race.
 */
const MIGRATIONS = {
  '001-integrity-records': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('integrity_chain_links')
        .addColumn('count', 'bigint', (c) => c.primaryKey())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('link', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('integrity_chain_links_by_event').on('integrity_chain_links').column('event_id').execute();
      await db.schema.createTable('integrity_latest_checkpoint')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('count', 'bigint', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

/** Rows per INSERT: PostgreSQL allows 65,535 parameters per statement. */
const INSERT_CHUNK = 2000;

/**
 * The integrity records in the shared PostgreSQL database (READ_MODEL_URL),
 * where every instance sees them: whichever instance leads the projections
 * chains, and the others check against what it recorded.
 */
export class PostgresIntegrityRecords implements IntegrityRecords {
  private readonly db: Kysely<IntegrityTables>;

  private constructor(db: Kysely<unknown>) {
    this.db = db.withTables<IntegrityTables>() as unknown as Kysely<IntegrityTables>;
  }

  static async open(db: Kysely<unknown>): Promise<PostgresIntegrityRecords> {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableName: 'integrity_migrations',
      migrationLockTableName: 'integrity_migrations_lock',
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw new Error(`Integrity records migration failed: ${error instanceof Error ? error.message : String(error)}`);
    return new PostgresIntegrityRecords(db);
  }

  async record(links: readonly RecordedLink[]): Promise<void> {
    if (links.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < links.length; i += INSERT_CHUNK) {
        const chunk = links.slice(i, i + INSERT_CHUNK);
        const inserted = await trx.insertInto('integrity_chain_links')
          .values(chunk.map((l) => ({ count: l.count.toString(), position: l.position, event_id: l.eventId, link: l.link })))
          .onConflict((oc) => oc.column('count').doNothing())
          .returning('count')
          .execute();
        if (inserted.length === chunk.length) continue;
        // Another chainer recorded some of these first: they must agree.
        const existing = await trx.selectFrom('integrity_chain_links').selectAll()
          .where('count', 'in', chunk.map((l) => l.count.toString())).execute();
        const recorded = new Map(existing.map((row) => [BigInt(row.count), row.link]));
        for (const l of chunk) {
          const link = recorded.get(l.count);
          if (link !== undefined && link !== l.link) throw new LinkConflictError(l.count, link, l.link);
        }
      }
    });
  }

  async linksAfter(afterCount: bigint, limit: number): Promise<RecordedLink[]> {
    const rows = await this.db.selectFrom('integrity_chain_links').selectAll()
      .where('count', '>', afterCount.toString()).orderBy('count').limit(limit).execute();
    return rows.map(toLink);
  }

  async whereChained(eventId: string): Promise<RecordedLink | undefined> {
    const row = await this.db.selectFrom('integrity_chain_links').selectAll().where('event_id', '=', eventId).limit(1).executeTakeFirst();
    return row ? toLink(row) : undefined;
  }

  async lastLink(): Promise<RecordedLink | undefined> {
    const row = await this.db.selectFrom('integrity_chain_links').selectAll().orderBy('count', 'desc').limit(1).executeTakeFirst();
    return row ? toLink(row) : undefined;
  }

  async latestCheckpoint(): Promise<KeptCheckpoint | undefined> {
    const row = await this.db.selectFrom('integrity_latest_checkpoint').select('data').where('id', '=', 1).executeTakeFirst();
    return row ? keptCheckpointFromJson(JSON.parse(row.data) as JsonObject) : undefined;
  }

  async keepCheckpoint(checkpoint: KeptCheckpoint): Promise<void> {
    const count = checkpoint.count.toString();
    await this.db.insertInto('integrity_latest_checkpoint')
      .values({ id: 1, count, data: JSON.stringify(keptCheckpointToJson(checkpoint)) })
      .onConflict((oc) => oc.column('id').doUpdateSet({ count, data: (eb) => eb.ref('excluded.data') })
        .where(sql<boolean>`excluded.count > integrity_latest_checkpoint.count`))
      .execute();
  }

  /** The database belongs to the read models (InfrastructureModule closes it). */
  async close(): Promise<void> {}
}
