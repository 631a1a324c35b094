import { Projection, ReadModelTransaction } from '../../projections/projection';
import { assertNever } from '../../shared/domain/decider';
import { PlannedActivity, PromiseEvent } from '../domain/promise.events';
import { StoredPromiseEvent, upcastPromiseEvent } from '../domain/promise.upcast';

type PromiseLifecycleEvent = Extract<
  PromiseEvent,
  { type: 'PromiseDrafted' | 'PromiseAdopted' | 'PromisePublished' | 'PromiseExtended' | 'PromiseWithdrawn' | 'PromiseCompleted' | 'PromiseLinkedToFocusAreas' }
>;

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
        target_quantity: a.target?.quantity ?? null,
        target_per: a.target?.per ?? null,
        target_text: a.target?.text ?? null,
        indicators: JSON.stringify(a.indicators),
      })),
    )
    // An extension may keep an activity id with a revised text: the newest plan wins.
    .onConflict((oc) => oc.columns(['promise_id', 'id']).doUpdateSet((eb) => ({
      activity_order: eb.ref('excluded.activity_order'),
      description: eb.ref('excluded.description'),
      responsible_organisation_ids: eb.ref('excluded.responsible_organisation_ids'),
      current: 1,
      target_quantity: eb.ref('excluded.target_quantity'),
      target_per: eb.ref('excluded.target_per'),
      target_text: eb.ref('excluded.target_text'),
      indicators: eb.ref('excluded.indicators'),
    })))
    .execute();
}

async function applyPromiseEvent(trx: ReadModelTransaction, event: PromiseLifecycleEvent, seq: number, at: string) {
  const promise = () => trx.updateTable('promises').where('id', '=', event.data.promiseId);
  switch (event.type) {
    case 'PromiseDrafted': {
      const d = event.data;
      await trx
        .insertInto('promises')
        .values({
          id: d.promiseId, agreement_id: d.agreementId, title: d.title, status: 'Draft', rationale: d.rationale,
          period_from: d.period.from, period_to: d.period.to, adopted_on: null, adopted_place: null,
          adopted_signatories: null, withdrawn_on: null, withdrawal_reason: null, drafted_at: at, seq,
          published_on: null, published_channels: null, completed_on: null, assessment_id: null, focus_area_ids: null,
        })
        .execute();
      await trx.insertInto('promise_parties').values(d.partyIds.map((id) => ({ promise_id: d.promiseId, organisation_id: id }))).execute();
      await trx
        .insertInto('promise_periods')
        .values({ promise_id: d.promiseId, period_order: 0, period_from: d.period.from, period_to: d.period.to, extension_reason: null, extension_decided_by: null, extension_decided_on: null, extension_reference: null })
        .execute();
      if (d.focusAreas.length > 0) {
        await trx.insertInto('promise_focus_areas').values(d.focusAreas.map((name, i) => ({ promise_id: d.promiseId, focus_order: i, name }))).execute();
      }
      await insertPlan(trx, d.promiseId, d.plannedActivities);
      return;
    }
    case 'PromiseAdopted': {
      const { adoptedOn, place, signatories } = event.data;
      await promise().set({ status: 'Adopted', adopted_on: adoptedOn, adopted_place: place, adopted_signatories: JSON.stringify(signatories) }).execute();
      return;
    }
    case 'PromisePublished':
      await promise().set({ status: 'Published', published_on: event.data.publishedOn, published_channels: JSON.stringify(event.data.channels) }).execute();
      return;
    case 'PromiseExtended': {
      const { promiseId, newPeriod, reason, revisedActivities, decision } = event.data;
      await promise().set({ status: 'Extended', period_from: newPeriod.from, period_to: newPeriod.to }).execute();
      const { count } = await trx.selectFrom('promise_periods').select((eb) => eb.fn.countAll<number>().as('count')).where('promise_id', '=', promiseId).executeTakeFirstOrThrow();
      await trx
        .insertInto('promise_periods')
        .values({
          promise_id: promiseId, period_order: Number(count), period_from: newPeriod.from, period_to: newPeriod.to, extension_reason: reason,
          extension_decided_by: decision?.decidedBy ?? null, extension_decided_on: decision?.decidedOn ?? null, extension_reference: decision?.reference ?? null,
        })
        .execute();
      if (revisedActivities) {
        await trx.updateTable('planned_activities').set({ current: 0 }).where('promise_id', '=', promiseId).execute();
        await insertPlan(trx, promiseId, revisedActivities);
      }
      return;
    }
    case 'PromiseWithdrawn': {
      const { withdrawnOn, reason } = event.data;
      await promise().set({ status: 'Withdrawn', withdrawn_on: withdrawnOn, withdrawal_reason: reason }).execute();
      return;
    }
    case 'PromiseCompleted':
      await promise().set({ status: 'Completed', completed_on: event.data.completedOn }).execute();
      return;
    case 'PromiseLinkedToFocusAreas':
      await promise().set({ assessment_id: event.data.assessmentId, focus_area_ids: JSON.stringify(event.data.focusAreaIds) }).execute();
      return;
    default:
      assertNever(event);
  }
}

export const promisesProjection: Projection = {
  name: 'promises',
  handles: ['PromiseDrafted', 'PromiseAdopted', 'PromisePublished', 'PromiseExtended', 'PromiseWithdrawn', 'PromiseCompleted', 'PromiseLinkedToFocusAreas'],
  tables: ['promises', 'promise_parties', 'promise_periods', 'promise_focus_areas', 'planned_activities'],
  apply: (trx, recorded) =>
    applyPromiseEvent(
      trx,
      upcastPromiseEvent({ type: recorded.type, data: recorded.data } as StoredPromiseEvent) as PromiseLifecycleEvent,
      Number(recorded.position.prepare),
      recorded.recordedAt.toISOString(),
    ),
};
