import { Kysely } from 'kysely';

/**
 * Issue 13: an assessment started without an agreement belongs to the
 * organisation that started it, and only its people (and auditors) read it.
 * Rows from before have no owner and are shown to auditors only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('assessments').addColumn('started_by_organisation_id', 'text').execute();
}
