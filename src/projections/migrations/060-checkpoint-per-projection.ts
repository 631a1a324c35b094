import { Kysely } from 'kysely';

/** The projections there were when checkpoints became per projection (frozen: later ones start from nothing). */
const PROJECTIONS_AT_THIS_VERSION = [
  'organisations', 'agreements', 'promises', 'activity-log', 'follow-ups', 'assessments', 'audit-log', 'personal-data-reads',
];

/**
 * Issue 12: one checkpoint per projection, so one that fails stops only itself.
 * The shared 'read-models' checkpoint seeds each (they were all there), and a
 * projection that fails records why, so every instance can report it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('projection_checkpoints').addColumn('failure', 'text').execute();
  const shared = await db.selectFrom('projection_checkpoints').selectAll().where('name', '=', 'read-models').executeTakeFirst();
  if (!shared) return;
  for (const name of PROJECTIONS_AT_THIS_VERSION) {
    await db.insertInto('projection_checkpoints')
      .values({ name, position: shared.position, updated_at: shared.updated_at })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  await db.deleteFrom('projection_checkpoints').where('name', '=', 'read-models').execute();
}
