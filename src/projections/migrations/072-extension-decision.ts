import { Kysely } from 'kysely';

/**
 * Issue 15: an extension records who decided it, when and where it is minuted.
 * Rows of earlier extensions stay null: their events carry no decision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['extension_decided_by', 'extension_decided_on', 'extension_reference']) {
    await db.schema.alterTable('promise_periods').addColumn(column, 'text').execute();
  }
}
