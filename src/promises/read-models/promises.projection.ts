import { Projection, ReadModelTransaction } from '../../projections/projection';
import { assertNever } from '../../shared/domain/decider';
import { PlannedActivity, PromiseEvent } from '../domain/promise.events';

type PromiseLifecycleEvent = Exclude<PromiseEvent, { type: 'ActivityLogged' }>;

async function insertPlan(trx: ReadModelTransaction, promiseId: string, activities: PlannedActivity[]) {
  if (activities.length === 0) return;
  await trx
    .insertInto('planned_activities')
    .values(
      activities.map((a, i) => ({
        promise_id: promiseId,
        id: a.plannedActivityId,
        activity_order: i,
        description: a.description,
        responsible_organisation_ids: JSON.stringify(a.responsibleOrganisationIds),
        current: 1,
      })),
    )
    // An extension may keep an activity id with a revised text: the newest plan wins.
    .onConflict((oc) => oc.columns(['promise_id', 'id']).doUpdateSet((eb) => ({
      activity_order: eb.ref('excluded.activity_order'),
      description: eb.ref('excluded.description'),
      responsible_organisation_ids: eb.ref('excluded.responsible_organisation_ids'),
      current: 1,
    })))
    .execute();
}

async function applyPromiseEvent(trx: ReadModelTransaction, event: PromiseLifecycleEvent, seq: number, at: string) {
  switch (event.type) {
    case 'PromiseDrafted': {
      const d = event.data;
      await trx
        .insertInto('promises')
        .values({
          id: d.promiseId, agreement_id: d.agreementId, title: d.title, status: 'Draft', rationale: d.rationale,
          period_from: d.period.from, period_to: d.period.to, adopted_on: null, adopted_place: null,
          adopted_signatories: null, withdrawn_on: null, withdrawal_reason: null, drafted_at: at, seq,
        })
        .execute();
      await trx.insertInto('promise_parties').values(d.partyIds.map((id) => ({ promise_id: d.promiseId, organisation_id: id }))).execute();
      await trx
        .insertInto('promise_periods')
        .values({ promise_id: d.promiseId, period_order: 0, period_from: d.period.from, period_to: d.period.to, extension_reason: null })
        .execute();
      if (d.focusAreas.length > 0) {
        await trx.insertInto('promise_focus_areas').values(d.focusAreas.map((name, i) => ({ promise_id: d.promiseId, focus_order: i, name }))).execute();
      }
      await insertPlan(trx, d.promiseId, d.plannedActivities);
      return;
    }
    case 'PromiseAdopted': {
      const { promiseId, adoptedOn, place, signatories } = event.data;
      await trx
        .updateTable('promises')
        .set({ status: 'Adopted', adopted_on: adoptedOn, adopted_place: place, adopted_signatories: JSON.stringify(signatories) })
        .where('id', '=', promiseId)
        .execute();
      return;
    }
    case 'PromiseExtended': {
      const { promiseId, newPeriod, reason, revisedActivities } = event.data;
      await trx.updateTable('promises').set({ status: 'Extended', period_from: newPeriod.from, period_to: newPeriod.to }).where('id', '=', promiseId).execute();
      const { count } = await trx.selectFrom('promise_periods').select((eb) => eb.fn.countAll<number>().as('count')).where('promise_id', '=', promiseId).executeTakeFirstOrThrow();
      await trx
        .insertInto('promise_periods')
        .values({ promise_id: promiseId, period_order: Number(count), period_from: newPeriod.from, period_to: newPeriod.to, extension_reason: reason })
        .execute();
      if (revisedActivities) {
        await trx.updateTable('planned_activities').set({ current: 0 }).where('promise_id', '=', promiseId).execute();
        await insertPlan(trx, promiseId, revisedActivities);
      }
      return;
    }
    case 'PromiseWithdrawn': {
      const { promiseId, withdrawnOn, reason } = event.data;
      await trx.updateTable('promises').set({ status: 'Withdrawn', withdrawn_on: withdrawnOn, withdrawal_reason: reason }).where('id', '=', promiseId).execute();
      return;
    }
    default:
      assertNever(event);
  }
}

export const promisesProjection: Projection = {
  name: 'promises',
  handles: ['PromiseDrafted', 'PromiseAdopted', 'PromiseExtended', 'PromiseWithdrawn'],
  tables: ['promises', 'promise_parties', 'promise_periods', 'promise_focus_areas', 'planned_activities'],
  apply: (trx, recorded) =>
    applyPromiseEvent(trx, { type: recorded.type, data: recorded.data } as PromiseLifecycleEvent, Number(recorded.position.prepare), recorded.recordedAt.toISOString()),
};
