import { RecordedEvent } from '../../event-store/event-store.port';
import { positionToString } from '../../event-store/position';
import { Projection } from '../../projections/projection';
import { EVERY_EVENT } from '../../projections/projection-applier';
import { AuditLogTable } from './audit-log.table';
import { bulkInsert } from '../../projections/bulk-insert';
import { businessTimeOf } from '../history/business-time.upcast';
import { categoryOf, readAuditMetadata } from './event-metadata';

const COLUMNS: (keyof AuditLogTable)[] = [
  'seq', 'position', 'event_id', 'stream', 'category', 'revision', 'type', 'occurred_at', 'recorded_at', 'actor_user_id',
  'actor_name', 'actor_organisation_id', 'actor_role', 'command_id', 'command_type', 'correlation_id', 'causation_id',
];

function toRow(event: RecordedEvent): AuditLogTable {
  const m = readAuditMetadata(event.metadata);
  return {
    seq: Number(event.position.prepare),
    position: positionToString(event.position),
    event_id: event.id,
    stream: event.streamName,
    category: categoryOf(event.streamName),
    revision: Number(event.revision),
    type: event.type,
    // Old events without a business time fall back to their recorded time (business-time.upcast.ts).
    occurred_at: businessTimeOf(event).toISOString(),
    recorded_at: event.recordedAt.toISOString(),
    actor_user_id: m.actor.userId,
    actor_name: m.actor.displayName,
    actor_organisation_id: m.actor.organisationId,
    actor_role: m.actor.role,
    command_id: m.commandId,
    command_type: m.commandType,
    correlation_id: m.correlationId,
    causation_id: m.causationId,
  };
}

/** Every event, whatever its type: new event types appear in the audit log without a change here. */
export const auditLogProjection: Projection = {
  name: 'audit-log',
  handles: [EVERY_EVENT],
  tables: ['audit_log'],
  rebuildBuildsIndexesLast: true,
  async apply(trx, event) {
    await bulkInsert(trx, 'audit_log', COLUMNS, [toRow(event)]);
  },
  /** One row per event makes this the biggest table: a batch goes in as multi-row INSERTs (see bulk-insert.ts). */
  async applyBatch(trx, events) {
    await bulkInsert(trx, 'audit_log', COLUMNS, events.map(toRow));
  },
};
