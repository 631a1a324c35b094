import { Projection } from '../../projections/projection';
import { ActivityLogged } from '../domain/promise.events';

export const activityLogProjection: Projection = {
  name: 'activity-log',
  handles: ['ActivityLogged'],
  tables: ['activity_log'],
  async apply(trx, recorded) {
    const d = (recorded.data as ActivityLogged['data']);
    await trx
      .insertInto('activity_log')
      .values({
        id: d.entryId,
        promise_id: d.promiseId,
        date: d.date,
        kind: d.kind,
        responsible_organisation_id: d.responsibleOrganisationId,
        count: d.count,
        place: d.place,
        outcome: d.outcome,
        notes: d.notes,
        planned_activity_id: d.plannedActivityId,
        seq: Number(recorded.position.prepare),
      })
      .execute();
  },
};
