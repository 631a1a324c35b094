import { Projection, ReadModelTransaction } from '../../projections/projection';
import { RecordedEvent } from '../../event-store/event-store.port';
import { ActivityCorrected, ActivityLogged } from '../domain/promise.events';
import { StoredPromiseEvent, upcastPromiseEvent } from '../domain/promise.upcast';
import { ActivityLogTable } from './activity-log.table';
import { bulkInsert } from '../../projections/bulk-insert';

const COLUMNS: (keyof ActivityLogTable)[] = [
  'id', 'promise_id', 'date', 'kind', 'responsible_organisation_id', 'count', 'place', 'outcome', 'notes', 'planned_activity_id',
  'seq', 'hours', 'cost', 'corrects_entry_id', 'correction_reason', 'superseded_by',
];

function toRow(recorded: RecordedEvent): ActivityLogTable {
  const event = upcastPromiseEvent({ type: recorded.type, data: recorded.data } as StoredPromiseEvent) as ActivityLogged | ActivityCorrected;
  const d = event.data;
  const correction = event.type === 'ActivityCorrected' ? event.data : null;
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
    hours: d.hours,
    cost: d.cost,
    corrects_entry_id: correction?.correctsEntryId ?? null,
    correction_reason: correction?.reason ?? null,
    superseded_by: null,
  };
}

async function insert(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
  await bulkInsert(trx, 'activity_log', COLUMNS, events.map(toRow));
}

/** A correction adds its own entry and marks the one it supersedes; nothing is deleted. */
async function markSuperseded(trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> {
  const { promiseId, entryId, correctsEntryId } = recorded.data as ActivityCorrected['data'];
  await trx.updateTable('activity_log').set({ superseded_by: entryId }).where('promise_id', '=', promiseId).where('id', '=', correctsEntryId).execute();
}

export const activityLogProjection: Projection = {
  name: 'activity-log',
  handles: ['ActivityLogged', 'ActivityCorrected'],
  tables: ['activity_log'],
  rebuildBuildsIndexesLast: true,
  async apply(trx, recorded) {
    await insert(trx, [recorded]);
    if (recorded.type === 'ActivityCorrected') await markSuperseded(trx, recorded);
  },
  /** The log is most of the history: runs of new entries go in as multi-row INSERTs; corrections in order between them. */
  async applyBatch(trx, events) {
    let run: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type === 'ActivityLogged') {
        run.push(event);
        continue;
      }
      await insert(trx, run);
      run = [];
      await this.apply(trx, event);
    }
    await insert(trx, run);
  },
};
