import { Projection } from '../../projections/projection';
import { RecordedEvent } from '../../event-store/event-store.port';
import { ActivityLogged } from '../domain/promise.events';
import { ActivityLogTable } from './activity-log.table';

/** SQLite allows 32,766 bound values per statement; 11 columns a row. */
const ROWS_PER_INSERT = 2000;

function toRow(recorded: RecordedEvent): ActivityLogTable {
  const d = recorded.data as ActivityLogged['data'];
  return {
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
  };
}

export const activityLogProjection: Projection = {
  name: 'activity-log',
  handles: ['ActivityLogged'],
  tables: ['activity_log'],
  async apply(trx, recorded) {
    await trx.insertInto('activity_log').values(toRow(recorded)).execute();
  },
  /** The log is most of the history: one multi-row INSERT per batch keeps rebuilds fast. */
  async applyBatch(trx, events) {
    for (let i = 0; i < events.length; i += ROWS_PER_INSERT) {
      await trx.insertInto('activity_log').values(events.slice(i, i + ROWS_PER_INSERT).map(toRow)).execute();
    }
  },
};
