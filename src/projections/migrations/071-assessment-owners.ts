import { Kysely } from 'kysely';

/**
 * Issue 13: an assessment started without an agreement belongs to the
 * organisation that started it, and only its people (and auditors) read it.
 * Older events name the starter only in their metadata (see
 * assessment.upcast.ts), which this database does not hold: so the
 * assessments read model is emptied and its checkpoint removed, and the
 * projection replays those events by itself, owners included. The other
 * read models are left as they are.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assessments').addColumn('started_by_organisation_id', 'text').execute();
  await db.deleteFrom('assessment_items').execute();
  await db.deleteFrom('assessments').execute();
  await db.deleteFrom('projection_checkpoints').where('name', '=', 'assessments').execute();
}
