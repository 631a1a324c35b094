import { Kysely, sql } from 'kysely';

/**
 * The whole collaboration lifecycle (issue 4): the organisation hierarchy and
 * people, signatory sets, agreement versions and endings, situation
 * assessments, publication, targets and indicators, corrections, follow-ups
 * and final reports.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('parent_id', 'text').execute();
  await db.schema.createIndex('organisations_by_parent').on('organisations').column('parent_id').execute();
  await db.schema
    .createTable('organisation_people')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('appointed_on', 'text', (c) => c.notNull())
    .addColumn('removed_on', 'text')
    .addColumn('removal_reason', 'text')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_people_pk', ['organisation_id', 'seq'])
    .execute();
  await db.schema
    .createTable('served_municipalities')
    .addColumn('police_area_id', 'text', (c) => c.notNull())
    .addColumn('municipality_id', 'text', (c) => c.notNull())
    .addColumn('served_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('served_municipalities_pk', ['police_area_id', 'municipality_id'])
    .execute();

  await db.schema.alterTable('agreements').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  for (const column of ['extended_on', 'extension_reason', 'ended_on', 'end_reason', 'superseded_by']) {
    await db.schema.alterTable('agreements').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('agreement_parties').addColumn('required_signatory_roles', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema
    .createTable('agreement_signatures')
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('signatory_name', 'text', (c) => c.notNull())
    .addColumn('signatory_title', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_signatures_pk', ['agreement_id', 'seq'])
    .execute();
  await db.schema
    .createTable('agreement_versions')
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('revised_on', 'text')
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('agreement_versions_pk', ['agreement_id', 'version'])
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text')
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessments_by_agreement').on('assessments').column('agreement_id').execute();
  await db.schema
    .createTable('assessment_items')
    .addColumn('assessment_id', 'text', (c) => c.notNull())
    .addColumn('item_kind', 'text', (c) => c.notNull()) // Source | Problem | FocusArea
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_order', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('organisation_id', 'text')
    .addColumn('problem_ids', 'text')
    .addPrimaryKeyConstraint('assessment_items_pk', ['assessment_id', 'item_kind', 'item_id'])
    .execute();

  for (const column of ['published_on', 'published_channels', 'completed_on', 'assessment_id', 'focus_area_ids']) {
    await db.schema.alterTable('promises').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('planned_activities').addColumn('target_quantity', 'integer').execute();
  await db.schema.alterTable('planned_activities').addColumn('target_per', 'text').execute();
  await db.schema.alterTable('planned_activities').addColumn('target_text', 'text').execute();
  await db.schema.alterTable('planned_activities').addColumn('indicators', 'text', (c) => c.notNull().defaultTo('[]')).execute();

  await db.schema.alterTable('activity_log').addColumn('hours', 'real').execute();
  await db.schema.alterTable('activity_log').addColumn('cost', 'real').execute();
  for (const column of ['corrects_entry_id', 'correction_reason', 'superseded_by']) {
    await db.schema.alterTable('activity_log').addColumn(column, 'text').execute();
  }
  await db.schema.createIndex('activity_log_by_planned').on('activity_log').columns(['promise_id', 'planned_activity_id', 'date']).execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('follow_up_id', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text')
    .addColumn('summary', 'text')
    .addColumn('activity_statuses', 'text')
    .addColumn('measurements', 'text')
    .addColumn('communicated_to_citizens', 'text')
    .addColumn('communication_channels', 'text')
    .addPrimaryKeyConstraint('follow_ups_pk', ['promise_id', 'follow_up_id'])
    .execute();
  await db.schema.createIndex('follow_ups_by_due').on('follow_ups').columns(['due_on', 'promise_id']).execute();
  await db.schema
    .createTable('final_reports')
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('submitted_on', 'text')
    .addColumn('summary', 'text')
    .addPrimaryKeyConstraint('final_reports_pk', ['promise_id', 'period_from'])
    .execute();
  await sql`create index final_reports_by_due on final_reports (due_on)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Read-model migrations are not reversible: rebuild the read models instead');
}
