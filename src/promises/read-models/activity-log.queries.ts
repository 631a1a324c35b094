import { Inject, Injectable } from '@nestjs/common';
import { Selectable, sql } from 'kysely';
import { ReadModelDb } from '../../projections/read-model-database';
import { READ_MODEL_DB } from '../../projections/read-model-db.token';
import { Connection, decodeCursor, pageSize, toConnection } from '../../shared/graphql/connection';
import { groupBy } from '../../shared/graphql/request-loaders';
import { ActivityKind, ActivityLogEntry } from '../graphql/promise.types';
import { ActivityLogTable } from './activity-log.table';

export interface ActivityLogFilter {
  promiseId?: string | null;
  organisationId?: string | null;
  kind?: ActivityKind | null;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string | null;
  to?: string | null;
  /** Entries a correction superseded are left out unless asked for (they no longer count). */
  includeSuperseded?: boolean | null;
}

/** One logged count: what progress sums up. */
export interface LoggedCount {
  promiseId: string;
  plannedActivityId: string;
  date: string;
  count: number;
}

export function toEntry(row: Selectable<ActivityLogTable>): ActivityLogEntry {
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
    hours: row.hours,
    cost: row.cost,
    correctsEntryId: row.corrects_entry_id,
    correctionReason: row.correction_reason,
    supersededBy: row.superseded_by,
  };
}

const cursorOf = (r: { date: string; seq: number }) => [r.date, Number(r.seq)];

@Injectable()
export class ActivityLogQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  private filtered(filter: Omit<ActivityLogFilter, 'promiseId'>, after?: string | null) {
    let query = this.db.selectFrom('activity_log').selectAll();
    if (filter.organisationId) query = query.where('responsible_organisation_id', '=', filter.organisationId);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.from) query = query.where('date', '>=', filter.from);
    if (filter.to) query = query.where('date', '<=', filter.to);
    if (!filter.includeSuperseded) query = query.where('superseded_by', 'is', null);
    if (after) {
      const [date, seq] = decodeCursor(after, 2) as [string, number];
      query = query.where((eb) => eb.or([eb('date', '>', date), eb.and([eb('date', '=', date), eb('seq', '>', seq)])]));
    }
    return query;
  }

  /** Chronological (by date, then by the order logged); the cursor is (date, order). */
  async list(filter: ActivityLogFilter, first?: number | null, after?: string | null): Promise<Connection<ActivityLogEntry>> {
    const limit = pageSize(first);
    let query = this.filtered(filter, after);
    if (filter.promiseId) query = query.where('promise_id', '=', filter.promiseId);
    const rows = await query.orderBy('date').orderBy('seq').limit(limit + 1).execute();
    return toConnection(rows, limit, cursorOf, toEntry);
  }

  /**
   * The same page for each of many promises in one query: a window function
   * numbers each promise's entries, so a list of promises with their nested
   * `activities` costs one query, not one per promise.
   */
  async pagesFor(promiseIds: readonly string[], filter: Omit<ActivityLogFilter, 'promiseId'>, first?: number | null, after?: string | null) {
    const limit = pageSize(first);
    if (promiseIds.length === 0) return new Map<string, Connection<ActivityLogEntry>>();
    const ranked = this.filtered(filter, after)
      .where('promise_id', 'in', [...promiseIds])
      .select(sql<number>`row_number() over (partition by promise_id order by date, seq)`.as('rank'));
    const rows = await this.db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '<=', limit + 1).orderBy('promise_id').orderBy('rank').execute();
    const byPromise = groupBy(rows as unknown as Selectable<ActivityLogTable>[], (r) => r.promise_id);
    return new Map(promiseIds.map((id) => [id, toConnection(byPromise.get(id) ?? [], limit, cursorOf, toEntry)]));
  }

  /** Counts per planned activity and date for many promises (superseded entries excluded): one query for progress. */
  async loggedCounts(promiseIds: readonly string[]): Promise<Map<string, LoggedCount[]>> {
    if (promiseIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('activity_log')
      .select(['promise_id', 'planned_activity_id', 'date', (eb) => eb.fn.sum<number>('count').as('total')])
      .where('promise_id', 'in', [...promiseIds])
      .where('planned_activity_id', 'is not', null)
      .where('superseded_by', 'is', null)
      .groupBy(['promise_id', 'planned_activity_id', 'date'])
      .execute();
    const counts = rows.map((r) => ({ promiseId: r.promise_id, plannedActivityId: r.planned_activity_id!, date: r.date, count: Number(r.total) }));
    return groupBy(counts, (c) => c.promiseId);
  }

  async byId(promiseId: string, entryId: string): Promise<ActivityLogEntry | null> {
    const row = await this.db.selectFrom('activity_log').selectAll().where('promise_id', '=', promiseId).where('id', '=', entryId).executeTakeFirst();
    return row ? toEntry(row) : null;
  }
}
