import { Inject, Injectable } from '@nestjs/common';
import { Selectable } from 'kysely';
import { ReadModelDb } from '../../projections/read-model-database';
import { READ_MODEL_DB } from '../../projections/read-model-db.token';
import { Connection, decodeCursor, pageSize, toConnection } from '../../shared/graphql/connection';
import { AuditLogTable } from './audit-log.table';
import { categoryOf } from './event-metadata';
import { agreementStream, assessmentStream, organisationStream, promiseStream } from '../../shared/streams';

export interface AuditLogFilter {
  actorUserId?: string | null;
  /** The actor's organisation. */
  organisationId?: string | null;
  eventType?: string | null;
  stream?: string | null;
  category?: string | null;
  correlationId?: string | null;
  /** Business time (metadata.occurredAt), inclusive ISO instants. */
  occurredFrom?: string | null;
  occurredTo?: string | null;
  /** Store time, inclusive ISO instants. */
  recordedFrom?: string | null;
  recordedTo?: string | null;
  /** Only the domain's own streams (BUSINESS_CATEGORIES). */
  businessOnly?: boolean | null;
}

/** The categories commands write to; everything else (read-access log, integrity checkpoints) is the system's own. */
export const BUSINESS_CATEGORIES = [organisationStream, agreementStream, promiseStream, assessmentStream].map((stream) => categoryOf(stream('x')));

export type AuditLogRow = Selectable<AuditLogTable>;

@Injectable()
export class AuditLogQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  /** In log order (oldest first); the cursor is the global position. */
  async list(filter: AuditLogFilter, first?: number | null, after?: string | null): Promise<Connection<AuditLogRow>> {
    const limit = pageSize(first);
    let query = this.db.selectFrom('audit_log').selectAll();
    const equal = [
      ['actor_user_id', filter.actorUserId],
      ['actor_organisation_id', filter.organisationId],
      ['type', filter.eventType],
      ['stream', filter.stream],
      ['category', filter.category],
      ['correlation_id', filter.correlationId],
    ] as const;
    for (const [column, value] of equal) if (value) query = query.where(column, '=', value);
    if (filter.businessOnly) query = query.where('category', 'in', BUSINESS_CATEGORIES);
    if (filter.occurredFrom) query = query.where('occurred_at', '>=', filter.occurredFrom);
    if (filter.occurredTo) query = query.where('occurred_at', '<=', filter.occurredTo);
    if (filter.recordedFrom) query = query.where('recorded_at', '>=', filter.recordedFrom);
    if (filter.recordedTo) query = query.where('recorded_at', '<=', filter.recordedTo);
    if (after) query = query.where('seq', '>', decodeCursor(after, 1)[0] as number);
    const rows = await query.orderBy('seq').limit(limit + 1).execute();
    return toConnection(rows, limit, (r) => [r.seq], (r) => r);
  }
}
