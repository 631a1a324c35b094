import { Projection, ReadModelTransaction } from '../../projections/projection';
import { assertNever } from '../../shared/domain/decider';
import { FinalReportSubmitted, FollowUpRecorded, FollowUpsPlanned } from '../domain/promise.events';

type FollowUpEvent = FollowUpsPlanned | FollowUpRecorded | FinalReportSubmitted;

async function apply(trx: ReadModelTransaction, event: FollowUpEvent): Promise<void> {
  switch (event.type) {
    case 'FollowUpsPlanned': {
      const { promiseId, period, followUps, finalReportDueOn } = event.data;
      // A plan is remade only while none of it is recorded: replace the period's points.
      await trx.deleteFrom('follow_ups').where('promise_id', '=', promiseId).where('period_from', '=', period.from).execute();
      await trx.insertInto('follow_ups')
        .values(followUps.map((f) => ({
          promise_id: promiseId, follow_up_id: f.followUpId, period_from: period.from, period_to: period.to, due_on: f.dueOn, label: f.label,
          reported_on: null, summary: null, activity_statuses: null, measurements: null, communicated_to_citizens: null, communication_channels: null,
        })))
        // The domain refuses an id of an earlier period's plan (FOLLOW_UP_ID_ALREADY_USED), but stores written
        // before that hold such plans: the later plan takes the id over, so those stores still project and rebuild.
        .onConflict((oc) => oc.columns(['promise_id', 'follow_up_id']).doUpdateSet((eb) => ({
          period_from: eb.ref('excluded.period_from'), period_to: eb.ref('excluded.period_to'), due_on: eb.ref('excluded.due_on'), label: eb.ref('excluded.label'),
        })))
        .execute();
      await trx.insertInto('final_reports')
        .values({ promise_id: promiseId, period_from: period.from, period_to: period.to, due_on: finalReportDueOn, submitted_on: null, summary: null })
        .onConflict((oc) => oc.columns(['promise_id', 'period_from']).doUpdateSet({ due_on: finalReportDueOn }))
        .execute();
      return;
    }
    case 'FollowUpRecorded': {
      const d = event.data;
      await trx.updateTable('follow_ups')
        .set({
          reported_on: d.reportedOn, summary: d.summary, activity_statuses: JSON.stringify(d.activityStatuses), measurements: JSON.stringify(d.measurements),
          communicated_to_citizens: d.communicatedToCitizens, communication_channels: JSON.stringify(d.communicationChannels),
        })
        .where('promise_id', '=', d.promiseId).where('follow_up_id', '=', d.followUpId)
        .execute();
      return;
    }
    case 'FinalReportSubmitted': {
      const { promiseId, period, submittedOn, dueOn, summary } = event.data;
      await trx.insertInto('final_reports')
        .values({ promise_id: promiseId, period_from: period.from, period_to: period.to, due_on: dueOn, submitted_on: submittedOn, summary })
        .onConflict((oc) => oc.columns(['promise_id', 'period_from']).doUpdateSet({ submitted_on: submittedOn, summary }))
        .execute();
      return;
    }
    default:
      assertNever(event);
  }
}

export const followUpsProjection: Projection = {
  name: 'follow-ups',
  handles: ['FollowUpsPlanned', 'FollowUpRecorded', 'FinalReportSubmitted'],
  tables: ['follow_ups', 'final_reports'],
  apply: (trx, recorded) => apply(trx, { type: recorded.type, data: recorded.data } as FollowUpEvent),
};
