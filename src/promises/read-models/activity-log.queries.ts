import { Inject, Injectable } from '@nestjs/common';
import { Selectable } from 'kysely';
import { ReadModelDb } from '../../projections/read-model-database';
import { READ_MODEL_DB } from '../../projections/read-model-db.token';
import { Connection, decodeCursor, pageSize, toConnection } from '../../shared/graphql/connection';
import { ActivityKind, ActivityLogEntry } from '../graphql/promise.types';
import { ActivityLogTable } from './activity-log.table';

export interface ActivityLogFilter {
  promiseId?: string | null;
  organisationId?: string | null;
  kind?: ActivityKind | null;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string | null;
  to?: string | null;
}

function toEntry(row: Selectable<ActivityLogTable>): ActivityLogEntry {
  return {
    id: row.id,
    promiseId: row.promise_id,
    date: row.date,
    kind: row.kind as ActivityKind,
    responsibleOrganisationId: row.responsible_organisation_id,
    count: row.count,
    place: row.place,
    outcome: row.outcome,
    notes: row.notes,
    plannedActivityId: row.planned_activity_id,
  };
}

@Injectable()
export class ActivityLogQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  /** Chronological (by date, then by the order logged); the cursor is (date, order). */
  async list(filter: ActivityLogFilter, first?: number | null, after?: string | null): Promise<Connection<ActivityLogEntry>> {
    const limit = pageSize(first);
    let query = this.db.selectFrom('activity_log').selectAll();
    if (filter.promiseId) query = query.where('promise_id', '=', filter.promiseId);
    if (filter.organisationId) query = query.where('responsible_organisation_id', '=', filter.organisationId);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.from) query = query.where('date', '>=', filter.from);
    if (filter.to) query = query.where('date', '<=', filter.to);
    if (after) {
      const [date, seq] = decodeCursor(after, 2) as [string, number];
      query = query.where((eb) => eb.or([eb('date', '>', date), eb.and([eb('date', '=', date), eb('seq', '>', seq)])]));
    }
    const rows = await query.orderBy('date').orderBy('seq').limit(limit + 1).execute();
    return toConnection(rows, limit, (r) => [r.date, Number(r.seq)], toEntry);
  }

  async byId(promiseId: string, entryId: string): Promise<ActivityLogEntry | null> {
    const row = await this.db.selectFrom('activity_log').selectAll().where('promise_id', '=', promiseId).where('id', '=', entryId).executeTakeFirst();
    return row ? toEntry(row) : null;
  }
}
