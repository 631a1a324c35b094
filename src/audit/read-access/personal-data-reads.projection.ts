import { Insertable } from 'kysely';
import { RecordedEvent } from '../../event-store/event-store.port';
import { Projection } from '../../projections/projection';
import { readAuditMetadata } from '../audit-log/event-metadata';
import { PERSONAL_DATA_READ_EVENT_TYPE, readsOf } from './personal-data-read.event';
import { PersonalDataReadsTable } from './personal-data-reads.table';

const ROWS_PER_INSERT = 2000;

/** Either version of the event (readsOf upcasts the first, which copied the request). */
function toRows(event: RecordedEvent): Insertable<PersonalDataReadsTable>[] {
  const data = readsOf(event.data);
  const m = readAuditMetadata(event.metadata);
  return data.reads.map((read, entry) => ({
    seq: Number(event.position.prepare),
    entry,
    event_id: event.id,
    read_at: m.occurredAt ?? event.recordedAt.toISOString(),
    reader_user_id: m.actor.userId ?? 'unknown',
    reader_name: m.actor.displayName ?? 'unknown',
    reader_organisation_id: m.actor.organisationId,
    reader_role: m.actor.role ?? 'unknown',
    correlation_id: m.correlationId ?? '',
    operation_name: data.operationName,
    field: read.field,
    path: read.path ?? '',
    subject_id: read.subjectId,
    count: read.count,
    document_hash: data.documentHash,
  }));
}

export const personalDataReadsProjection: Projection = {
  name: 'personal-data-reads',
  handles: [PERSONAL_DATA_READ_EVENT_TYPE],
  tables: ['personal_data_reads'],
  async apply(trx, event) {
    const rows = toRows(event);
    if (rows.length > 0) await trx.insertInto('personal_data_reads').values(rows).execute();
  },
  async applyBatch(trx, events) {
    const rows = events.flatMap(toRows);
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await trx.insertInto('personal_data_reads').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
    }
  },
};
