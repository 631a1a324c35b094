import { Kysely } from 'kysely';

/**
 * Issue 13: assessments recorded before 071 got a row without an owner, yet
 * their events do name one: the organisation of the actor in the metadata of
 * AssessmentStarted (see assessment.upcast.ts), which this database does not
 * hold. So the assessments read model is emptied and its checkpoint removed,
 * and the projection replays its events by itself, owners included. The other
 * read models are left as they are.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('assessment_items').execute();
  await db.deleteFrom('assessments').execute();
  await db.deleteFrom('projection_checkpoints').where('name', '=', 'assessments').execute();
}
