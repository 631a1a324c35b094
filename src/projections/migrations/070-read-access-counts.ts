import { Kysely } from 'kysely';

/**
 * Issue 13: a read-access entry counts reads per (subject, field) instead of copying the request and every
 * response path. Rows recorded before keep their path and count 1; new rows have path '' and a document hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('personal_data_reads').addColumn('count', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('personal_data_reads').addColumn('document_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('personal_data_reads').dropColumn('document_hash').execute();
  await db.schema.alterTable('personal_data_reads').dropColumn('count').execute();
}
