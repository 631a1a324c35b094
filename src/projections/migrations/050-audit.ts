import { Kysely } from 'kysely';

/** Issue 5: the global audit log and the log of personal-data reads (both projections over events). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('stream', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('actor_organisation_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('command_id', 'text')
    .addColumn('command_type', 'text')
    .addColumn('correlation_id', 'text')
    .addColumn('causation_id', 'text')
    .execute();
  // Indexes for the selective filters only (each ending in seq, so a page is a range scan): every index
  // costs every insert, and this table gets a row per event. Type, organisation, category and time
  // ranges are scanned in log order, which a page of results stops early.
  for (const column of ['actor_user_id', 'stream', 'correlation_id']) {
    await db.schema.createIndex(`audit_log_by_${column}`).on('audit_log').columns([column, 'seq']).execute();
  }

  await db.schema
    .createTable('personal_data_reads')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('entry', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addColumn('reader_user_id', 'text', (c) => c.notNull())
    .addColumn('reader_name', 'text', (c) => c.notNull())
    .addColumn('reader_organisation_id', 'text')
    .addColumn('reader_role', 'text', (c) => c.notNull())
    .addColumn('correlation_id', 'text', (c) => c.notNull())
    .addColumn('operation_name', 'text')
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addPrimaryKeyConstraint('personal_data_reads_pk', ['seq', 'entry'])
    .execute();
  for (const column of ['reader_user_id', 'field', 'subject_id', 'read_at']) {
    await db.schema.createIndex(`personal_data_reads_by_${column}`).on('personal_data_reads').columns([column, 'seq', 'entry']).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('personal_data_reads').execute();
  await db.schema.dropTable('audit_log').execute();
}
