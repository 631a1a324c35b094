import { Kysely } from 'kysely';

/** The backbone read models: organisations, agreements, promises, activity log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('projection_checkpoints')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text')
    .addColumn('police_district', 'text')
    .addColumn('police_region', 'text')
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('activated_on', 'text')
    .addColumn('drafted_at', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('agreement_parties')
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('party_order', 'integer', (c) => c.notNull())
    .addColumn('signatory_name', 'text')
    .addColumn('signatory_title', 'text')
    .addColumn('signed_on', 'text')
    .addColumn('signed_place', 'text')
    .addPrimaryKeyConstraint('agreement_parties_pk', ['agreement_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('agreement_parties_by_org').on('agreement_parties').column('organisation_id').execute();

  await db.schema
    .createTable('promises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text')
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('adopted_on', 'text')
    .addColumn('adopted_place', 'text')
    .addColumn('adopted_signatories', 'text')
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('drafted_at', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('promises_by_agreement').on('promises').column('agreement_id').execute();
  await db.schema
    .createTable('promise_parties')
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('promise_parties_pk', ['promise_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('promise_parties_by_org').on('promise_parties').column('organisation_id').execute();
  await db.schema
    .createTable('promise_periods')
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('period_order', 'integer', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('extension_reason', 'text')
    .addPrimaryKeyConstraint('promise_periods_pk', ['promise_id', 'period_order'])
    .execute();
  await db.schema
    .createTable('promise_focus_areas')
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('focus_order', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('promise_focus_areas_pk', ['promise_id', 'focus_order'])
    .execute();
  await db.schema
    .createTable('planned_activities')
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('activity_order', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('responsible_organisation_ids', 'text', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('planned_activities_pk', ['promise_id', 'id'])
    .execute();

  await db.schema
    .createTable('activity_log')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('promise_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('responsible_organisation_id', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('outcome', 'text')
    .addColumn('notes', 'text')
    .addColumn('planned_activity_id', 'text')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_log_pk', ['promise_id', 'id'])
    .execute();
  await db.schema.createIndex('activity_log_by_promise').on('activity_log').columns(['promise_id', 'date', 'seq']).execute();
  await db.schema.createIndex('activity_log_by_date').on('activity_log').columns(['date', 'seq']).execute();
  await db.schema
    .createIndex('activity_log_by_org')
    .on('activity_log')
    .columns(['responsible_organisation_id', 'date'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The backbone migration is not reversible: rebuild the read models instead');
}
